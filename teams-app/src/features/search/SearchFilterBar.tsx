import { Button, Field, Input, makeStyles, Select, ToggleButton, tokens } from '@fluentui/react-components';
import { CONTACT_KINDS, LEAD_STATUSES, RELATIONSHIPS, ROLES } from '@klarkonform/shared';
import { type TextKey, useUiText } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { OwnerSelect } from './OwnerSelect';
import { hasFilters, type SearchFilters } from './search-filters';

const useStyles = makeStyles({
  bar: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  field: { minWidth: '140px' },
  tag: { width: '140px' },
});

export interface SearchFilterBarProps {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}

type Choice = 'kind' | 'relationship' | 'role' | 'leadStatus';

// The list filters of the search as compact selects, "Meine Kontakte" as a quick choice, and
// a reset once any is set. Values are labelled from the shared catalog.
export function SearchFilterBar({ filters, onChange }: SearchFilterBarProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const { t } = useUiText();
  const set = (patch: SearchFilters) => onChange({ ...filters, ...patch });
  const select = (key: Choice, label: string, values: readonly string[], group: string) => (
    <Field label={label} size="small" className={styles.field}>
      <Select
        size="small"
        value={filters[key] ?? ''}
        onChange={(_event, data) => set({ [key]: data.value || undefined })}
      >
        <option value="">{tt('search.filter.all')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`${group}.${value}` as TextKey)}
          </option>
        ))}
      </Select>
    </Field>
  );
  const mine = filters.owner === 'me';

  return (
    <fieldset className={styles.bar} aria-label={tt('search.filters')}>
      {select('kind', tt('search.filter.kind'), CONTACT_KINDS, 'kind')}
      {select('relationship', tt('search.filter.relationship'), RELATIONSHIPS, 'relationship')}
      {select('role', tt('search.filter.role'), ROLES, 'role')}
      {select('leadStatus', tt('search.filter.leadStatus'), LEAD_STATUSES, 'leadStatus')}
      <Field label={tt('search.filter.tag')} size="small">
        <Input
          size="small"
          className={styles.tag}
          value={filters.tag ?? ''}
          onChange={(_event, data) => set({ tag: data.value })}
        />
      </Field>
      <OwnerSelect
        className={styles.field}
        value={filters.owner ?? ''}
        onChange={(owner) => set({ owner: owner || undefined })}
        mineLabel={tt('search.myContacts')}
      />
      <ToggleButton size="small" checked={mine} onClick={() => set({ owner: mine ? undefined : 'me' })}>
        {tt('search.myContacts')}
      </ToggleButton>
      {hasFilters(filters) && (
        <Button size="small" appearance="subtle" onClick={() => onChange({})}>
          {tt('search.filter.reset')}
        </Button>
      )}
    </fieldset>
  );
}
