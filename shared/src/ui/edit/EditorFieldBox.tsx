import { Field, type FieldProps, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { createContext, type ReactElement, type ReactNode, useContext } from 'react';
import type { EditorField } from './edit-fields';

const useStyles = makeStyles({
  // A field shrinks with the pane: a select sizes itself to its longest option (a country name
  // such as "Südgeorgien und die Südlichen Sandwichinseln") unless its column may be narrower.
  box: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  // The input a data-care finding opened the editor at.
  marked: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** What an input shows besides its value: a problem (error or warning) and whether it is the marked one. */
export interface FieldNote {
  text: string;
  state: 'error' | 'warning';
}

export interface EditorFields {
  disabled: boolean;
  /** The problem to show at `field` now (an API error, or a form rule once the input was left or saving was tried). */
  noteOf: (field: EditorField) => FieldNote | undefined;
  /** The input the editor was opened at, with its hint ("Hier fehlt noch eine Angabe."). */
  marked?: { field: EditorField; hint: string } | undefined;
}

export const EditorFieldsContext = createContext<EditorFields>({ disabled: false, noteOf: () => undefined });

export const useEditorFields = () => useContext(EditorFieldsContext);

export interface EditorFieldBoxProps extends Omit<FieldProps, 'children' | 'validationState' | 'validationMessage'> {
  /** The input's path ('emails.1'); the child carries it as `data-field`. */
  field: EditorField;
  children: ReactElement;
}

/** A labelled input of the editor that shows its problem and its mark where the editor says so. */
export function EditorFieldBox({ field, children, hint, className, ...rest }: EditorFieldBoxProps) {
  const styles = useStyles();
  const { noteOf, marked } = useEditorFields();
  const note = noteOf(field);
  const isMarked = marked?.field === field;
  return (
    <Field
      {...rest}
      className={mergeClasses(styles.box, isMarked && styles.marked, className)}
      hint={isMarked ? marked.hint : hint}
      validationState={note?.state ?? 'none'}
      validationMessage={note?.text}
    >
      {children}
    </Field>
  );
}

/**
 * The mark for inputs that are no single Field (a checkbox group, the date field): a class for
 * the highlight and the hint, when `field` is the marked one.
 */
export function useMark(field: EditorField): { className: string | undefined; hint: string | undefined } {
  const styles = useStyles();
  const { marked } = useEditorFields();
  return marked?.field === field
    ? { className: styles.marked, hint: marked.hint }
    : { className: undefined, hint: undefined };
}

/** Wraps a group of inputs (relationships, roles) in the mark when the editor points at it. */
export function MarkedGroup({ field, children }: { field: EditorField; children: ReactNode }) {
  const { className } = useMark(field);
  return className ? <div className={className}>{children}</div> : children;
}
