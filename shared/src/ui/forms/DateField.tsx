import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useUiText } from '../i18n/useUiText';

export interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, '' for none, or what the user typed while it is no date yet. */
  value: string;
  /** Called with YYYY-MM-DD for a date, '' when emptied, or the typed text when it is no date (the form or the API then refuses it). */
  onChange: (value: string) => void;
  disabled?: boolean;
  required?: boolean;
  /** `data-field` of the input (the editor finds it by that). */
  field?: string;
  /** Replaces the format hint (e.g. why the form points at this field). */
  hint?: string;
  className?: string;
}

/** YYYY-MM-DD for a date, '' for an empty field, the text itself otherwise. */
function meaning(text: string, parse: (text: string) => string | undefined): string {
  return text.trim() === '' ? '' : (parse(text) ?? text);
}

// A date typed and shown in the UI language (30.11.2026; 30 Nov 2026), whatever the browser's
// locale: <input type="date"> shows the browser's format (11/30/2026 in a German UI on an
// English browser). Typed dates in either language's forms are read (date-format.ts); on leaving
// the field a date is written out in the UI's form, and text that is no date is marked.
export function DateField({ label, value, onChange, disabled, required, field, hint, className }: DateFieldProps) {
  const { t, date, parseDate } = useUiText();
  const [text, setText] = useState(() => date(value));
  const [left, setLeft] = useState(false);

  // A value set from outside (a reload, a reset after saving) replaces the text; the user's own
  // typing, which already means `value`, stays as typed.
  useEffect(() => {
    setText((shown) => (meaning(shown, parseDate) === value ? shown : date(value)));
  }, [value, date, parseDate]);
  // Another UI language writes the date in its form.
  useEffect(() => {
    setText((shown) => {
      const iso = parseDate(shown);
      return iso ? date(iso) : shown;
    });
  }, [date, parseDate]);

  const invalid = left && text.trim() !== '' && parseDate(text) === undefined;
  return (
    <Field
      label={label}
      className={className}
      hint={hint ?? t('form.dateHint')}
      required={required}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? t('form.dateInvalid') : undefined}
    >
      <Input
        value={text}
        disabled={disabled}
        data-field={field}
        autoComplete="off"
        onChange={(_, data) => {
          setText(data.value);
          onChange(meaning(data.value, parseDate));
        }}
        onBlur={() => {
          setLeft(true);
          const iso = parseDate(text);
          if (iso) setText(date(iso));
        }}
      />
    </Field>
  );
}
