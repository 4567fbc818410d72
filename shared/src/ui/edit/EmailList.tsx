import { Button, Input, makeStyles, mergeClasses, Radio, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import { MAX_EMAILS } from '../../contacts/contact-common.schema';
import { useUiText } from '../i18n';
import type { EmailDraft } from './edit-model';
import { EditorFieldBox, useEditorFields } from './EditorFieldBox';

const useStyles = makeStyles({
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto auto',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalXS,
    // A Field is a grid sized to its input: it must shrink with its column in a narrow pane.
    '& > *': { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  single: { gridTemplateColumns: 'minmax(0, 1fr)' },
  problem: { color: tokens.colorPaletteRedForeground1 },
  add: { alignSelf: 'flex-start' },
});

export interface EmailListProps {
  emails: readonly EmailDraft[];
  onChange: (emails: EmailDraft[]) => void;
  legend: string;
}

// Up to three addresses (a Microsoft Graph contact's `emailAddresses`), one of them primary:
// a radio per row chooses it; removing the primary makes the first remaining one primary. An
// empty list shows one empty row, so there is always an input to type the first address into.
export function EmailList({ emails, onChange, legend }: EmailListProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const { disabled, noteOf } = useEditorFields();
  const name = useId();
  const rows = emails.length > 0 ? emails : [{ address: '', primary: true }];
  const listProblem = noteOf('emails');
  const group = useRef<HTMLFieldSetElement>(null);
  // "Hinzufügen" puts the cursor into the new row.
  const focusRow = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusRow.current === undefined) return;
    group.current?.querySelector<HTMLInputElement>(`[data-field="emails.${focusRow.current}"]`)?.focus();
    focusRow.current = undefined;
  });

  const setAddress = (index: number, address: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, address } : row)));
  const setPrimary = (index: number) => onChange(rows.map((row, i) => ({ ...row, primary: i === index })));
  const remove = (index: number) => {
    const rest = rows.filter((_, i) => i !== index);
    const primary = Math.max(
      0,
      rest.findIndex((row) => row.primary),
    );
    onChange(rest.map((row, i) => ({ ...row, primary: i === primary })));
  };

  return (
    <fieldset className={styles.group} ref={group} data-field-group="emails">
      <legend className={styles.legend}>{legend}</legend>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place (E-Mail 1, 2, 3)
          <div key={index} className={mergeClasses(styles.row, rows.length === 1 && styles.single)}>
            <EditorFieldBox field={`emails.${index}`} label={t('edit.email', { n })}>
              <Input
                type="email"
                autoComplete="off"
                value={row.address}
                disabled={disabled}
                data-field={`emails.${index}`}
                onChange={(_, data) => setAddress(index, data.value)}
              />
            </EditorFieldBox>
            {/* A single address is the primary one; the choice appears with a second. */}
            {rows.length > 1 ? (
              <Radio
                name={name}
                value={String(index)}
                label={t('edit.emailPrimary')}
                aria-label={t('edit.emailPrimaryOf', { n })}
                checked={row.primary}
                disabled={disabled}
                onChange={() => setPrimary(index)}
              />
            ) : null}
            {rows.length > 1 ? (
              <Button
                appearance="subtle"
                aria-label={t('edit.emailRemove', { n })}
                title={t('edit.emailRemove', { n })}
                disabled={disabled}
                onClick={() => remove(index)}
              >
                ✕
              </Button>
            ) : null}
          </div>
        );
      })}
      {listProblem && (
        <Text role="alert" size={200} className={styles.problem}>
          {listProblem.text}
        </Text>
      )}
      {rows.length < MAX_EMAILS && (
        <Button
          size="small"
          className={styles.add}
          disabled={disabled}
          onClick={() => {
            focusRow.current = rows.length;
            onChange([...rows, { address: '', primary: false }]);
          }}
        >
          + {t('edit.emailAdd')}
        </Button>
      )}
    </fieldset>
  );
}
