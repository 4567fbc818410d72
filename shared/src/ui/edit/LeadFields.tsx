import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from '../../contacts/contact-enums.schema';
import { useFormStyles } from '../forms/form-styles';
import { useUiText } from '../i18n/useUiText';
import type { EditDraft } from './edit-model';

export interface LeadFieldsProps {
  draft: EditDraft;
  update: (patch: Partial<EditDraft>) => void;
  disabled: boolean;
}

// Lead-Quelle, Status, nächste Schritte, Budget, Zeitrahmen.
export function LeadFields({ draft, update, disabled }: LeadFieldsProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  return (
    <>
      <div className={styles.row}>
        <Field label={t('field.leadSource')}>
          <Select
            value={draft.leadSource}
            disabled={disabled}
            onChange={(_, data) => update({ leadSource: data.value as LeadSource | '' })}
          >
            <option value="">{t('form.none')}</option>
            {LEAD_SOURCES.map((value) => (
              <option key={value} value={value}>
                {t(`leadSource.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('field.leadStatus')}>
          <Select
            value={draft.leadStatus}
            disabled={disabled}
            onChange={(_, data) => update({ leadStatus: data.value as LeadStatus | '' })}
          >
            <option value="">{t('form.none')}</option>
            {LEAD_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`leadStatus.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('field.sourceDetail')}>
        <Input
          value={draft.leadSourceDetail}
          disabled={disabled}
          onChange={(_, data) => update({ leadSourceDetail: data.value })}
        />
      </Field>
      <Field label={t('field.nextSteps')}>
        <Textarea
          value={draft.leadNextSteps}
          disabled={disabled}
          resize="vertical"
          onChange={(_, data) => update({ leadNextSteps: data.value })}
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('form.budgetMin')}>
          <Input
            inputMode="numeric"
            value={draft.budgetMin}
            disabled={disabled}
            onChange={(_, data) => update({ budgetMin: data.value })}
          />
        </Field>
        <Field label={t('form.budgetMax')}>
          <Input
            inputMode="numeric"
            value={draft.budgetMax}
            disabled={disabled}
            onChange={(_, data) => update({ budgetMax: data.value })}
          />
        </Field>
      </div>
      <Field label={t('field.timeframe')}>
        <Input value={draft.timeframe} disabled={disabled} onChange={(_, data) => update({ timeframe: data.value })} />
      </Field>
    </>
  );
}
