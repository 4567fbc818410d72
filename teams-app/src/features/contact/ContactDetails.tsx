import { Button, MessageBar, MessageBarBody, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { Role } from '@klarkonform/shared';
import {
  CardSkeleton,
  type Contact,
  ContactCard,
  ContactTimeline,
  type ContactTimelineHandle,
  type FixTarget,
  FollowUpForm,
  NewContactDialog,
  fixTargetOf,
  primaryEmail,
  type QualityFinding,
  QuickEntryForm,
  type QuickEntryType,
  RESTRICTED_ACTIONS_HINT_ID,
  RestrictedActionsHint,
  useFollowUpCompletion,
  useUiText,
} from '@klarkonform/shared/ui';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { usePermissions } from '../../shell/usePermissions';
import { CompanyPeopleFix } from './CompanyPeopleFix';
import { ContactForm, type FormMode } from './ContactForm';
import { canOpenFix } from './fix-access';
import { LeadFixActions } from './LeadFixActions';
import type { ContactTarget } from './load-card';
import { useContactCard } from './useContactCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ContactDetailsProps {
  target: ContactTarget;
  /** Opens another contact (a person of the company view, the company of a finding), maybe at a fix. */
  onOpenContact: (target: ContactTarget) => void;
  /** A contact was changed or created here (edited, consent recorded, lead moved on): lists update their row. */
  onChanged?: ((contact: Contact) => void) | undefined;
  /** The notes editor has unsaved text: the drawer asks before it closes. */
  onNotesDirty?: ((dirty: boolean) => void) | undefined;
}

/** A fix shown above the card, so the card shows what the fix changed. */
type Panel = { kind: 'lead' } | { kind: 'people'; role: Extract<Role, 'decisionMaker' | 'billingContact'> };

// The shared contact card (the same component as in the Outlook task pane), with the shared
// company view, editors and consent form, loaded on demand. Each contact (and each fix it was
// opened for) gets a fresh view.
export function ContactDetails(props: ContactDetailsProps) {
  const { id, fix } = props.target;
  return <ContactView key={`${id}:${JSON.stringify(fix ?? null)}`} {...props} />;
}

