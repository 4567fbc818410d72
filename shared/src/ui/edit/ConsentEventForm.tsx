import { Button, Field, Input, Select, Spinner, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { consentEventProblems, openDoubleOptInRequest } from '../../contacts/consent.rules';
import type { ConsentEventCreate } from '../../contacts/consent.schema';
import {
  CONSENT_CHANNELS,
  CONSENT_EVENT_TYPES,
  type ConsentChannel,
  type ConsentEventType,
} from '../../contacts/contact-enums.schema';
import type { Contact } from '../../contacts/contact.schema';
import { ApiError } from '../../http/api-client';
import { useApi } from '../api-context';
import { DateField } from '../forms/DateField';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { today } from '../forms/today';
import { parseUiDate } from '../i18n/date-format';
import { useUiText } from '../i18n/useUiText';

export interface ConsentEventFormProps {
  contact: Contact;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
  /** The channel the form starts on (a finding of that channel is being fixed); e-mail by default. */
  channel?: ConsentChannel | undefined;
}

/** The server's message for the proof field, if it refused the proof (e.g. 409 for an unproven confirmation). */
function proofErrorOf(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  return err.problem?.errors?.find((e) => e.field === 'body.proof')?.message;
}

// Appends one consent event with its proof (append-only, so no version check is needed).
// A double-opt-in confirmation shows its rule before it is sent: it answers the open request
// of the channel, or it needs a proof (consent.rules.ts); the server checks the same.
export function ConsentEventForm({ contact, onSaved, onCancel, channel: initialChannel }: ConsentEventFormProps) {
  const styles = useFormStyles();
  const { t, date: formatDate } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const api = useApi();
  const [channel, setChannel] = useState<ConsentChannel>(initialChannel ?? 'email');
  const [type, setType] = useState<ConsentEventType>('optIn');
  const [date, setDate] = useState(today());
  const [source, setSource] = useState('');
  const [proof, setProof] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [proofError, setProofError] = useState<string | undefined>();

  // A past day is recorded at noon Berlin time; today means "now".
  const event: ConsentEventCreate = {
    channel,
    type,
    source: source.trim(),
    ...(proof.trim() ? { proof: proof.trim() } : {}),
    ...(date && date !== today() ? { at: `${date}T12:00:00+01:00` } : {}),
  };
  const now = new Date();
  const history = contact.consent.channels[channel];
  const problems = consentEventProblems(event, now, history);
  const valid = event.source !== '' && problems.length === 0 && (date === '' || parseUiDate(date) !== undefined);
  const confirming = type === 'doubleOptInConfirmed';
  const openRequest = confirming ? openDoubleOptInRequest(history, event.at ? new Date(event.at) : now) : undefined;
  const proofNeeded = confirming && !openRequest;
  const proofHint = openRequest
    ? t('consentForm.answersRequest', { date: formatDate(openRequest.at) })
    : proofNeeded
      ? t('consentProblem.doubleOptInUnproven')
      : t('consentForm.proofHint');

  return (
    <form
      className={styles.form}
      aria-label={t('consentForm.heading')}
      onSubmit={async (submit) => {
        submit.preventDefault();
        if (!valid || saving) return;
        setSaving(true);
        setError(undefined);
        setProofError(undefined);
        try {
          onSaved(await api.addConsentEvent(contact.id, event));
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
          setProofError(proofErrorOf(err));
          setSaving(false);
        }
      }}
    >
      <Text as="h2" size={500} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
        {t('consentForm.heading')}
      </Text>
      <div className={styles.row}>
        <Field label={t('consentForm.channel')}>
          <Select value={channel} onChange={(_, d) => setChannel(d.value as ConsentChannel)}>
            {CONSENT_CHANNELS.map((value) => (
              <option key={value} value={value}>
                {t(`channel.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('consentForm.type')}>
          <Select value={type} onChange={(_, d) => setType(d.value as ConsentEventType)}>
            {CONSENT_EVENT_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`consentEvent.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {problems
        .filter((problem) => problem !== 'doubleOptInUnproven')
        .map((problem) => (
          <Text key={problem} role="alert">
            {t(`consentProblem.${problem}`)}
          </Text>
        ))}
      <DateField label={t('consentForm.date')} value={date} onChange={setDate} />
      <Field label={t('consentForm.source')} hint={t('consentForm.sourceHint')} required>
        <Input value={source} onChange={(_, d) => setSource(d.value)} />
      </Field>
      <Field
        label={t('consentForm.proof')}
        hint={proofHint}
        required={proofNeeded}
        validationState={proofError ? 'error' : undefined}
        validationMessage={proofError}
      >
        <Textarea
          value={proof}
          resize="vertical"
          onChange={(_, d) => {
            setProof(d.value);
            // The refusal was about the proof: typing one answers it.
            if (proofError) {
              setProofError(undefined);
              setError(undefined);
            }
          }}
        />
      </Field>
      {error && !proofError && (
        <Text role="alert" data-testid="form-error">
          {t('form.saveFailed', { reason: error })}
        </Text>
      )}
      <FormActions>
        <Button appearance="primary" type="submit" disabled={!valid || saving}>
          {t('consentForm.submit')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        {saving && <Spinner size="tiny" label={t('form.saving')} />}
      </FormActions>
    </form>
  );
}
