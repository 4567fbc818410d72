import { Button, Field, Input, Radio, RadioGroup, Select, Spinner, Text } from '@fluentui/react-components';
import { RELATIONSHIPS, ROLES, SALUTATIONS, type Salutation } from '../../contacts/contact-enums.schema';
import type { ContactSummary, Contact } from '../../contacts/contact.schema';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { ChoiceChecks } from '../forms/ChoiceChecks';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { useUiText } from '../i18n/useUiText';
import { type CompanyChoice, type CreateTarget, initialDraft } from './create-model';
import { DuplicateWarning } from './DuplicateWarning';
import { useCreateContact } from './useCreateContact';

export interface CreateContactPanelProps {
  card: SenderCard;
  /** The name Outlook shows for the sender. */
  displayName: string;
  onCreated: (contact: Contact) => void;
  onOpenExisting: (contact: ContactSummary) => void;
  onCancel: () => void;
}

// "Kontakt anlegen", prefilled from the card's suggestion; the company is the one matched by
// the sender's domain, a new one created in the same step, or none (free-mail senders).
export function CreateContactPanel({
  card,
  displayName,
  onCreated,
  onOpenExisting,
  onCancel,
}: CreateContactPanelProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { draft, update, candidates, phase, error, save, problems } = useCreateContact(
    initialDraft(card, displayName),
    onCreated,
  );
  const busy = phase === 'saving' || phase === 'checking';
  const showDuplicates = candidates.length > 0;
  return (
    <form
      className={styles.form}
      aria-label={t('create.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <Text as="h2" size={500} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
        {t('create.heading')}
      </Text>
      <Field label={t('create.target')}>
        <RadioGroup
          layout="horizontal"
          value={draft.target}
          onChange={(_, data) => update({ target: data.value as CreateTarget })}
        >
          <Radio value="person" label={t('create.targetPerson')} />
          <Radio value="company" label={t('create.targetCompany')} />
        </RadioGroup>
      </Field>
      {draft.target === 'company' ? (
        <>
          <Field
            label={t('field.name')}
            required
            validationMessage={problems.includes('companyName') ? t('form.required') : undefined}
          >
            <Input value={draft.newCompanyName} onChange={(_, data) => update({ newCompanyName: data.value })} />
          </Field>
          <Field label={t('create.companyEmail')}>
            <Input type="email" value={draft.email} onChange={(_, data) => update({ email: data.value })} />
          </Field>
        </>
      ) : (
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
          <Field
            label={t('field.lastName')}
            required
            validationMessage={problems.includes('lastName') ? t('form.required') : undefined}
          >
            <Input value={draft.lastName} onChange={(_, data) => update({ lastName: data.value })} />
          </Field>
          <Field label={t('field.email')}>
            <Input type="email" value={draft.email} onChange={(_, data) => update({ email: data.value })} />
          </Field>
          <Field label={t('field.company')}>
            <RadioGroup
              value={draft.companyChoice}
              onChange={(_, data) => update({ companyChoice: data.value as CompanyChoice })}
            >
              {draft.existingCompanyId && (
                <Radio
                  value="existing"
                  label={t('form.companyExisting', { company: draft.existingCompanyName ?? '' })}
                />
              )}
              <Radio value="new" label={t('form.companyNew')} />
              <Radio value="none" label={t('form.companyNone')} />
            </RadioGroup>
          </Field>
          {draft.companyChoice === 'new' && (
            <Field
              label={t('form.companyName')}
              required
              validationMessage={problems.includes('companyName') ? t('form.required') : undefined}
            >
              <Input value={draft.newCompanyName} onChange={(_, data) => update({ newCompanyName: data.value })} />
            </Field>
          )}
          <Field label={t('field.position')}>
            <Input value={draft.position} onChange={(_, data) => update({ position: data.value })} />
          </Field>
        </>
      )}
      <ChoiceChecks
        legend={t('field.relationships')}
        options={RELATIONSHIPS}
        label={(value) => t(`relationship.${value}`)}
        value={draft.relationships}
        onChange={(relationships) => update({ relationships })}
      />
      {draft.target === 'person' && (
        <ChoiceChecks
          legend={t('field.roles')}
          options={ROLES}
          label={(value) => t(`role.${value}`)}
          value={draft.roles}
          onChange={(roles) => update({ roles })}
        />
      )}
      {showDuplicates && <DuplicateWarning candidates={candidates} onOpenExisting={onOpenExisting} />}
      {error && (
        <Text role="alert" data-testid="form-error">
          {t('form.saveFailed', { reason: error })}
        </Text>
      )}
      <FormActions>
        {showDuplicates ? (
          <Button appearance="primary" disabled={busy || problems.length > 0} onClick={() => void save(true)}>
            {t('create.createAnyway')}
          </Button>
        ) : (
          <Button appearance="primary" type="submit" disabled={busy || problems.length > 0}>
            {draft.target === 'company' ? t('create.submitCompany') : t('create.submit')}
          </Button>
        )}
        <Button onClick={onCancel} disabled={phase === 'saving'}>
          {t('form.cancel')}
        </Button>
        {busy && <Spinner size="tiny" label={phase === 'checking' ? t('create.checking') : t('form.saving')} />}
      </FormActions>
    </form>
  );
}
