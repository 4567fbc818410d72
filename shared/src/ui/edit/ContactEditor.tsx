import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { type FocusEvent, type FormEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Contact, ContactSummary } from '../../contacts/contact.schema';
import { useApi } from '../api-context';
import { DuplicateWarning } from '../create/DuplicateWarning';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { type UiText, useUiText } from '../i18n';
import { UiTextContext } from '../i18n/UiTextProvider';
import { DRAFT_LABELS, type EditorField } from './edit-fields';
import { type EditorFields, EditorFieldsContext, type FieldNote } from './EditorFieldBox';
import { CompanySection, CrmSection, PersonSection, ReachSections } from './EditorSections';
import { useContactEditor } from './useContactEditor';
import { useEditorFocus } from './useEditorFocus';
import { useTouchedFields } from './useTouchedFields';

export interface ContactEditorProps {
  contact: Contact;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
  /** The contact was saved while the form stays open (a lead action of the status field). */
  onChanged?: ((contact: Contact) => void) | undefined;
  /**
   * Where to open: a data-care finding's field path ('lastName', 'emails.1', 'businessPhones.0',
   * 'companyId', 'address.city', 'lead.status', …; see `editorFieldOf`). The editor scrolls to
   * that input, focuses it and marks it; a path it has no input for opens it at the top.
   */
  focusField?: string | undefined;
  /** The linked company's name when the host has it; otherwise the editor looks it up. */
  companyName?: string | undefined;
  /** "Vorhandenen öffnen" in the duplicate warning. */
  onOpenContact?: ((contact: ContactSummary) => void) | undefined;
}

/** An API message at its input reads as a sentence: "ist keine gültige …" → "Ist keine gültige …". */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase('de') + text.slice(1);

// All of a contact's master data and CRM fields, in sections that stay usable in a 320 px pane:
// Person (or Firma), Erreichbarkeit, Adresse, CRM. Problems show at their inputs, the API's
// field errors too; a save that changes a name or an e-mail address checks for duplicates first.
export function ContactEditor({
  contact,
  onSaved,
  onCancel,
  onChanged,
  focusField,
  companyName,
  onOpenContact,
}: ContactEditorProps) {
  const styles = useFormStyles();
  const text = useUiText();
  const { t } = text;
  const api = useApi();
  const editor = useContactEditor(contact, onSaved, companyName ?? '');
  const { draft, update, state, problems, serverErrors, submitted, setCompanyName, clearServerError } = editor;
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reloadButton = useRef<HTMLButtonElement>(null);
  const duplicatesRef = useRef<HTMLDivElement>(null);
  const touched = useTouchedFields();
  const busy = state.kind === 'saving' || state.kind === 'reloading' || state.kind === 'checking';

  const hasProblem = (field: EditorField) => serverErrors.has(field) || problems.get(field)?.severity === 'error';
  const mark = useEditorFocus(formRef, headingRef, contact.kind, focusField, editor.problemFocus, hasProblem);

  // The contact holds only its company's id: the picker needs the name.
  const companyId = contact.kind === 'person' ? contact.companyId : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: looked up once, when the editor opens
  useEffect(() => {
    if (!companyId || companyName) return;
    const controller = new AbortController();
    api.getContact(companyId, controller.signal).then(
      (company) => setCompanyName(company.id, company.displayName),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  // The prompt appears where the user just clicked "Speichern"; focus moves to its action.
  useEffect(() => {
    if (state.kind === 'conflict') reloadButton.current?.focus();
    if (state.kind === 'duplicates') duplicatesRef.current?.focus();
  }, [state.kind]);

  const fields = useMemo<EditorFields>(
    () => ({
      disabled: busy,
      noteOf(field): FieldNote | undefined {
        const server = serverErrors.get(field);
        if (server) return { text: sentence(server), state: 'error' };
        const problem = problems.get(field);
        // The input a finding opened the editor at says what is wrong with it at once.
        if (!problem || !(submitted || touched.shows(field) || mark?.field === field)) return undefined;
        return { text: t(problem.key, problem.params), state: problem.severity };
      },
      marked: mark && { field: mark.field, hint: t(mark.missing ? 'edit.markMissing' : 'edit.markCheck') },
    }),
    [busy, serverErrors, problems, submitted, touched, mark, t],
  );

  // The duplicate warning is the create form's; its text speaks of saving here.
  const warningText = useMemo<UiText>(
    () => ({
      ...text,
      t: (key, params) => text.t(key === 'create.duplicatesText' ? 'edit.duplicatesText' : key, params),
    }),
    [text],
  );

  const fieldOfEvent = (event: FocusEvent | FormEvent) => {
    const target = event.target as HTMLElement;
    return target.dataset?.field ?? target.closest<HTMLElement>('[data-field-group]')?.dataset.fieldGroup;
  };
  const onLeadAction = useCallback(
    (saved: Contact) => {
      editor.applySaved(saved);
      onChanged?.(saved);
    },
    [editor.applySaved, onChanged],
  );

  const heading = t('edit.heading', { name: contact.displayName });
  return (
    <form
      ref={formRef}
      className={styles.form}
      aria-label={heading}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void editor.save();
      }}
      onBlur={(event) => {
        const field = fieldOfEvent(event);
        if (field) touched.add(field);
      }}
      onChange={(event) => {
        const field = fieldOfEvent(event);
        if (field) clearServerError(field);
      }}
    >
      <Text as="h2" size={500} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
        {heading}
      </Text>
      <EditorFieldsContext.Provider value={fields}>
        {contact.kind === 'person' ? (
          <PersonSection draft={draft} update={update} />
        ) : (
          <CompanySection draft={draft} update={update} />
        )}
        <ReachSections draft={draft} update={update} />
        <CrmSection draft={draft} update={update} contact={editor.current} onLeadAction={onLeadAction} />
      </EditorFieldsContext.Provider>
      {state.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" data-testid="conflict-prompt">
          <MessageBarBody>
            <MessageBarTitle>{t('edit.conflictTitle')}</MessageBarTitle>
            {t('edit.conflictText')}
          </MessageBarBody>
          <MessageBarActions>
            <Button ref={reloadButton} appearance="primary" onClick={() => void editor.reload()}>
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
              ` ${t('edit.conflictFields', { fields: state.conflicts.map((f) => t(DRAFT_LABELS[f])).join(', ') })}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'duplicates' && (
        <div ref={duplicatesRef} tabIndex={-1}>
          <UiTextContext.Provider value={warningText}>
            <DuplicateWarning candidates={state.candidates} onOpenExisting={(found) => onOpenContact?.(found)} />
          </UiTextContext.Provider>
        </div>
      )}
      {state.kind === 'invalid' && (
        <Text role="alert" data-testid="form-invalid">
          {[t('edit.fixFields'), state.message].filter(Boolean).join(' ')}
        </Text>
      )}
      {state.kind === 'error' && (
        <Text role="alert" data-testid="form-error">
          {t('form.saveFailed', { reason: state.message })}
        </Text>
      )}
      <FormActions>
        {state.kind === 'duplicates' ? (
          <>
            <Button appearance="primary" onClick={() => void editor.save(true)}>
              {t('edit.saveAnyway')}
            </Button>
            <Button onClick={editor.dismissDuplicates}>{t('edit.keepEditing')}</Button>
          </>
        ) : (
          <Button appearance="primary" type="submit" disabled={busy || state.kind === 'conflict' || !editor.dirty}>
            {t('form.save')}
          </Button>
        )}
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        {busy && <Spinner size="tiny" label={state.kind === 'checking' ? t('edit.checking') : t('form.saving')} />}
      </FormActions>
    </form>
  );
}