function ContactView({ target, onOpenContact, onChanged, onNotesDirty }: ContactDetailsProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const { t, date } = useUiText();
  const can = usePermissions();
  const { card, error, refreshing, reload, showSaved } = useContactCard(target);
  const [mode, setMode] = useState<FormMode | { kind: 'card' }>({ kind: 'card' });
  const [panel, setPanel] = useState<Panel | undefined>();
  const [addingPerson, setAddingPerson] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [pendingFix, setPendingFix] = useState(target.fix);
  const [followUpOpen, setFollowUpOpen] = useState(false);
  const [quick, setQuick] = useState<QuickEntryType | undefined>();
  const timeline = useRef<ContactTimelineHandle>(null);
  const contact = card?.contact;
  // The card carries the open follow-ups; completing one adds an entry to the timeline too.
  const completion = useFollowUpCompletion(
    useCallback(() => {
      reload();
      timeline.current?.reload();
    }, [reload]),
  );

  /** A change saved here: the card shows it at once, and the lists around hear of it. */
  const changed = (saved: Contact) => {
    showSaved(saved);
    onChanged?.(saved);
  };

  const openFix = (next: FixTarget) => {
    setNotice(undefined);
    if (next.subject === 'company') {
      if (card?.company) {
        const company = card.company;
        onOpenContact({ id: company.id, email: primaryEmail(company), fix: { ...next, subject: 'contact' } });
      }
      return;
    }
    if (next.action === 'edit') setMode({ kind: 'edit', focusField: next.field });
    else if (next.action === 'consent') setMode({ kind: 'consent', channel: next.channel });
    else if (next.action === 'lead') setPanel({ kind: 'lead' });
    else if (next.action === 'assignRole') setPanel({ kind: 'people', role: next.role });
    else setAddingPerson(true);
  };

  // Opened through "Beheben": straight to the fix once the contact is there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per loaded card, openFix reads it
  useEffect(() => {
    if (pendingFix && contact) {
      setPendingFix(undefined);
      openFix(pendingFix);
    }
  }, [pendingFix, contact]);

  if (error !== undefined) return <ProblemBar error={error} onRetry={reload} />;
  if (!card || !contact) return <CardSkeleton />;

  const backToCard = (text?: string) => {
    setMode({ kind: 'card' });
    setNotice(text);
  };

  const company = contact.kind === 'company' ? contact : card.company;
  if (mode.kind !== 'card' && (mode.kind !== 'company' || company)) {
    return (
      <ContactForm
        mode={mode}
        card={card}
        onSaved={(saved) => {
          // The save is over with its answer: back to the card, which refreshes in the background.
          backToCard(tt('card.saved'));
          changed(saved);
        }}
        onChanged={changed}
        onClose={() => backToCard()}
        onOpenContact={onOpenContact}
        onNotesDirty={onNotesDirty}
      />
    );
  }

  const fixOf = (finding: QualityFinding) => fixTargetOf(finding, contact.kind);
  const canFix = (finding: QualityFinding) => {
    const next = fixOf(finding);
    return canOpenFix(next, can) && (next.subject === 'contact' || card.company !== undefined);
  };
  // A restricted contact (Art. 18 DSGVO) is only stored and shown: the API refuses every change
  // (409 contactRestricted), so the buttons are disabled and say why.
  const restricted = contact.restriction !== undefined;
  const blocked = restricted ? { disabled: true, 'aria-describedby': RESTRICTED_ACTIONS_HINT_ID } : {};
  const actions = (
    <div className={styles.actions}>
      {can('contacts:write') && (
        <Button
          {...blocked}
          onClick={() => {
            setNotice(undefined);
            setMode({ kind: 'edit' });
          }}
        >
          {t('card.edit')}
        </Button>
      )}
      {can('notes:write') && (
        <Button {...blocked} onClick={() => setMode({ kind: 'notes' })}>
          {t('card.addNote')}
        </Button>
      )}
      {can('consent:write') && (
        <Button {...blocked} onClick={() => setMode({ kind: 'consent' })}>
          {t('card.addConsent')}
        </Button>
      )}
      {can('followUps:write') && (
        <Button
          {...blocked}
          onClick={() => {
            setNotice(undefined);
            setFollowUpOpen(true);
          }}
        >
          {t('followUp.action')}
        </Button>
      )}
      {contact.kind === 'company' && (
        <Button onClick={() => setMode({ kind: 'company' })}>
          {t('card.companyPeople', { company: contact.displayName })}
        </Button>
      )}
      {can('activities:write') && (
        <>
          <Button {...blocked} onClick={() => setQuick('call')}>
            {t('activity.quickCall')}
          </Button>
          <Button {...blocked} onClick={() => setQuick('note')}>
            {t('activity.quickNote')}
          </Button>
        </>
      )}
      {restricted && <RestrictedActionsHint />}
    </div>
  );
  return (
    <div className={styles.root}>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {refreshing && <Spinner size="tiny" labelPosition="after" label={tt('card.refreshing')} />}
      {panel?.kind === 'lead' && (
        <LeadFixActions
          contact={contact}
          can={can}
          onChanged={(contacts) => contacts.forEach(changed)}
          onClose={() => setPanel(undefined)}
        />
      )}
      {panel?.kind === 'people' && (
        <CompanyPeopleFix
          companyName={contact.displayName}
          people={card.companyPeople ?? []}
          role={panel.role}
          onEditRoles={(person) =>
            onOpenContact({ id: person.id, fix: { action: 'edit', subject: 'contact', field: 'roles' } })
          }
          onAddPerson={
            canOpenFix({ action: 'addPerson', subject: 'contact' }, can) ? () => setAddingPerson(true) : undefined
          }
          onClose={() => setPanel(undefined)}
        />
      )}
      {followUpOpen && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <FollowUpForm
            contact={contact}
            ownerName={card.owner?.name}
            onSaved={(saved) => {
              setFollowUpOpen(false);
              reload();
              setNotice(t('followUp.saved', { date: date(saved.dueDate) }));
            }}
            onCancel={() => setFollowUpOpen(false)}
          />
        </Suspense>
      )}
      <ContactCard
        card={card}
        actions={actions}
        salesWork={{
          onCompleteFollowUp: can('followUps:write') ? completion.complete : undefined,
          completingFollowUpId: completion.completingId,
          followUpNotice: completion.notice,
          timelineShown: true,
        }}
        onOpenCompany={company ? () => setMode({ kind: 'company' }) : undefined}
        onFixFinding={(finding) => openFix(fixOf(finding))}
        canFixFinding={restricted ? () => false : canFix}
      />
      {quick && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <QuickEntryForm
            key={quick}
            type={quick}
            contactId={contact.id}
            contactName={contact.displayName}
            onCancel={() => setQuick(undefined)}
            onSaved={(activity) => {
              setQuick(undefined);
              setNotice(t('activity.form.saved', { subject: activity.subject }));
              timeline.current?.reload();
              // A lead's last activity moved on.
              reload();
            }}
          />
        </Suspense>
      )}
      <ContactTimeline ref={timeline} contactId={contact.id} name={contact.displayName} />
      {addingPerson && company && (
        <Suspense fallback={null}>
          <NewContactDialog
            open
            kind="person"
            companyId={company.id}
            companyName={company.displayName}
            onCancel={() => setAddingPerson(false)}
            onOpenExisting={(existing) => onOpenContact({ id: existing.id, email: existing.email })}
            onCreated={(person) => {
              setAddingPerson(false);
              setNotice(tt('fix.personCreated', { name: person.displayName, company: company.displayName }));
              onChanged?.(person);
              // The company's findings and people changed with it.
              reload();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
