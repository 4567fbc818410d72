import {
  Button,
  Field,
  Input,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowRedoRegular,
  ArrowUndoRegular,
  LinkRegular,
  TextBoldRegular,
  TextBulletListLtrRegular,
  TextItalicRegular,
  TextNumberListLtrRegular,
  TextUnderlineRegular,
} from '@fluentui/react-icons';
import { type Editor, useEditorState } from '@tiptap/react';
import { type FormEvent, type ReactElement, useState } from 'react';
import { linkTarget } from './link-url';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  // Wraps onto a second row in a narrow panel (320 px) instead of pushing undo/redo out of sight.
  toolbar: {
    flexWrap: 'wrap',
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    rowGap: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXXS,
  },
  linkForm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '320px' },
  linkActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface EditorToolbarProps {
  editor: Editor;
  disabled: boolean;
  /** The id of the editable element the buttons act on. */
  controls: string | undefined;
}

// Bold, italic, underline, the two lists, link, undo/redo. A Fluent Toolbar: one Tab stop, arrow
// keys between the buttons; each button says whether its format is on (aria-pressed).
export function EditorToolbar({ editor, disabled, controls }: EditorToolbarProps) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>();

  const toggle = (label: string, pressed: boolean, icon: ReactElement, run: () => void) => (
    <ToolbarButton
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      aria-controls={controls}
      icon={icon}
      disabled={disabled}
      onClick={run}
    />
  );

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const target = linkTarget(url);
    if (!target) {
      setUrlError(mt('link.invalid'));
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: target }).run();
    setLinkOpen(false);
  };

  return (
    <Toolbar aria-label={mt('toolbar.label')} size="small" className={styles.toolbar}>
      {toggle(mt('toolbar.bold'), state.bold, <TextBoldRegular />, () => editor.chain().focus().toggleBold().run())}
      {toggle(mt('toolbar.italic'), state.italic, <TextItalicRegular />, () =>
        editor.chain().focus().toggleItalic().run(),
      )}
      {toggle(mt('toolbar.underline'), state.underline, <TextUnderlineRegular />, () =>
        editor.chain().focus().toggleUnderline().run(),
      )}
      <ToolbarDivider />
      {toggle(mt('toolbar.bulletList'), state.bulletList, <TextBulletListLtrRegular />, () =>
        editor.chain().focus().toggleBulletList().run(),
      )}
      {toggle(mt('toolbar.orderedList'), state.orderedList, <TextNumberListLtrRegular />, () =>
        editor.chain().focus().toggleOrderedList().run(),
      )}
      <Popover
        open={linkOpen}
        trapFocus
        onOpenChange={(_event, data) => {
          setLinkOpen(data.open);
          if (data.open) {
            setUrl(state.href);
            setUrlError(undefined);
          }
        }}
      >
        <PopoverTrigger disableButtonEnhancement>
          <ToolbarButton
            aria-label={mt('toolbar.link')}
            title={mt('toolbar.link')}
            aria-pressed={state.link}
            icon={<LinkRegular />}
            disabled={disabled}
          />
        </PopoverTrigger>
        <PopoverSurface aria-label={mt('link.title')}>
          <form className={styles.linkForm} onSubmit={applyLink} noValidate>
            <Field label={mt('link.url')} validationMessage={urlError}>
              <Input
                value={url}
                type="url"
                onChange={(_event, data) => {
                  setUrl(data.value);
                  setUrlError(undefined);
                }}
              />
            </Field>
            <div className={styles.linkActions}>
              <Button appearance="primary" type="submit">
                {mt('link.apply')}
              </Button>
              {state.link && (
                <Button
                  onClick={() => {
                    editor.chain().focus().extendMarkRange('link').unsetLink().run();
                    setLinkOpen(false);
                  }}
                >
                  {mt('link.remove')}
                </Button>
              )}
            </div>
          </form>
        </PopoverSurface>
      </Popover>
      <ToolbarDivider />
      <ToolbarButton
        aria-label={mt('toolbar.undo')}
        title={mt('toolbar.undo')}
        icon={<ArrowUndoRegular />}
        disabled={disabled || !state.canUndo}
        onClick={() => editor.chain().focus().undo().run()}
      />
      <ToolbarButton
        aria-label={mt('toolbar.redo')}
        title={mt('toolbar.redo')}
        icon={<ArrowRedoRegular />}
        disabled={disabled || !state.canRedo}
        onClick={() => editor.chain().focus().redo().run()}
      />
    </Toolbar>
  );
}
