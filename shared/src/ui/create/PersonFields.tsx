import { Field, Input, Select } from '@fluentui/react-components';
import { SALUTATIONS, type Salutation } from '../../contacts/contact-enums.schema';
import { useFormStyles } from '../forms/form-styles';
import { useUiText } from '../i18n/useUiText';
import { CompanyChoiceField } from './CompanyChoiceField';
import type { CreateFieldsProps } from './create-fields';
import { ReachFields } from './ReachFields';

// A person: name, how to reach them, their company and position.
export function PersonFields(props: CreateFieldsProps & { companyLocked: boolean }) {
  const { draft, update, show, touch, companyLocked } = props;
  const styles = useFormStyles();
  const { t } = useUiText();
  return (
    <>
      <div className={styles.row}>
        <Field label={t('field.salutation')}>
          <Select value={draft.salutation} onChange={(_, data) => update({ salutation: data.value as Salutation })}>
            {SALUTATIONS.map((value) => (
              <option key={value} value={value}>
                {t(`salutation.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('field.title')}>
          <Input value={draft.title} onChange={(_, data) => update({ title: data.value })} />
        </Field>
      </div>
      <Field label={t('field.firstName')}>
        <Input value={draft.firstName} onChange={(_, data) => update({ firstName: data.value })} />
      </Field>
      <Field label={t('field.lastName')} required validationMessage={show('lastName') ? t('form.required') : undefined}>
        <Input
          value={draft.lastName}
          onChange={(_, data) => {
            touch('lastName');
            update({ lastName: data.value });
          }}
        />
      </Field>
      <ReachFields {...props} />
      <CompanyChoiceField {...props} locked={companyLocked} />
      <Field label={t('field.position')}>
        <Input value={draft.position} onChange={(_, data) => update({ position: data.value })} />
      </Field>
    </>
  );
}
