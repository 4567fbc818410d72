import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import {
  type Activity,
  CardSkeleton,
  ContactCard,
  fixTargetOf,
  QuickEntryForm,
  type QuickEntryType,
  RESTRICTED_ACTIONS_HINT_ID,
  RestrictedActionsHint,
  UnknownSenderCard,
  useFollowUpCompletion,
  useUiText,
} from '@klarkonform/shared/ui';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { AuthRequiredError } from '@klarkonform/shared/auth';
import type { CardEntry } from '../features/cards/card-store';
import type { Participant } from '../features/participants/participants';
import { markCardShown } from './perf-marks';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type PersonAction = 'create' | 'edit' | 'consent' | 'notes' | 'company' | 'followUp' | 'timeline';

export interface PersonViewProps {
  person: Participant;
  entry: CardEntry | undefined;
  switchId: number;
  can: { write: boolean; consent: boolean; notes: boolean; activities: boolean; followUps: boolean };
  /** `field`: for 'edit', the field path the editor opens at (a finding's "Beheben"). */
  onAction: (action: PersonAction, field?: string) => void;
  onRetry: () => void;
  onSignIn: () => void;
  /** A call or note was recorded, or a follow-up completed, from the card: the card is read again. */
  onActivityRecorded?: (activity?: Activity) => void;
}

// The selected person's card: loading, known, unknown (with "Kontakt anlegen"), or failed.
export function PersonView({
  person,
  entry,
  switchId,
  can,
  onAction,
  onRetry,
  onSignIn,
  onActivityRecorded,
}: PersonViewProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const card = entry?.card;
  const [quick, setQuick] = useState<QuickEntryType | undefined>();
  const [recorded, setRecorded] = useState<string | undefined>();
  const completion = useFollowUpCompletion(useCallback(() => onActivityRecorded?.(), [onActivityRecorded]));
  // Another person or item closes the quick entry (state that follows props, adjusted while rendering).
  const shownFor = `${person.email}\n${switchId}`;
  const [seenFor, setSeenFor] = useState(shownFor);
  if (seenFor !== shownFor) {
    setSeenFor(shownFor);
    setQuick(undefined);
    setRecorded(undefined);
  }

  useEffect(() => {
    if (card) markCardShown(switchId, person.email);
  }, [card, switchId, person.email]);

  if (!card) {
    if (entry?.error instanceof AuthRequiredError) {
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('pane.signInNeeded')}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={onSignIn}>
              {t('pane.signIn')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    if (entry?.error) {
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('pane.loadFailed')}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={onRetry}>{t('pane.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    return <CardSkeleton />;
  }

  const stale = entry?.error !== undefined && (
    <MessageBar intent="warning">
      <MessageBarBody>{t('pane.offline')}</MessageBarBody>
    </MessageBar>
  );

  if (card.status === 'unknown' || !card.contact) {
    return (
      <>
        {stale}
        <UnknownSenderCard card={card} name={person.name} onCreate={can.write ? () => onAction('create') : undefined} />
      </>
    );
  }

  // A restricted contact (Art. 18 DSGVO) is only stored and shown: no edits, and the pane says why.
  const restricted = card.contact.restriction !== undefined;
  const blocked = restricted ? { disabled: true, 'aria-describedby': RESTRICTED_ACTIONS_HINT_ID } : {};
  const actions = (
    <div className={styles.actions}>
      {can.write && (
        <Button size="small" {...blocked} onClick={() => onAction('edit')}>
          {t('card.edit')}
        </Button>
      )}
      {can.consent && (
        <Button size="small" {...blocked} onClick={() => onAction('consent')}>
          {t('card.addConsent')}
        </Button>
      )}
      {can.notes && (
        <Button size="small" {...blocked} onClick={() => onAction('notes')}>
          {t('card.addNote')}
        </Button>
      )}
      {can.followUps && (
        <Button size="small" {...blocked} onClick={() => onAction('followUp')}>
          {t('followUp.action')}
        </Button>
      )}
      {can.activities && (
        <>
          <Button size="small" {...blocked} onClick={() => setQuick('call')}>
            {t('activity.quickCall')}
          </Button>
          <Button size="small" {...blocked} onClick={() => setQuick('note')}>
            {t('activity.quickNote')}
          </Button>
        </>
      )}
      {restricted && <RestrictedActionsHint />}
    </div>
  );
  const contact = card.contact;
  return (
    <>
      {stale}
      {recorded && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{recorded}</MessageBarBody>
        </MessageBar>
      )}
      {quick && (
        <Suspense fallback={<CardSkeleton />}>
          <QuickEntryForm
            key={quick}
            type={quick}
            contactId={contact.id}
            contactName={contact.displayName}
            onCancel={() => setQuick(undefined)}
            onSaved={(activity) => {
              setQuick(undefined);
              setRecorded(t('activity.form.saved', { subject: activity.subject }));
              onActivityRecorded?.(activity);
            }}
          />
        </Suspense>
      )}
      <ContactCard
        card={card}
        actions={actions}
        salesWork={{
          onCompleteFollowUp: can.followUps ? completion.complete : undefined,
          completingFollowUpId: completion.completingId,
          followUpNotice: completion.notice,
          onOpenTimeline: () => onAction('timeline'),
        }}
        onOpenCompany={() => onAction('company')}
        onFixFinding={(finding) => {
          const fix = fixTargetOf(finding, card.contact?.kind ?? 'person');
          if (fix.subject === 'company' || fix.action === 'addPerson' || fix.action === 'assignRole') {
            onAction('company');
          } else if (fix.action === 'consent') onAction('consent');
          else onAction('edit', fix.action === 'edit' ? fix.field : 'lead.status');
        }}
        canFixFinding={(finding) => {
          const fix = fixTargetOf(finding, card.contact?.kind ?? 'person');
          if (fix.subject === 'company' || fix.action === 'addPerson' || fix.action === 'assignRole') return true;
          return fix.action === 'consent' ? can.consent : can.write;
        }}
      />
    </>
  );
}
