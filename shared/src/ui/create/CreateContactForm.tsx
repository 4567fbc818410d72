import { Button, Field, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { RELATIONSHIPS, ROLES } from '../../contacts/contact-enums.schema';
import type { Contact, ContactSummary } from '../../contacts/contact.schema';
import { ChoiceChecks } from '../forms/ChoiceChecks';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { useUiText } from '../i18n/useUiText';
import { CompanyFields } from './CompanyFields';
import type { CreateDraft, CreateTarget, DraftProblem } from './create-model';
import { DuplicateWarning } from './DuplicateWarning';
import { PersonFields } from './PersonFields';
import { useCreateContact } from './useCreateContact';

export interface CreateContactFormProps {
  /** Where the form starts: a card's suggestion (`initialDraft`) or empty (`emptyDraft`). */
  initial: CreateDraft;
  /** The form's accessible name; also its visible heading unless `showHeading` is false (a dialog titles it). */
  label: string;
  showHeading?: boolean;
  /** The person is created at the draft's company, which cannot be changed here (and no company alone). */
  companyLocked?: boolean;
  onCreated: (contact: Contact) => void;
  /** "Vorhandenen öffnen" in the duplicate warning; without it the warning only lists the candidates. */
  onOpenExisting?: ((contact: ContactSummary) => void) | undefined;
  onCancel: () => void;
}

// "Kontakt anlegen": a person (with an existing, a new or no company) or a company on its own.
// Possible duplicates ("Meier" and "Meyer") show while typing and before saving; saving is
// idempotent (useCreateContact). A field's problem shows once the user has been at the field.
export function CreateContactForm({
  initial,
  label,
  showHeading = true,
  companyLocked = false,
  onCreated,
  onOpenExisting,
  onCancel,
}: CreateContactFormProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { draft, update, change, candidates, phase, error, save, problems } = useCreateContact(initial, onCreated);
  const [touched, setTouched] = useState<ReadonlySet<DraftProblem>>(() => new Set());
  const touch = useCallback(
    (problem: DraftProblem) => setTouched((before) => (before.has(problem) ? before : new Set(before).add(problem))),
    [],
  );
  const fields = { draft, update, change, touch, show: (p: DraftProblem) => problems.includes(p) && touched.has(p) };
  const busy = phase === 'saving' || phase === 'checking';
  const showDuplicates = candidates.length > 0;
  return (
    <form
      className={styles.form}
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      {showHeading && (
        <Text as="h2" size={500} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
          {label}
        </Text>
      )}
      {!companyLocked && (
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
      )}
      {draft.target === 'company' ? (
        <CompanyFields {...fields} />
      ) : (
        <PersonFields {...fields} companyLocked={companyLocked} />
      )}
      <ChoiceChecks
        legend={t('field.relationships')}
        options={RELATIONSHIPS}
        label={(value) => t(`relationship.${value}`)}
        value={draft.relationships}
        onChange={(relationships) => update({ relationships, relationshipsChosen: true })}
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
