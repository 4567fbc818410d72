import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useUiText } from '../i18n/useUiText';
import type { CreateFieldsProps } from './create-fields';
import { type CompanyChoice, withCompany, withCompanyChoice } from './create-model';
import { CompanySearch } from './CompanySearch';

export interface CompanyChoiceFieldProps extends CreateFieldsProps {
  /** The company is given (data care's "Keine Ansprechpartner"): shown, not chosen. */
  locked: boolean;
}

// The person's company: an existing one (from the card's domain match, or searched), a new one
// created in the same step, or none (a private person, a free-mail sender).
export function CompanyChoiceField({ draft, update, change, show, touch, locked }: CompanyChoiceFieldProps) {
  const { t } = useUiText();
  if (locked) {
    return (
      <Field label={t('field.company')}>
        <Input value={draft.existingCompanyName ?? ''} readOnly />
      </Field>
    );
  }
  return (
    <>
      <Field label={t('field.company')}>
        <RadioGroup
          value={draft.companyChoice}
          onChange={(_, data) => {
            if (data.value === 'existing') touch('existingCompany');
            change((current) => withCompanyChoice(current, data.value as CompanyChoice));
          }}
        >
          <Radio
            value="existing"
            label={
              draft.existingCompanyId
                ? t('form.companyExisting', { company: draft.existingCompanyName ?? '' })
                : t('create.companySearchChoice')
            }
          />
          <Radio value="new" label={t('form.companyNew')} />
          <Radio value="none" label={t('form.companyNone')} />
        </RadioGroup>
      </Field>
      {draft.companyChoice === 'existing' && (
        <CompanySearch
          picked={
            draft.existingCompanyId ? { id: draft.existingCompanyId, name: draft.existingCompanyName ?? '' } : undefined
          }
          onPick={(company) =>
            change((current) =>
              withCompany(
                current,
                company && { id: company.id, name: company.displayName, relationships: company.relationships },
              ),
            )
          }
          onCreateNew={(name) => change((current) => ({ ...withCompanyChoice(current, 'new'), newCompanyName: name }))}
          validationMessage={show('existingCompany') ? t('create.companyPick') : undefined}
        />
      )}
      {draft.companyChoice === 'new' && (
        <Field
          label={t('form.companyName')}
          required
          validationMessage={show('companyName') ? t('form.required') : undefined}
        >
          <Input
            value={draft.newCompanyName}
            onChange={(_, data) => {
              touch('companyName');
              update({ newCompanyName: data.value });
            }}
          />
        </Field>
      )}
    </>
  );
}
