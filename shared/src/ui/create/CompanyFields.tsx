import { Field, Input } from '@fluentui/react-components';
import { useUiText } from '../i18n/useUiText';
import type { CreateFieldsProps } from './create-fields';
import { ReachFields } from './ReachFields';

// A company on its own: its name, general e-mail address and phone, website.
export function CompanyFields(props: CreateFieldsProps) {
  const { draft, update, show, touch } = props;
  const { t } = useUiText();
  return (
    <>
      <Field label={t('field.name')} required validationMessage={show('companyName') ? t('form.required') : undefined}>
        <Input
          value={draft.newCompanyName}
          onChange={(_, data) => {
            touch('companyName');
            update({ newCompanyName: data.value });
          }}
        />
      </Field>
      <ReachFields {...props} />
      <Field label={t('field.website')}>
        <Input value={draft.website} onChange={(_, data) => update({ website: data.value })} />
      </Field>
    </>
  );
}
