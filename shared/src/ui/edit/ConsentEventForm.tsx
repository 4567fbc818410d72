import { Button, Field, Input, Select, Spinner, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { consentEventProblems } from '../../contacts/consent.rules';
import type { ConsentEventCreate } from '../../contacts/consent.schema';
import {
  CONSENT_CHANNELS,
  CONSENT_EVENT_TYPES,
  type ConsentChannel,
  type ConsentEventType,
} from '../../contacts/contact-enums.schema';
import type { Contact } from '../../contacts/contact.schema';
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
}

// Appends one consent event with its proof (append-only, so no version check is needed).
export function ConsentEventForm({ contact, onSaved, onCancel }: ConsentEventFormProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const api = useApi();
  const [channel, setChannel] = useState<ConsentChannel>('email');
  const [type, setType] = useState<ConsentEventType>('optIn');
  const [date, setDate] = useState(today());
  const [source, setSource] = useState('');
  const [proof, setProof] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  // A past day is recorded at noon Berlin time; today means "now".
  const event: ConsentEventCreate = {
    channel,
    type,
    source: source.trim(),
    ...(proof.trim() ? { proof: proof.trim() } : {}),
    ...(date && date !== today() ? { at: `${date}T12:00:00+01:00` } : {}),
  };
  const problems = consentEventProblems(event, new Date());
  const valid = event.source !== '' && problems.length === 0 && (date === '' || parseUiDate(date) !== undefined);

  return (
    <form
      className={styles.form}
      aria-label={t('consentForm.heading')}
      onSubmit={async (submit) => {
        submit.preventDefault();
        if (!valid || saving) return;
        setSaving(true);
        setError(undefined);
        try {
          onSaved(await api.addConsentEvent(contact.id, event));
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
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
      {problems.map((problem) => (
        <Text key={problem} role="alert">
          {t(`consentProblem.${problem}`)}
        </Text>
      ))}
      <DateField label={t('consentForm.date')} value={date} onChange={setDate} />
      <Field label={t('consentForm.source')} hint={t('consentForm.sourceHint')} required>
        <Input value={source} onChange={(_, d) => setSource(d.value)} />
      </Field>
      <Field label={t('consentForm.proof')} hint={t('consentForm.proofHint')}>
        <Textarea value={proof} resize="vertical" onChange={(_, d) => setProof(d.value)} />
      </Field>
      {error && (
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
