import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type ImportDefaults, LEAD_SOURCES, type LeadSource, RELATIONSHIPS } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useId } from 'react';
import { useTenantUsers } from '../search/useTenantUsers';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  field: { minWidth: '200px' },
  checks: { display: 'flex', flexWrap: 'wrap' },
  subset: { border: 'none', margin: 0, padding: 0, minWidth: '200px', display: 'flex', flexDirection: 'column' },
  sublegend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground1 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface DefaultsFieldsProps {
  defaults: ImportDefaults;
  /** The tags as typed (comma-separated), parsed on the way out. */
  tagsText: string;
  tagsError: string | undefined;
  onChange: (change: Partial<ImportDefaults>) => void;
  onTagsText: (text: string) => void;
}

// "Werte für alle Zeilen": whether rows are persons, companies or either (persons and companies
// from one file), relationships and tags added to every row, and the lead source and Betreuer
// for rows that name none.
export function DefaultsFields({ defaults, tagsText, tagsError, onChange, onTagsText }: DefaultsFieldsProps) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { t } = useUiText();
  const users = useTenantUsers();
  const legendId = useId();
  const toggle = (relationship: (typeof RELATIONSHIPS)[number], on: boolean) =>
    onChange({
      relationships: on
        ? RELATIONSHIPS.filter((r) => r === relationship || defaults.relationships.includes(r))
        : defaults.relationships.filter((r) => r !== relationship),
    });

  return (
    <fieldset className={styles.root} aria-labelledby={legendId}>
      <legend id={legendId} className={styles.legend}>
        {xt('defaults.heading')}
      </legend>
      <Field label={xt('defaults.kind')} className={styles.field}>
        <RadioGroup
          value={defaults.kind}
          onChange={(_event, data) => onChange({ kind: data.value as ImportDefaults['kind'] })}
        >
          <Radio value="auto" label={xt('defaults.kindAuto')} />
          <Radio value="person" label={xt('defaults.kindPerson')} />
          <Radio value="company" label={xt('defaults.kindCompany')} />
        </RadioGroup>
      </Field>
      <fieldset className={styles.subset} aria-describedby={`${legendId}-relationships-hint`}>
        <legend className={styles.sublegend}>{xt('defaults.relationships')}</legend>
        <div className={styles.checks}>
          {RELATIONSHIPS.map((relationship) => (
            <Checkbox
              key={relationship}
              label={t(`relationship.${relationship}`)}
              checked={defaults.relationships.includes(relationship)}
              onChange={(_event, data) => toggle(relationship, data.checked === true)}
            />
          ))}
        </div>
        <Text id={`${legendId}-relationships-hint`} size={200} className={styles.hint}>
          {xt('defaults.relationshipsHint')}
        </Text>
      </fieldset>
      <Field
        label={xt('defaults.tags')}
        hint={xt('defaults.tagsHint')}
        validationMessage={tagsError}
        className={styles.field}
      >
        <Input value={tagsText} onChange={(_event, data) => onTagsText(data.value)} />
      </Field>
      <Field label={xt('defaults.leadSource')} hint={xt('defaults.whereNone')} className={styles.field}>
        <Select
          value={defaults.leadSource ?? ''}
          onChange={(_event, data) => onChange({ leadSource: (data.value || undefined) as LeadSource | undefined })}
        >
          <option value="">{xt('defaults.none')}</option>
          {LEAD_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`leadSource.${source}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={xt('defaults.owner')} hint={xt('defaults.ownerHint')} className={styles.field}>
        <Select
          value={defaults.ownerId ?? ''}
          onChange={(_event, data) => onChange({ ownerId: data.value || undefined })}
        >
          <option value="">{xt('defaults.ownerMe')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
