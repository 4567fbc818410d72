import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import { DateField } from '../forms/DateField';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { type TextKey, useUiText } from '../i18n';
import { DiscardNotesDialog } from './DiscardNotesDialog';
import { lengthState, type NoteTextField as FieldName, overLimitFields, withDone } from './notes-edit-model';
import { FreeNotesList, HistoryList, OpenItemsList } from './NotesEntries';
import { NoteTextField } from './NoteTextField';
import { useNotesEditor } from './useNotesEditor';

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const LABELS: Record<FieldName, TextKey> = {
  specifics: 'field.specifics',
  historyEvent: 'notes.historyEvent',
  openItem: 'notes.openItem',
  freeNote: 'notes.freeNote',
};

export interface NotesEditorProps {
  contact: Contact;
  /** A save stored the notes: the card behind can show them. The editor stays open. */
  onChanged: (contact: Contact) => void;
  /** "Zurück", after the user agreed to discard unsaved text (if there was any). */
  onClose: () => void;
  /** Whether leaving now would lose typed text: a host asks before it closes the editor itself. */
  onDirtyChange?: (dirty: boolean) => void;
}

// Besonderheiten, open items (tick off or add), a history entry and a free note, all stored by
// one "Speichern" (one request). The stored entries are listed beside the new ones.
export function NotesEditor({ contact, onChanged, onClose, onDirtyChange }: NotesEditorProps) {
  const form = useFormStyles();
  const styles = useStyles();
  const { t } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const { base, draft, update, save, state, dirty } = useNotesEditor(contact, onChanged);
  const [asking, setAsking] = useState(false);
  const refs = {
    specifics: useRef<HTMLTextAreaElement>(null),
    historyEvent: useRef<HTMLTextAreaElement>(null),
    openItem: useRef<HTMLInputElement>(null),
    freeNote: useRef<HTMLTextAreaElement>(null),
  };
  const over = overLimitFields(draft);
  const label = (field: FieldName) => t(LABELS[field]);

  // The host hears of every change of `dirty`, and `false` when the editor goes away. In a layout
  // effect: the host knows before the next key (an Escape right after typing) reaches it.
  const tellHost = useRef(onDirtyChange);
  tellHost.current = onDirtyChange;
  useLayoutEffect(() => tellHost.current?.(dirty), [dirty]);
  useLayoutEffect(() => () => tellHost.current?.(false), []);
  useEffect(() => {
    if (!dirty) return;
    // Closing or reloading the page with unsaved notes asks too (the browser's own question).
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // DateField hands over YYYY-MM-DD for a date and the typed text otherwise (marked at the field).
  const dateInvalid = draft.historyDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.historyDate);
  const submit = () => {
    const first = over[0];
    if (first) refs[first].current?.focus();
    if (dateInvalid) return;
    void save();
  };

  const field = (name: FieldName, multiline: boolean, rows?: number) => (
    <NoteTextField
      label={label(name)}
      value={draft[name]}
      length={lengthState(name, draft)}
      multiline={multiline}
      rows={rows}
      inputRef={refs[name]}
      onChange={(value) => update({ [name]: value })}
    />
  );

  return (
    <form
      className={form.form}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Text as="h2" id={headingId} size={500} weight="semibold" className={form.heading} ref={headingRef} tabIndex={-1}>
        {t('notes.headingFor', { name: contact.displayName })}
      </Text>
      {state.kind === 'saved' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('notes.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {field('specifics', true, 3)}
      <div className={styles.block}>
        <Text as="h3" weight="semibold" className={form.heading}>
          {t('field.openItems')}
        </Text>
        <OpenItemsList
          notes={base.notes}
          draft={draft}
          onTick={(id, done) => update({ done: withDone(base.notes, draft, id, done).done })}
        />
        {field('openItem', false)}
      </div>
      <div className={styles.block}>
        <Text as="h3" weight="semibold" className={form.heading}>
          {t('field.history')}
        </Text>
        <DateField
          label={t('notes.historyDate')}
          value={draft.historyDate}
          onChange={(historyDate) => update({ historyDate })}
        />
        {field('historyEvent', true, 2)}
        <HistoryList notes={base.notes} />
      </div>
      <div className={styles.block}>
        <Text as="h3" weight="semibold" className={form.heading}>
          {t('card.freeNotes')}
        </Text>
        {field('freeNote', true, 2)}
        <FreeNotesList notes={base.notes} />
      </div>
      {state.kind === 'invalid' && over.length > 0 && (
        <Text role="alert" data-testid="form-error">
          {t('notes.fixLengths', { fields: over.map(label).join(', ') })}
        </Text>
      )}
      {state.kind === 'contested' && (
        <MessageBar intent="warning" layout="multiline" data-testid="conflict-prompt">
          <MessageBarBody>
            <MessageBarTitle>{t('notes.contestedTitle')}</MessageBarTitle>
            {t('notes.contestedText', { theirs: state.theirs })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <Text role="alert" data-testid="form-error">
          {t('form.saveFailed', { reason: state.message })}
        </Text>
      )}
      <FormActions>
        <Button appearance="primary" type="submit" disabled={!dirty || dateInvalid || state.kind === 'saving'}>
          {t('form.save')}
        </Button>
        <Button onClick={() => (dirty ? setAsking(true) : onClose())}>{t('pane.back')}</Button>
        {state.kind === 'saving' && <Spinner size="tiny" label={t('form.saving')} />}
      </FormActions>
      <DiscardNotesDialog
        open={asking}
        onKeepEditing={() => setAsking(false)}
        onDiscard={() => {
          setAsking(false);
          onClose();
        }}
      />
    </form>
  );
}
