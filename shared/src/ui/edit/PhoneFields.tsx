import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { MAX_BUSINESS_PHONES, MAX_HOME_PHONES } from '../../contacts/contact-common.schema';
import { useFormStyles } from '../forms/form-styles';
import { type TextKey, useUiText } from '../i18n';
import type { EditDraft } from './edit-model';
import { EditorFieldBox, useEditorFields } from './EditorFieldBox';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  removable: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalXS,
    '& > *': { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  adds: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type ListName = 'businessPhones' | 'homePhones';

const LIST: Record<ListName, { labels: [TextKey, TextKey]; add: TextKey; max: number }> = {
  businessPhones: {
    labels: ['edit.businessPhone', 'edit.businessPhone2'],
    add: 'edit.addBusinessPhone',
    max: MAX_BUSINESS_PHONES,
  },
  homePhones: { labels: ['edit.homePhone', 'edit.homePhone2'], add: 'edit.addHomePhone', max: MAX_HOME_PHONES },
};

export interface PhoneFieldsProps {
  draft: Pick<EditDraft, 'businessPhones' | 'mobilePhone' | 'homePhones'>;
  update: (patch: Partial<EditDraft>) => void;
}

// Graph's phone slots: business (two), mobile (one), home (two). Numbers are kept as typed; one
// that cannot be dialled gets a hint (edit-validation.ts) but can still be saved.
export function PhoneFields({ draft, update }: PhoneFieldsProps) {
  const styles = useStyles();
  const form = useFormStyles();
  const { t } = useUiText();
  const { disabled } = useEditorFields();
  const root = useRef<HTMLDivElement>(null);
  const focusField = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusField.current === undefined) return;
    root.current?.querySelector<HTMLInputElement>(`[data-field="${focusField.current}"]`)?.focus();
    focusField.current = undefined;
  });

  const rowsOf = (list: ListName) => (draft[list].length > 0 ? draft[list] : ['']);
  const input = (list: ListName, index: number) => {
    const rows = rowsOf(list);
    const field = `${list}.${index}`;
    const label = t(LIST[list].labels[index] ?? LIST[list].labels[0]);
    const box = (
      <EditorFieldBox field={field} label={label}>
        <Input
          type="tel"
          autoComplete="off"
          value={rows[index] ?? ''}
          disabled={disabled}
          data-field={field}
          onChange={(_, data) => update({ [list]: rows.map((v, i) => (i === index ? data.value : v)) })}
        />
      </EditorFieldBox>
    );
    if (index === 0) return box;
    return (
      <div className={styles.removable}>
        {box}
        <Button
          appearance="subtle"
          aria-label={t('edit.remove', { label })}
          title={t('edit.remove', { label })}
          disabled={disabled}
          onClick={() => update({ [list]: rows.filter((_, i) => i !== index) })}
        >
          ✕
        </Button>
      </div>
    );
  };
  const addButton = (list: ListName) => {
    const rows = rowsOf(list);
    if (rows.length >= LIST[list].max) return null;
    return (
      <Button
        size="small"
        disabled={disabled}
        onClick={() => {
          focusField.current = `${list}.${rows.length}`;
          update({ [list]: [...rows, ''] });
        }}
      >
        + {t(LIST[list].add)}
      </Button>
    );
  };

  return (
    <div className={styles.group} ref={root}>
      <div className={form.row}>
        {input('businessPhones', 0)}
        <EditorFieldBox field="mobilePhone" label={t('field.mobilePhone')}>
          <Input
            type="tel"
            autoComplete="off"
            value={draft.mobilePhone}
            disabled={disabled}
            data-field="mobilePhone"
            onChange={(_, data) => update({ mobilePhone: data.value })}
          />
        </EditorFieldBox>
      </div>
      {rowsOf('businessPhones').length > 1 && input('businessPhones', 1)}
      <div className={form.row}>
        {input('homePhones', 0)}
        {rowsOf('homePhones').length > 1 && input('homePhones', 1)}
      </div>
      <div className={styles.adds}>
        {addButton('businessPhones')}
        {addButton('homePhones')}
      </div>
    </div>
  );
}
