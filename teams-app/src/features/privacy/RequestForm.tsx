import { Button, Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { MAX_REQUEST_CONTACTS, PRIVACY_REQUEST_CHANNELS, PRIVACY_REQUEST_TYPES } from '@klarkonform/shared';
import { ApiError, berlinToday, DateField, type PrivacyRequest } from '@klarkonform/shared/ui';
import { type FormEvent, useRef, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ContactLookup } from './ContactLookup';
import { type RequestForm as Form, requestCreateBody, requestFormProblems } from './privacy-model';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px', minWidth: 0 },
  heading: { margin: 0 },
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    alignItems: 'start',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const EMPTY: Form = {
  type: 'access',
  name: '',
  email: '',
  channel: 'email',
  receivedOn: '',
  contacts: [],
  description: '',
};

export interface RequestFormProps {
  onSaved: (request: PrivacyRequest) => void;
  onCancel: () => void;
}

// "Anfrage erfassen": type (with the article), who asked and how, when it came in (due one month
// later, Art. 12(3) DSGVO), the contacts it is about, a description. Saved with an
// Idempotency-Key kept for the form's life, so a retried or double click stores it once.
export function RequestForm({ onSaved, onCancel }: RequestFormProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { api } = useServices();
  const [form, setForm] = useState<Form>(EMPTY);
  const [shown, setShown] = useState<ReturnType<typeof requestFormProblems>>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const key = useRef(crypto.randomUUID());
  const formRef = useRef<HTMLFormElement>(null);

  const change = (patch: Partial<Form>) => {
    setForm((before) => ({ ...before, ...patch }));
    setShown({});
  };

  const fieldError = (field: string): string | undefined => {
    if (!(failure instanceof ApiError)) return undefined;
    return failure.problem?.errors?.find((error) => error.field.includes(field))?.message;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = requestFormProblems(form, berlinToday(new Date()));
    if (Object.keys(problems).length > 0) {
      setShown(problems);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    setFailure(undefined);
    try {
      onSaved(await api.createPrivacyRequest(requestCreateBody(form), key.current));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const nameError = shown.name ? pt(`form.${shown.name}`) : fieldError('requester.name');
  const emailError = fieldError('requester.email');
  const dateError = shown.receivedOn ? pt(`form.${shown.receivedOn}`) : fieldError('receivedOn');
  return (
    <form
      ref={formRef}
      className={styles.form}
      aria-labelledby="privacy-request-form-heading"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <Text as="h3" id="privacy-request-form-heading" size={400} weight="semibold" className={styles.heading}>
        {pt('form.heading')}
      </Text>
      <Field label={pt('form.type')} required>
        <Select value={form.type} onChange={(_event, data) => change({ type: data.value as Form['type'] })}>
          {PRIVACY_REQUEST_TYPES.map((type) => (
            <option key={type} value={type}>
              {pt(`type.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field
          label={pt('form.requesterName')}
          required
          validationState={nameError ? 'error' : 'none'}
          validationMessage={nameError}
        >
          <Input value={form.name} maxLength={200} onChange={(_event, data) => change({ name: data.value })} />
        </Field>
        <Field
          label={pt('form.requesterEmail')}
          validationState={emailError ? 'error' : 'none'}
          validationMessage={emailError}
        >
          <Input
            type="email"
            value={form.email}
            maxLength={254}
            onChange={(_event, data) => change({ email: data.value })}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={pt('form.channel')} required>
          <Select value={form.channel} onChange={(_event, data) => change({ channel: data.value as Form['channel'] })}>
            {PRIVACY_REQUEST_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {pt(`channel.${channel}`)}
              </option>
            ))}
          </Select>
        </Field>
        <DateField
          label={pt('form.receivedOn')}
          value={form.receivedOn}
          onChange={(receivedOn) => change({ receivedOn })}
          hint={dateError ?? pt('form.receivedHint')}
        />
      </div>
      <ContactLookup
        label={pt('form.contacts')}
        value={form.contacts}
        max={MAX_REQUEST_CONTACTS}
        onChange={(contacts) => change({ contacts })}
      />
      <Field label={pt('form.description')}>
        <Textarea
          value={form.description}
          maxLength={4000}
          resize="vertical"
          onChange={(_event, data) => change({ description: data.value })}
        />
      </Field>
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {pt('form.save')}
        </Button>
        <Button onClick={onCancel}>{pt('common.cancel')}</Button>
      </div>
    </form>
  );
}
