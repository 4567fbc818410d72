import { Field, Input } from '@fluentui/react-components';
import { useFormStyles } from '../forms/form-styles';
import { useUiText } from '../i18n/useUiText';
import type { CreateFieldsProps } from './create-fields';

// How the new contact is reached: an e-mail address (optional) and phones. A person has a
// business and a mobile phone here; a company its general address and phone.
export function ReachFields({ draft, update, show, touch }: CreateFieldsProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  const company = draft.target === 'company';
  return (
    <>
      <Field
        label={company ? t('create.companyEmail') : t('field.email')}
        hint={draft.email.trim() ? undefined : t('create.emailHint')}
        validationMessage={show('email') ? t('create.emailInvalid') : undefined}
      >
        <Input
          type="email"
          value={draft.email}
          onChange={(_, data) => update({ email: data.value })}
          onBlur={() => touch('email')}
        />
      </Field>
      {company ? (
        <Field label={t('create.companyPhone')}>
          <Input type="tel" value={draft.phone} onChange={(_, data) => update({ phone: data.value })} />
        </Field>
      ) : (
        <div className={styles.row}>
          <Field label={t('field.businessPhones')}>
            <Input type="tel" value={draft.phone} onChange={(_, data) => update({ phone: data.value })} />
          </Field>
          <Field label={t('field.mobilePhone')}>
            <Input type="tel" value={draft.mobile} onChange={(_, data) => update({ mobile: data.value })} />
          </Field>
        </div>
      )}
    </>
  );
}
