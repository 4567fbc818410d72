import { Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { type ReactNode, useId } from 'react';
import { RELATIONSHIPS, ROLES, SALUTATIONS, type Salutation } from '../../contacts/contact-enums.schema';
import type { Contact } from '../../contacts/contact.schema';
import { ChoiceChecks } from '../forms/ChoiceChecks';
import { DateField } from '../forms/DateField';
import { useFormStyles } from '../forms/form-styles';
import { useUiText } from '../i18n';
import { AddressFields } from './AddressFields';
import { CompanyPicker } from './CompanyPicker';
import type { EditDraft } from './edit-model';
import { EditorFieldBox, MarkedGroup, useEditorFields, useMark } from './EditorFieldBox';
import { EmailList } from './EmailList';
import { LeadFields } from './LeadFields';
import { OwnerSelect } from './OwnerSelect';
import { PhoneFields } from './PhoneFields';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
});

/** One part of the form under its heading (Person, Erreichbarkeit, Adresse, CRM). */
export function EditorSection({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Text as="h3" id={id} size={400} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}

export interface SectionProps {
  draft: EditDraft;
  update: (patch: Partial<EditDraft>) => void;
}

/** A text input of the editor with its label, problem and mark. */
function TextInput({
  field,
  label,
  value,
  onChange,
  required,
}: {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const { disabled } = useEditorFields();
  return (
    <EditorFieldBox field={field} label={label} required={required}>
      <Input value={value} disabled={disabled} data-field={field} onChange={(_, data) => onChange(data.value)} />
    </EditorFieldBox>
  );
}

// Anrede, Titel, Vor- und Nachname, Firma, Position, Abteilung, Rollen.
export function PersonSection({ draft, update }: SectionProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  const { disabled } = useEditorFields();
  const rolesMark = useMark('roles');
  return (
    <EditorSection title={t('edit.sectionPerson')}>
      <div className={styles.row}>
        <EditorFieldBox field="salutation" label={t('field.salutation')}>
          <Select
            value={draft.salutation}
            disabled={disabled}
            data-field="salutation"
            onChange={(_, data) => update({ salutation: data.value as Salutation })}
          >
            {SALUTATIONS.map((value) => (
              <option key={value} value={value}>
                {t(`salutation.${value}`)}
              </option>
            ))}
          </Select>
        </EditorFieldBox>
        <TextInput field="title" label={t('field.title')} value={draft.title} onChange={(title) => update({ title })} />
      </div>
      <div className={styles.row}>
        <TextInput
          field="firstName"
          label={t('field.firstName')}
          value={draft.firstName}
          onChange={(firstName) => update({ firstName })}
        />
        <TextInput
          field="lastName"
          label={t('field.lastName')}
          required
          value={draft.lastName}
          onChange={(lastName) => update({ lastName })}
        />
      </div>
      <CompanyPicker label={t('field.company')} value={draft.company} onChange={(company) => update({ company })} />
      <div className={styles.row}>
        <TextInput
          field="position"
          label={t('field.position')}
          value={draft.position}
          onChange={(position) => update({ position })}
        />
        <TextInput
          field="department"
          label={t('field.department')}
          value={draft.department}
          onChange={(department) => update({ department })}
        />
      </div>
      <MarkedGroup field="roles">
        <ChoiceChecks
          legend={t('field.roles')}
          options={ROLES}
          label={(value) => t(`role.${value}`)}
          value={draft.roles}
          onChange={(roles) => update({ roles })}
          disabled={disabled}
          field="roles"
          {...(rolesMark.hint ? { hint: rolesMark.hint } : {})}
        />
      </MarkedGroup>
    </EditorSection>
  );
}

// Firmenname and Branche.
export function CompanySection({ draft, update }: SectionProps) {
  const { t } = useUiText();
  return (
    <EditorSection title={t('edit.sectionCompany')}>
      <TextInput
        field="name"
        label={t('field.name')}
        required
        value={draft.name}
        onChange={(name) => update({ name })}
      />
      <TextInput
        field="industry"
        label={t('field.industry')}
        value={draft.industry}
        onChange={(industry) => update({ industry })}
      />
    </EditorSection>
  );
}

// E-mail addresses, phones, website; then the address.
export function ReachSections({ draft, update }: SectionProps) {
  const { t } = useUiText();
  return (
    <>
      <EditorSection title={t('edit.sectionReach')}>
        <EmailList legend={t('field.emails')} emails={draft.emails} onChange={(emails) => update({ emails })} />
        <PhoneFields draft={draft} update={update} />
        <TextInput
          field="website"
          label={t('field.website')}
          value={draft.website}
          onChange={(website) => update({ website })}
        />
      </EditorSection>
      <EditorSection title={t('edit.sectionAddress')}>
        <AddressFields draft={draft} update={update} />
      </EditorSection>
    </>
  );
}

export interface CrmSectionProps extends SectionProps {
  contact: Contact;
  onLeadAction: (contact: Contact) => void;
}

// Betreuer, Beziehung, Kunde seit, Schlagwörter, Besonderheiten and the lead data.
export function CrmSection({ draft, update, contact, onLeadAction }: CrmSectionProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const { disabled } = useEditorFields();
  const relationshipsMark = useMark('relationships');
  const sinceMark = useMark('customerSince');
  return (
    <EditorSection title={t('edit.sectionCrm')}>
      <OwnerSelect value={draft.ownerId} onChange={(ownerId) => update({ ownerId })} />
      <MarkedGroup field="relationships">
        <ChoiceChecks
          legend={t('field.relationships')}
          options={RELATIONSHIPS}
          label={(value) => t(`relationship.${value}`)}
          value={draft.relationships}
          onChange={(relationships) => update({ relationships })}
          disabled={disabled}
          field="relationships"
          {...(relationshipsMark.hint ? { hint: relationshipsMark.hint } : {})}
        />
      </MarkedGroup>
      <DateField
        label={t('field.customerSince')}
        value={draft.customerSince}
        disabled={disabled}
        field="customerSince"
        {...(sinceMark.hint ? { hint: sinceMark.hint } : {})}
        {...(sinceMark.className ? { className: sinceMark.className } : {})}
        onChange={(customerSince) => update({ customerSince })}
      />
      <EditorFieldBox field="tags" label={t('field.tags')} hint={t('form.tagsHint')}>
        <Input
          value={draft.tags}
          disabled={disabled}
          data-field="tags"
          onChange={(_, d) => update({ tags: d.value })}
        />
      </EditorFieldBox>
      <EditorFieldBox field="notes.specifics" label={t('field.specifics')}>
        <Textarea
          value={draft.specifics}
          disabled={disabled}
          resize="vertical"
          rows={3}
          data-field="notes.specifics"
          onChange={(_, d) => update({ specifics: d.value })}
        />
      </EditorFieldBox>
      <Text as="h4" weight="semibold" className={styles.heading}>
        {t('form.lead')}
      </Text>
      <LeadFields draft={draft} update={update} disabled={disabled} contact={contact} onActionDone={onLeadAction} />
    </EditorSection>
  );
}
