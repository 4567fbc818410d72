import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { RELATIONSHIPS, ROLES } from '../../contacts/contact-enums.schema';
import type { Contact } from '../../contacts/contact.schema';
import { ChoiceChecks } from '../forms/ChoiceChecks';
import { DateField } from '../forms/DateField';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { type TextKey, useUiText } from '../i18n';
import type { EditField } from './edit-model';
import { LeadFields } from './LeadFields';
import { useContactEditor } from './useContactEditor';

const FIELD_LABELS: Record<EditField, TextKey> = {
  relationships: 'field.relationships',
  roles: 'field.roles',
  position: 'field.position',
  department: 'field.department',
  tags: 'field.tags',
  specifics: 'field.specifics',
  customerSince: 'field.customerSince',
  leadSource: 'field.leadSource',
  leadSourceDetail: 'field.sourceDetail',
  leadStatus: 'field.leadStatus',
  leadNextSteps: 'field.nextSteps',
  budgetMin: 'form.budgetMin',
  budgetMax: 'form.budgetMax',
  timeframe: 'field.timeframe',
};

export interface ContactEditorProps {
  contact: Contact;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
  /** The contact was saved while the form stays open (a lead action of the status field). */
  onChanged?: ((contact: Contact) => void) | undefined;
  /** The field to focus when the form opens (a QualityFinding field path: 'emails', 'lead.source', …). */
  focusField?: string | undefined;
}

// Relationship, roles, position and department, tags, Besonderheiten and lead data.
export function ContactEditor({ contact, onSaved, onCancel, onChanged }: ContactEditorProps) {
  const styles = useFormStyles();
  const { t } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { draft, update, save, reload, applySaved, current, state, dirty } = useContactEditor(contact, onSaved);
  const disabled = state.kind === 'saving' || state.kind === 'reloading';
  const isPerson = contact.kind === 'person';
  const reloadButton = useRef<HTMLButtonElement>(null);
  // The prompt appears where the user just clicked "Speichern"; focus moves to its action.
  useEffect(() => {
    if (state.kind === 'conflict') reloadButton.current?.focus();
  }, [state.kind]);
  return (
    <form
      className={styles.form}
      aria-label={t('edit.heading', { name: contact.displayName })}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Text as="h2" size={500} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
        {t('edit.heading', { name: contact.displayName })}
      </Text>
      <ChoiceChecks
        legend={t('field.relationships')}
        options={RELATIONSHIPS}
        label={(value) => t(`relationship.${value}`)}
        value={draft.relationships}
        onChange={(relationships) => update({ relationships })}
        disabled={disabled}
      />
      {isPerson && (
        <>
          <ChoiceChecks
            legend={t('field.roles')}
            options={ROLES}
            label={(value) => t(`role.${value}`)}
            value={draft.roles}
            onChange={(roles) => update({ roles })}
            disabled={disabled}
          />
          <div className={styles.row}>
            <Field label={t('field.position')}>
              <Input value={draft.position} disabled={disabled} onChange={(_, d) => update({ position: d.value })} />
            </Field>
            <Field label={t('field.department')}>
              <Input
                value={draft.department}
                disabled={disabled}
                onChange={(_, d) => update({ department: d.value })}
              />
            </Field>
          </div>
        </>
      )}
      <Field label={t('field.tags')} hint={t('form.tagsHint')}>
        <Input value={draft.tags} disabled={disabled} onChange={(_, d) => update({ tags: d.value })} />
      </Field>
      <DateField
        label={t('field.customerSince')}
        value={draft.customerSince}
        disabled={disabled}
        onChange={(customerSince) => update({ customerSince })}
      />
      <Field label={t('field.specifics')}>
        <Textarea
          value={draft.specifics}
          disabled={disabled}
          resize="vertical"
          rows={4}
          onChange={(_, d) => update({ specifics: d.value })}
        />
      </Field>
      <Text as="h3" weight="semibold" className={styles.heading}>
        {t('form.lead')}
      </Text>
      <LeadFields
        draft={draft}
        update={update}
        disabled={disabled}
        contact={current}
        onActionDone={(saved) => {
          applySaved(saved);
          onChanged?.(saved);
        }}
      />
      {state.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" data-testid="conflict-prompt">
          <MessageBarBody>
            <MessageBarTitle>{t('edit.conflictTitle')}</MessageBarTitle>
            {t('edit.conflictText')}
          </MessageBarBody>
          <MessageBarActions>
            <Button ref={reloadButton} appearance="primary" onClick={() => void reload()}>
              {t('edit.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.kind === 'rebased' && (
        <MessageBar intent="info" layout="multiline" data-testid="rebased-note">
          <MessageBarBody>
            {t('edit.reloaded')}
            {state.conflicts.length > 0 &&
              ` ${t('edit.conflictFields', { fields: state.conflicts.map((f) => t(FIELD_LABELS[f])).join(', ') })}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <Text role="alert" data-testid="form-error">
          {t('form.saveFailed', { reason: state.message })}
        </Text>
      )}
      <FormActions>
        <Button appearance="primary" type="submit" disabled={disabled || state.kind === 'conflict' || !dirty}>
          {t('form.save')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        {disabled && <Spinner size="tiny" label={t('form.saving')} />}
      </FormActions>
    </form>
  );
}
