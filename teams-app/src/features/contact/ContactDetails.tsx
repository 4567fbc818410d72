import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import {
  CardSkeleton,
  CompanyView,
  type Contact,
  ContactCard,
  ContactEditor,
  NotesEditor,
  type SenderCard,
  useUiText,
} from '@klarkonform/shared/ui';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { usePermissions } from '../../shell/usePermissions';
import { type ContactTarget, loadCard } from './load-card';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ContactDetailsProps {
  target: ContactTarget;
  /** Opens another contact (a person of the company view). */
  onOpenContact: (target: ContactTarget) => void;
  /** The contact was changed here (e.g. edited): lists can update their row. */
  onChanged?: ((contact: Contact) => void) | undefined;
  /** The notes editor has unsaved text: the drawer asks before it closes. */
  onNotesDirty?: ((dirty: boolean) => void) | undefined;
}

type Mode = 'card' | 'company' | 'edit' | 'notes';

// The shared contact card (the same component as in the Outlook task pane), with the shared
// company view and editor, loaded on demand.
export function ContactDetails({ target, onOpenContact, onChanged, onNotesDirty }: ContactDetailsProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const { t } = useUiText();
  const { api } = useServices();
  const can = usePermissions();
  const { id, email } = target;
  const [card, setCard] = useState<SenderCard | undefined>();
  const [error, setError] = useState<unknown>();
  const [mode, setMode] = useState<Mode>('card');
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    let active = true;
    setError(undefined);
    loadCard(api, { id, email }).then(
      (value) => active && setCard(value),
      (err: unknown) => active && setError(err),
    );
    return () => {
      active = false;
    };
  }, [api, id, email]);

  useEffect(() => {
    setCard(undefined);
    setMode('card');
    setSaved(false);
    return load();
  }, [load]);

  if (error !== undefined) return <ProblemBar error={error} onRetry={load} />;
  if (!card?.contact) return <CardSkeleton />;
  const contact = card.contact;

  if (mode === 'edit') {
    return (
      <Suspense fallback={<CardSkeleton />}>
        <ContactEditor
          contact={contact}
          companyName={card.company?.kind === 'company' ? card.company.name : undefined}
          onCancel={() => setMode('card')}
          onChanged={(changed) => onChanged?.(changed)}
          onOpenContact={(found) => onOpenContact({ id: found.id, email: found.email })}
          onSaved={(changed) => {
            onChanged?.(changed);
            // The saved contact at once; the reload brings its company, owner and findings.
            setCard({ ...card, contact: changed });
            setSaved(true);
            setMode('card');
            load();
          }}
        />
      </Suspense>
    );
  }

  if (mode === 'notes') {
    return (
      <Suspense fallback={<CardSkeleton />}>
        <NotesEditor
          key={contact.id}
          contact={contact}
          onClose={() => setMode('card')}
          onDirtyChange={onNotesDirty}
          onChanged={(changed) => {
            // The editor stays open and shows the saved notes; the card and the list follow.
            onChanged?.(changed);
            setCard({ ...card, contact: changed });
            setSaved(false);
          }}
        />
      </Suspense>
    );
  }

  const company = contact.kind === 'company' ? contact : card.company;
  if (mode === 'company' && company) {
    return (
      <Suspense fallback={<CardSkeleton />}>
        <CompanyView
          company={company}
          people={card.companyPeople ?? []}
          onOpenPerson={(person) => onOpenContact({ id: person.id })}
          onBack={() => setMode('card')}
        />
      </Suspense>
    );
  }

  const actions = (
    <div className={styles.actions}>
      {can('contacts:write') && <Button onClick={() => setMode('edit')}>{t('card.edit')}</Button>}
      {can('notes:write') && <Button onClick={() => setMode('notes')}>{t('card.addNote')}</Button>}
      {contact.kind === 'company' && (
        <Button onClick={() => setMode('company')}>{t('card.companyPeople', { company: contact.displayName })}</Button>
      )}
    </div>
  );
  return (
    <div className={styles.root}>
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{tt('card.saved')}</MessageBarBody>
        </MessageBar>
      )}
      <ContactCard card={card} actions={actions} onOpenCompany={company ? () => setMode('company') : undefined} />
    </div>
  );
}
