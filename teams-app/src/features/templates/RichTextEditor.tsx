import { type FieldControlProps, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import Link from '@tiptap/extension-link';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { EditorToolbar } from './EditorToolbar';
import { isAllowedLink } from './link-url';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  invalid: {
    borderTopColor: tokens.colorPaletteRedBorder2,
    borderRightColor: tokens.colorPaletteRedBorder2,
    borderBottomColor: tokens.colorPaletteRedBorder2,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  content: {
    minWidth: 0,
    overflowWrap: 'anywhere',
    '& .ProseMirror': {
      minHeight: '160px',
      maxHeight: '50vh',
      overflowY: 'auto',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      color: tokens.colorNeutralForeground1,
      outlineStyle: 'none',
    },
    '& .ProseMirror:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
    '& .ProseMirror p': { margin: `0 0 ${tokens.spacingVerticalS}` },
    '& .ProseMirror a': { color: tokens.colorBrandForegroundLink },
  },
});

/** What the template editor may do with the body from outside: put a placeholder at the cursor. */
export interface RichTextHandle {
  insertText(text: string): void;
}

export interface RichTextEditorProps {
  /** The HTML to start from; read again only when `resetKey` changes (a loaded or reloaded template). */
  value: string;
  resetKey: string;
  /** The Field's ids and state for the editable element (label, hint/error, invalid). */
  fieldProps: FieldControlProps;
  invalid: boolean;
  disabled: boolean;
  /** The body as HTML after each change ('' when empty); the server sanitises it again. */
  onChange: (html: string) => void;
  onFocus: () => void;
  handleRef: Ref<RichTextHandle>;
}

// The body's rich text (TipTap on ProseMirror): only what the server keeps (paragraphs, bold,
// italic, underline, lists, links, headings 2–4, quotes), so what is seen is what is stored.
// Loaded on demand with the editor: it is the largest part of the templates chunk.
export function RichTextEditor(props: RichTextEditorProps) {
  const { value, resetKey, fieldProps, invalid, disabled, onChange, onFocus, handleRef } = props;
  const styles = useStyles();
  const callbacks = useRef({ onChange, onFocus });
  callbacks.current = { onChange, onFocus };
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        link: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        heading: { levels: [2, 3, 4] },
      }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      }),
    ],
    content: value,
    editable: !disabled,
    onUpdate: ({ editor: current }) => callbacks.current.onChange(current.isEmpty ? '' : current.getHTML()),
    onFocus: () => callbacks.current.onFocus(),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new template replaces the text
  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, resetKey]);
  useEffect(() => editor.setEditable(!disabled, false), [editor, disabled]);

  const { id, 'aria-labelledby': labelledBy, 'aria-describedby': describedBy } = fieldProps;
  useEffect(() => {
    const attributes: Record<string, string> = { role: 'textbox', 'aria-multiline': 'true' };
    if (id) attributes.id = id;
    if (labelledBy) attributes['aria-labelledby'] = labelledBy;
    if (describedBy) attributes['aria-describedby'] = describedBy;
    if (invalid) attributes['aria-invalid'] = 'true';
    editor.setOptions({ editorProps: { attributes } });
  }, [editor, id, labelledBy, describedBy, invalid]);

  useImperativeHandle(
    handleRef,
    () => ({
      insertText(text) {
        editor.chain().focus().insertContent({ type: 'text', text }).run();
      },
    }),
    [editor],
  );

  return (
    <div className={mergeClasses(styles.root, invalid && styles.invalid)}>
      <EditorToolbar editor={editor} disabled={disabled} controls={id} />
      <EditorContent editor={editor} className={styles.content} />
    </div>
  );
}
