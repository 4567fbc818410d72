import { Field, Input, makeStyles, mergeClasses, Textarea, tokens } from '@fluentui/react-components';
import type { RefObject } from 'react';
import { useUiText } from '../i18n/useUiText';
import type { LengthState } from './notes-edit-model';

const useStyles = makeStyles({
  counter: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground3 },
  near: { color: tokens.colorStatusWarningForeground3, fontWeight: tokens.fontWeightSemibold },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface NoteTextFieldProps {
  label: string;
  value: string;
  length: LengthState;
  multiline?: boolean;
  rows?: number;
  onChange: (value: string) => void;
  inputRef?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
}

/**
 * A note text with its counter ("123 / 1.000") under it: neutral, in the warning colour from
 * 90 % of the limit, in the error colour above it, with the field's error (naming the field).
 */
export function NoteTextField({ label, value, length, multiline, rows, onChange, inputRef }: NoteTextFieldProps) {
  const styles = useStyles();
  const { t, language } = useUiText();
  const number = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB');
  const counter = t('notes.counter', { count: number.format(length.count), max: number.format(length.max) });
  const over = length.level === 'over';
  return (
    <Field
      label={label}
      validationState={over ? 'error' : 'none'}
      validationMessage={
        over
          ? t('notes.tooLong', { label, count: number.format(length.count), max: number.format(length.max) })
          : undefined
      }
      hint={{
        children: counter,
        className: mergeClasses(styles.counter, length.level === 'near' && styles.near, over && styles.over),
      }}
    >
      {multiline ? (
        <Textarea
          value={value}
          resize="vertical"
          rows={rows ?? 3}
          ref={inputRef as RefObject<HTMLTextAreaElement>}
          onChange={(_, d) => onChange(d.value)}
        />
      ) : (
        <Input value={value} ref={inputRef as RefObject<HTMLInputElement>} onChange={(_, d) => onChange(d.value)} />
      )}
    </Field>
  );
}
