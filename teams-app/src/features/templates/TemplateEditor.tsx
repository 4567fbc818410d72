import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DiscardNotesDialog, type Template } from '@klarkonform/shared/ui';
import { type FormEvent, Suspense, useEffect, useRef, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { DeleteTemplateDialog } from './DeleteTemplateDialog';
import { TemplateFields } from './TemplateFields';
import { TemplatePreview } from './TemplatePreview';
import { type EditorTarget, useTemplateEditor } from './useTemplateEditor';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  drawer: { width: 'min(720px, 100vw)' },
  form: { display: 'contents' },
  // The body scrolls; its parts keep their height instead of being squeezed into it.
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    '& > *': { flexShrink: 0 },
  },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface TemplateEditorProps {
  /** undefined: closed. */
  target: EditorTarget | undefined;
  onClose: () => void;
  onSaved: (template: Template) => void;
  onDeleted: (name: string) => void;
}

const keyOf = (target: EditorTarget) => (target.kind === 'new' ? 'new' : target.id);

// The template editor in a drawer over the list (full width in a narrow side panel). The drawer
// stays mounted and only opens and closes: unmounting a Fluent modal leaves aria-hidden behind.
// Closing it with unsaved changes asks first, as the notes editor does.
export function TemplateEditor({ target, onClose, onSaved, onDeleted }: TemplateEditorProps) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  const [dirty, setDirty] = useState(false);
  const [askDiscard, setAskDiscard] = useState(false);
  // The last target stays shown while the drawer closes; each opening starts a fresh form
  // (a second "Neue Vorlage" is empty again).
  const opened = useRef<{ target: EditorTarget; count: number } | undefined>(undefined);
  if (target && target !== opened.current?.target) {
    opened.current = { target, count: (opened.current?.count ?? 0) + 1 };
  }
  const shown = opened.current;
  const requestClose = () => (dirty ? setAskDiscard(true) : onClose());

  return (
    <OverlayDrawer
      position="end"
      className={styles.drawer}
      open={target !== undefined}
      onOpenChange={(_event, data) => !data.open && requestClose()}
    >
      {shown && (
        <EditorBody
          key={`${keyOf(shown.target)}:${shown.count}`}
          target={shown.target}
          onDirty={setDirty}
          onClose={requestClose}
          onSaved={onSaved}
          onDeleted={onDeleted}
        />
      )}
      {(dirty || askDiscard) && (
        <Suspense fallback={null}>
          <DiscardNotesDialog
            open={askDiscard}
            texts={{
              title: mt('discard.title'),
              text: mt('discard.text'),
              discard: mt('discard.discard'),
              keepEditing: mt('discard.keepEditing'),
            }}
            onKeepEditing={() => setAskDiscard(false)}
            onDiscard={() => {
              setAskDiscard(false);
              setDirty(false);
              onClose();
            }}
          />
        </Suspense>
      )}
    </OverlayDrawer>
  );
}

interface EditorBodyProps {
  target: EditorTarget;
  onDirty: (dirty: boolean) => void;
  onClose: () => void;
  onSaved: (template: Template) => void;
  onDeleted: (name: string) => void;
}

function EditorBody({ target, onDirty, onClose, onSaved, onDeleted }: EditorBodyProps) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  const editor = useTemplateEditor(target, onSaved);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const deleted = useRef<string | undefined>(undefined);
  const { dirty, draft, template } = editor;

  const tellHost = useRef(onDirty);
  tellHost.current = onDirty;
  useEffect(() => tellHost.current(dirty), [dirty]);
  useEffect(() => () => tellHost.current(false), []);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void editor.save();
  };

  const confirmDelete = async () => {
    setDeleting(true);
    if (await editor.remove()) {
      deleted.current = template?.name;
      tellHost.current(false);
    }
    setDeleting(false);
    setConfirming(false);
  };

  return (
    <>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" onClick={onClose}>
              {mt('editor.close')}
            </Button>
          }
        >
          {template ? mt('editor.editTitle') : mt('editor.newTitle')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {!draft && !editor.gone && editor.failure === undefined && (
        <DrawerBody>
          <Spinner size="small" label={mt('templates.loading')} />
        </DrawerBody>
      )}
      {(editor.gone || (!draft && editor.failure !== undefined)) && (
        <DrawerBody>
          {editor.gone ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{mt('editor.goneTitle')}</MessageBarTitle>
                {mt('editor.gone')}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <ProblemBar error={editor.failure} />
          )}
        </DrawerBody>
      )}
      {draft && !editor.gone && (
        <form onSubmit={submit} noValidate className={styles.form} aria-label={mt('editor.form')}>
          <DrawerBody className={styles.body}>
            <TemplateFields
              draft={draft}
              errors={editor.errors}
              resetKey={editor.resetKey}
              disabled={editor.saving}
              onChange={editor.update}
            />
            {editor.conflict && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{mt('editor.conflictTitle')}</MessageBarTitle>
                  {mt('editor.conflict')}
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => void editor.reload()}>{mt('editor.reload')}</Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {editor.failure !== undefined && <ProblemBar error={editor.failure} />}
            <TemplatePreview draft={draft} />
          </DrawerBody>
          <DrawerFooter className={styles.footer}>
            <Button appearance="primary" type="submit" disabled={editor.saving}>
              {editor.saving ? mt('editor.saving') : mt('editor.save')}
            </Button>
            {template && (
              <Button onClick={() => setConfirming(true)} disabled={editor.saving}>
                {mt('editor.delete')}
              </Button>
            )}
            <Text role="status">
              {editor.saved && !editor.saving
                ? mt('editor.saved')
                : Object.keys(editor.errors).length > 0
                  ? mt('editor.fixFields')
                  : ''}
            </Text>
          </DrawerFooter>
        </form>
      )}
      <DeleteTemplateDialog
        name={confirming ? (template?.name ?? '') : undefined}
        busy={deleting}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setConfirming(false)}
        onClosed={() => {
          if (deleted.current !== undefined) onDeleted(deleted.current);
        }}
      />
    </>
  );
}
