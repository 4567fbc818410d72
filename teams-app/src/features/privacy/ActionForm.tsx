import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** One field of a contact action's small form. */
export interface ActionField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  maxLength: number;
  /** A choice instead of text: [value, label] pairs, the first chosen at first. */
  options?: readonly (readonly [string, string])[];
}

export interface ActionFormProps {
  label: string;
  fields: readonly ActionField[];
  confirm: string;
  busy: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}

// The small form under a contact's action button (a restriction's note, an objection's source,
// a legal hold's reason, a double opt-in's channel): required fields are checked before sending.
export function ActionForm({ label, fields, confirm, busy, onSubmit, onCancel }: ActionFormProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.name, field.options?.[0]?.[0] ?? ''])),
  );
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = new Set(
      fields.filter((field) => field.required && (values[field.name] ?? '').trim() === '').map((f) => f.name),
    );
    setMissing(empty);
    if (empty.size > 0) return;
    onSubmit(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()])));
  };

  return (
    <form className={styles.form} aria-label={label} noValidate onSubmit={submit}>
      {fields.map((field, index) => {
        const error = missing.has(field.name) ? pt('contact.required') : undefined;
        const value = values[field.name] ?? '';
        const set = (next: string) => setValues((before) => ({ ...before, [field.name]: next }));
        return (
          <Field
            key={field.name}
            label={field.label}
            required={field.required}
            validationState={error ? 'error' : 'none'}
            validationMessage={error}
          >
            {field.options ? (
              <Select value={value} onChange={(_event, data) => set(data.value)}>
                {field.options.map(([option, text]) => (
                  <option key={option} value={option}>
                    {text}
                  </option>
                ))}
              </Select>
            ) : field.multiline ? (
              <Textarea
                value={value}
                maxLength={field.maxLength}
                resize="vertical"
                autoFocus={index === 0}
                onChange={(_event, data) => set(data.value)}
              />
            ) : (
              <Input
                value={value}
                maxLength={field.maxLength}
                autoFocus={index === 0}
                onChange={(_event, data) => set(data.value)}
              />
            )}
          </Field>
        );
      })}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {confirm}
        </Button>
        <Button onClick={onCancel}>{pt('common.cancel')}</Button>
      </div>
    </form>
  );
}
