import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  shorthands,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ApiError,
  type DoubleOptInLink,
  type ErasureOutcome,
  type ErasureReason,
  type PrivacyContactState,
  RestrictedBadge,
  useUiText,
} from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ContactDrawer } from '../contact/ContactDrawer';
import { saveBlob } from '../import-export/download';
import { type Action, ContactActionForm } from './ContactActionForm';
import { DoiLink } from './DoiLink';
import { EraseDialog } from './EraseDialog';
import { usePrivacyContact } from './usePrivacyContact';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface PrivacyContactPanelProps {
  contactId: string;
  /** The request the actions answer (recorded with restriction, objection and erasure). */
  requestId?: string | undefined;
  /** The request's type suggests the erasure reason. */
  defaultErasureReason?: ErasureReason | undefined;
  /** Something about the contact changed (lists elsewhere load again). */
  onChanged: () => void;
  /** Removes the contact from the request ("Verknüpfung lösen"); undefined outside a request. */
  onUnlink?: (() => void) | undefined;
  unlinkLabel?: string | undefined;
}

// One contact's DSGVO state and actions (GET /privacy/contacts/:id): the access export (PDF,
// JSON), restriction (Art. 18) and lifting it, the objection to direct marketing (Art. 21), the
// legal hold, a double opt-in link, and erasure with its preview. Every change goes with
// If-Match on the state's version; a 412 loads the contact again and says so.
export function PrivacyContactPanel({
  contactId,
  requestId,
  defaultErasureReason = 'request',
  onChanged,
  onUnlink,
  unlinkLabel,
}: PrivacyContactPanelProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { date, dateTime } = useUiText();
  const { api } = useServices();
  const contact = usePrivacyContact(contactId);
  const [action, setAction] = useState<Action | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [link, setLink] = useState<DoubleOptInLink | undefined>();
  const [erasing, setErasing] = useState(false);
  const [eraseFailure, setEraseFailure] = useState<unknown>();
  const [erased, setErased] = useState<ErasureOutcome | undefined>();
  const [cardOpen, setCardOpen] = useState(false);
  const { state } = contact;

  const run = async (work: () => Promise<PrivacyContactState | undefined>, done: string) => {
    setBusy(true);
    setFailure(undefined);
    setNotice('');
    try {
      const next = await work();
      if (next) contact.show(next);
      setAction(undefined);
      if (done) setNotice(done);
      onChanged();
    } catch (error) {
      setFailure(error);
      // Changed elsewhere since it was loaded: show the current state.
      if (error instanceof ApiError && error.status === 412) contact.reload();
    } finally {
      setBusy(false);
    }
  };

  if (erased?.outcome === 'erased' || (contact.gone && !state)) {
    return (
      <div className={styles.panel} data-testid="privacy-contact">
        <MessageBar intent="success">
          <MessageBarBody>{pt('erase.done.erased', { name: state?.displayName ?? contactId })}</MessageBarBody>
        </MessageBar>
        {onUnlink && <Button onClick={onUnlink}>{unlinkLabel}</Button>}
      </div>
    );
  }
  if (contact.loadError !== undefined && !state)
    return <ProblemBar error={contact.loadError} onRetry={contact.reload} />;
  if (!state) return <Spinner size="tiny" label={pt('common.loading')} />;

  const name = state.displayName;
  const restriction = state.restriction;
  const exportAs = (format: 'pdf' | 'json') =>
    run(async () => {
      const file = await api.privacyExport(contactId, format);
      saveBlob(file.blob, file.fileName);
      setNotice(pt('contact.exported', { file: file.fileName }));
      return undefined;
    }, '').then(() => undefined);
  const withRequest = requestId ? { requestId } : {};

  const erase = async (reason: ErasureReason, note: string) => {
    setBusy(true);
    setEraseFailure(undefined);
    try {
      const outcome = await api.eraseContact(contactId, state.version, {
        reason,
        ...withRequest,
        ...(note ? { note } : {}),
      });
      setErasing(false);
      setErased(outcome);
      onChanged();
      if (outcome.outcome === 'restricted') {
        setNotice(pt('erase.done.restricted', { name, date: date(outcome.eraseOn) }));
        contact.reload();
      } else if (outcome.outcome === 'held') {
        setNotice(pt('erase.done.held'));
      }
    } catch (error) {
      setEraseFailure(error);
      if (error instanceof ApiError && error.status === 412) contact.reload();
    } finally {
      setBusy(false);
    }
  };

  // The small forms' actions; each answers the new state, or the panel loads it again.
  const act = (which: Action, values: Record<string, string>) => {
    const { note, source = '', proof, reason = '', channel } = values;
    switch (which) {
      case 'restrict':
        return run(
          () => api.restrictContact(contactId, state.version, { ...withRequest, ...(note ? { note } : {}) }),
          pt('contact.restricted.done'),
        );
      case 'objection':
        return run(async () => {
          // The API answers the contact (its consent), not the privacy state: load that again.
          await api.recordObjection(contactId, state.version, {
            source,
            ...withRequest,
            ...(proof ? { proof } : {}),
          });
          contact.reload();
          return undefined;
        }, pt('contact.objection.done'));
      case 'hold':
        return run(() => api.setLegalHold(contactId, state.version, { reason }), pt('contact.hold.done'));
      case 'doi':
        return run(async () => {
          const channelChosen = channel === 'email' ? 'email' : 'newsletter';
          setLink(await api.createDoubleOptIn(contactId, { channel: channelChosen, source }));
          return undefined;
        }, '');
    }
  };

  return (
    <section className={styles.panel} aria-label={pt('contact.heading', { name })} data-testid="privacy-contact">
      <Text as="h4" size={400} weight="semibold" className={styles.heading}>
        {name}
        {restriction && <RestrictedBadge />}
        {state.legalHold && (
          <Badge appearance="tint" color="warning">
            {pt('erasures.held')}
          </Badge>
        )}
      </Text>
      {restriction && (
        <Text size={200} className={styles.secondary}>
          {restriction.reason === 'retention'
            ? pt('contact.retention', { date: date(restriction.eraseOn) })
            : pt('contact.restrictedSince', { date: dateTime(restriction.at) })}
        </Text>
      )}
      {state.legalHold && (
        <Text size={200} className={styles.secondary}>
          {pt('contact.legalHold', { reason: state.legalHold.reason })}
        </Text>
      )}
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, no form; a fieldset would bring its own frame */}
      <div className={styles.actions} role="group" aria-label={pt('contact.actions', { name })}>
        <Button disabled={busy} onClick={() => void exportAs('pdf')}>
          {pt('contact.exportPdf')}
        </Button>
        <Button disabled={busy} onClick={() => void exportAs('json')}>
          {pt('contact.exportJson')}
        </Button>
        {!restriction && <Button onClick={() => setAction('restrict')}>{pt('contact.restrict')}</Button>}
        {restriction?.reason === 'request' && (
          <Button
            disabled={busy}
            onClick={() =>
              void run(() => api.liftRestriction(contactId, state.version), pt('contact.unrestricted.done'))
            }
          >
            {pt('contact.unrestrict')}
          </Button>
        )}
        {!restriction && <Button onClick={() => setAction('objection')}>{pt('contact.objection')}</Button>}
        {state.legalHold ? (
          <Button
            disabled={busy}
            onClick={() => void run(() => api.liftLegalHold(contactId, state.version), pt('contact.unhold.done'))}
          >
            {pt('contact.unhold')}
          </Button>
        ) : (
          <Button onClick={() => setAction('hold')}>{pt('contact.hold')}</Button>
        )}
        {!restriction && <Button onClick={() => setAction('doi')}>{pt('contact.doi')}</Button>}
        <Button onClick={() => setCardOpen(true)}>{pt('contact.open')}</Button>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            setEraseFailure(undefined);
            setErasing(true);
          }}
        >
          {pt('contact.erase')}
        </Button>
        {onUnlink && <Button onClick={onUnlink}>{unlinkLabel}</Button>}
      </div>
      {restriction?.reason === 'retention' && (
        <Text size={200} className={styles.secondary}>
          {pt('contact.retentionNoLift')}
        </Text>
      )}
      {action && (
        <ContactActionForm
          action={action}
          busy={busy}
          onCancel={() => setAction(undefined)}
          onSubmit={(values) => void act(action, values)}
        />
      )}
      {link && <DoiLink link={link} />}
      {erasing && (
        <EraseDialog
          state={state}
          defaultReason={defaultErasureReason}
          busy={busy}
          failure={eraseFailure}
          onConfirm={(reason, note) => void erase(reason, note)}
          onCancel={() => setErasing(false)}
        />
      )}
      <ContactDrawer target={cardOpen ? { id: contactId } : undefined} onClose={() => setCardOpen(false)} />
    </section>
  );
}
