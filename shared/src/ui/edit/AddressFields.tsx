import { Input, Select } from '@fluentui/react-components';
import { getCountries } from 'libphonenumber-js';
import { useMemo } from 'react';
import type { Language } from '../../i18n/language';
import { useFormStyles } from '../forms/form-styles';
import { useUiText } from '../i18n';
import type { EditDraft } from './edit-model';
import { EditorFieldBox, useEditorFields } from './EditorFieldBox';

// The neighbours first: most addresses of a German SMB's contacts are in the DACH region.
const FIRST = ['DE', 'AT', 'CH'];

/** ISO 3166 alpha-2 codes with their names in the UI language, DACH first, then by name. */
export function countryOptions(language: Language, current: string): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const collator = new Intl.Collator(language);
  const codes = new Set<string>(getCountries());
  if (/^[A-Z]{2}$/.test(current)) codes.add(current);
  const all = [...codes].map((code) => ({ code, name: names.of(code) ?? code }));
  const first = FIRST.map((code) => all.find((c) => c.code === code)).filter((c) => c !== undefined);
  const rest = all.filter((c) => !FIRST.includes(c.code)).sort((a, b) => collator.compare(a.name, b.name));
  return [...first, ...rest];
}

export interface AddressFieldsProps {
  draft: Pick<EditDraft, 'street' | 'postcode' | 'city' | 'country'>;
  update: (patch: Partial<EditDraft>) => void;
}

// Straße, PLZ and Ort, Land (Graph's businessAddress). The country also tells the phone
// fields how to read numbers without a country code.
export function AddressFields({ draft, update }: AddressFieldsProps) {
  const styles = useFormStyles();
  const { t, language } = useUiText();
  const { disabled } = useEditorFields();
  const countries = useMemo(() => countryOptions(language, draft.country), [language, draft.country]);
  const text = (field: 'street' | 'postcode' | 'city') => (
    <EditorFieldBox field={`address.${field}`} label={t(`field.${field}`)}>
      <Input
        value={draft[field]}
        disabled={disabled}
        autoComplete="off"
        data-field={`address.${field}`}
        onChange={(_, data) => update({ [field]: data.value })}
      />
    </EditorFieldBox>
  );
  return (
    <>
      {text('street')}
      <div className={styles.row}>
        {text('postcode')}
        {text('city')}
      </div>
      <EditorFieldBox field="address.country" label={t('field.country')}>
        <Select
          value={draft.country}
          disabled={disabled}
          data-field="address.country"
          onChange={(_, data) => update({ country: data.value })}
        >
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
      </EditorFieldBox>
    </>
  );
}
