import { Button, Field, makeStyles, Select, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { MAX_REQUEST_CONTACTS, PRIVACY_REQUEST_STATUSES } from '@klarkonform/shared';
import {
  ApiError,
  type ErasureReason,
  type PrivacyRequest,
  type PrivacyRequestPatch,
  type PrivacyRequestStatus,
  useUiText,
} from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ContactLookup, type LinkedContact } from './ContactLookup';
import { PrivacyContactPanel } from './PrivacyContactPanel';
import { dueLine } from './privacy-model';
import { RequestExtension } from './RequestExtension';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  overdue: { margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  contacts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The erasure reason a request's type suggests. */
const REASON_OF: Partial<Record<PrivacyRequest['type'], ErasureReason>> = { erasure: 'request' };

export interface RequestDetailProps {
  requestId: string;
  compact: boolean;
  onBack: () => void;
  onChanged: () => void;
}

// A request: who asked what, when it is due (overdue in red), the status with the outcome needed
// to close it, the extension (once, with a reason, Art. 12(3)), and the linked contacts, each
// with its DSGVO actions.
export function RequestDetail({ requestId, onBack, onChanged }: RequestDetailProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { date, dateTime } = useUiText();
  const { api } = useServices();
  const [request, setRequest] = useState<PrivacyRequest | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [status, setStatus] = useState<PrivacyRequestStatus>('open');
  const [outcome, setOutcome] = useState('');
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const [adding, setAdding] = useState<LinkedContact[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the reason to load again
  useEffect(() => {
    const controller = new AbortController();
    api.getPrivacyRequest(requestId, controller.signal).then(
      (loaded) => {
        setRequest(loaded);
        setStatus(loaded.status);
        setOutcome(loaded.outcome ?? '');
      },
      (error: unknown) => !controller.signal.aborted && setLoadError(error),
    );
    return () => controller.abort();
  }, [api, requestId, round]);

  if (loadError !== undefined && !request)
    return <ProblemBar error={loadError} onRetry={() => setRound((n) => n + 1)} />;
  if (!request) return <Spinner size="small" label={pt('common.loading')} />;

  const save = async (patch: PrivacyRequestPatch, done: string) => {
    setBusy(true);
    setFailure(undefined);
    setNotice('');
    try {
      const saved = await api.updatePrivacyRequest(request.id, request.version, patch);
      setRequest(saved);
      setStatus(saved.status);
      setOutcome(saved.outcome ?? '');
      setNotice(done);
      onChanged();
      return true;
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.status === 412) setRound((n) => n + 1);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const closing = status === 'done' || status === 'rejected';
  const saveStatus = () => {
    if (closing && outcome.trim() === '') {
      setOutcomeMissing(true);
      return;
    }
    const patch: PrivacyRequestPatch = { status };
    if (outcome.trim() !== (request.outcome ?? '')) patch.outcome = outcome.trim();
    void save(patch, pt('detail.saved'));
  };
  const unlink = (contactId: string) =>
    void save({ contactIds: request.contactIds.filter((id) => id !== contactId) }, pt('detail.saved'));

  const due = dueLine(request);
  const open = request.status === 'open' || request.status === 'inProgress';
  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <Button onClick={onBack}>{pt('detail.back')}</Button>
        <Text as="h3" size={500} weight="semibold" className={styles.heading}>
          {pt('detail.heading', { reference: request.reference })}
        </Text>
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{pt('detail.type')}</dt>
        <dd className={styles.value}>{pt(`type.${request.type}`)}</dd>
        <dt className={styles.term}>{pt('detail.requester')}</dt>
        <dd className={styles.value}>
          {[request.requester.name, request.requester.email, pt(`channel.${request.requester.channel}`)]
            .filter(Boolean)
            .join(' · ')}
        </dd>
        <dt className={styles.term}>{pt('detail.received')}</dt>
        <dd className={styles.value}>{date(request.receivedOn)}</dd>
        <dt className={styles.term}>{pt('detail.due')}</dt>
        <dd className={due.kind === 'overdue' ? styles.overdue : styles.value}>
          {date(request.dueOn)}
          {due.kind === 'overdue' && ` – ${pt('requests.overdueSince', { date: date(due.since) })}`}
          {request.extension &&
            ` (${pt('detail.extended', { months: request.extension.months, reason: request.extension.reason })})`}
        </dd>
        <dt className={styles.term}>{pt('detail.status')}</dt>
        <dd className={styles.value}>
          {pt(`status.${request.status}`)}
          {request.closedAt && ` · ${dateTime(request.closedAt)}`}
        </dd>
        {request.description && (
          <>
            <dt className={styles.term}>{pt('detail.description')}</dt>
            <dd className={styles.value}>{request.description}</dd>
          </>
        )}
      </dl>
      {notice && (
        <Text role="status" size={200}>
          {notice}
        </Text>
      )}
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      <div className={styles.form}>
        <div className={styles.row}>
          <Field label={pt('detail.status')}>
            <Select value={status} onChange={(_event, data) => setStatus(data.value as PrivacyRequestStatus)}>
              {PRIVACY_REQUEST_STATUSES.map((item) => (
                <option key={item} value={item}>
                  {pt(`status.${item}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field
          label={pt('detail.outcome')}
          hint={pt('detail.outcomeHint')}
          required={closing}
          validationState={outcomeMissing ? 'error' : 'none'}
          validationMessage={outcomeMissing ? pt('detail.outcomeRequired') : undefined}
        >
          <Textarea
            value={outcome}
            maxLength={4000}
            resize="vertical"
            onChange={(_event, data) => {
              setOutcome(data.value);
              setOutcomeMissing(false);
            }}
          />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={saveStatus}>
            {pt('detail.saveStatus')}
          </Button>
        </div>
      </div>
      {open && !request.extension && !request.overdue && (
        <RequestExtension busy={busy} onSave={(extension) => save({ extension }, pt('detail.saved'))} />
      )}
      <section className={styles.contacts} aria-labelledby="privacy-request-contacts">
        <Text as="h3" id="privacy-request-contacts" size={400} weight="semibold" className={styles.heading}>
          {pt('detail.contacts')}
        </Text>
        {request.contactIds.length === 0 && <Text>{pt('detail.noContacts')}</Text>}
        {request.contactIds.map((contactId) => (
          <PrivacyContactPanel
            key={contactId}
            contactId={contactId}
            requestId={request.id}
            defaultErasureReason={REASON_OF[request.type]}
            onChanged={onChanged}
            onUnlink={() => unlink(contactId)}
            unlinkLabel={pt('detail.unlink')}
          />
        ))}
        {request.contactIds.length < MAX_REQUEST_CONTACTS && (
          <div className={styles.form}>
            <ContactLookup
              label={pt('detail.linkContacts')}
              value={adding}
              max={MAX_REQUEST_CONTACTS - request.contactIds.length}
              onChange={setAdding}
            />
            {adding.length > 0 && (
              <div className={styles.row}>
                <Button
                  disabled={busy}
                  onClick={() =>
                    void save(
                      {
                        contactIds: [
                          ...request.contactIds,
                          ...adding.map((linked) => linked.id).filter((id) => !request.contactIds.includes(id)),
                        ],
                      },
                      pt('detail.saved'),
                    ).then((ok) => ok && setAdding([]))
                  }
                >
                  {pt('detail.saveContacts')}
                </Button>
              </div>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
