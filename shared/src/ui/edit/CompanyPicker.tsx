import { Button, Combobox, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { foldName } from '../../contacts/normalize.rules';
import { useUiText } from '../i18n';
import type { CompanyRef } from './edit-model';
import { EditorFieldBox, useEditorFields } from './EditorFieldBox';
import { useCompanySearch } from './useCompanySearch';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    // A Field is a grid sized to its input: it must shrink with the pane.
    '& > *': { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  unlink: { alignSelf: 'flex-start' },
  combobox: { minWidth: 0, width: '100%' },
  secondary: { color: tokens.colorNeutralForeground2, display: 'block' },
});

const NEW = '\u0000new';

export interface CompanyPickerProps {
  label: string;
  value: CompanyRef | null;
  onChange: (value: CompanyRef | null) => void;
}

// The person's company: type to search (debounced, useCompanySearch), pick with the arrow keys
// and Enter, or create a new one by the typed name (created when the form is saved). "Zuordnung
// lösen" unlinks. Leaving the field without picking shows the linked company again.
export function CompanyPicker({ label, value, onChange }: CompanyPickerProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const { disabled } = useEditorFields();
  const [text, setText] = useState(value?.name ?? '');
  const [typing, setTyping] = useState(false);
  // Opened by typing and by pasting (Fluent opens the list on key presses only).
  const [open, setOpen] = useState(false);
  const search = useCompanySearch(typing ? text : '');
  // The link as chosen last: blur may come right after a selection, before the next render.
  const chosen = useRef(value);
  const input = useRef<HTMLInputElement>(null);
  chosen.current = value;

  // A link set from outside (the company's name loaded, a reload) shows its name.
  useEffect(() => {
    if (!typing) setText(value?.name ?? '');
  }, [value?.name, typing]);

  const query = text.trim();
  const exact = search.items.some((item) => foldName(item.displayName) === foldName(query));
  const offerNew = typing && query.length > 0 && !exact && (value?.id !== '' || value.name !== query);

  const hint = (() => {
    if (value && value.id === '') return t('edit.companyNewHint', { name: value.name });
    if (!typing) return value ? undefined : t('edit.companyNone');
    if (search.status === 'searching') return t('edit.companySearching');
    if (search.status === 'failed') return t('edit.companySearchFailed');
    if (search.status === 'done' && search.items.length === 0) return t('edit.companyNoMatch');
    return undefined;
  })();

  return (
    <div className={styles.group}>
      <EditorFieldBox field="companyId" label={label} hint={hint}>
        <Combobox
          ref={input}
          freeform
          className={styles.combobox}
          placeholder={t('edit.companySearch')}
          value={text}
          open={open}
          onOpenChange={(_, data) => setOpen(data.open)}
          selectedOptions={value?.id ? [value.id] : []}
          disabled={disabled}
          data-field="companyId"
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setTyping(true);
            setOpen(true);
          }}
          onOptionSelect={(_, data) => {
            // Typing away from the linked name clears Fluent's selection: no choice made yet.
            if (data.optionValue === undefined) return;
            setTyping(false);
            if (data.optionValue === NEW) {
              const next = { id: '', name: query };
              chosen.current = next;
              setText(query);
              onChange(next);
              return;
            }
            const item = search.items.find((candidate) => candidate.id === data.optionValue);
            if (!item) return;
            const next = { id: item.id, name: item.displayName };
            chosen.current = next;
            setText(item.displayName);
            onChange(next);
          }}
          onKeyDown={(event) => {
            // Enter picks an option; typed text without a pick must not submit the form.
            if (event.key === 'Enter' && typing) event.preventDefault();
          }}
          onBlur={() => {
            setTyping(false);
            setText(chosen.current?.name ?? '');
          }}
        >
          {search.items.map((item) => (
            <Option key={item.id} value={item.id} text={item.displayName}>
              <span>
                {item.displayName}
                <Text size={200} className={styles.secondary}>
                  {[item.contactNumber, item.email].filter(Boolean).join(' · ')}
                </Text>
              </span>
            </Option>
          ))}
          {offerNew && (
            <Option key={NEW} value={NEW} text={query}>
              {t('edit.companyCreate', { name: query })}
            </Option>
          )}
        </Combobox>
      </EditorFieldBox>
      {value && (
        <Button
          size="small"
          className={styles.unlink}
          aria-label={t('edit.companyUnlinkOf', { company: value.name })}
          disabled={disabled}
          onClick={() => {
            chosen.current = null;
            setTyping(false);
            setText('');
            onChange(null);
            // The button goes away with the link: the cursor stays in the field, to pick another.
            input.current?.focus();
          }}
        >
          {t('edit.companyUnlink')}
        </Button>
      )}
    </div>
  );
}
