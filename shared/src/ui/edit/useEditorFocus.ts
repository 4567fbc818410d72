import { type RefObject, useEffect, useState } from 'react';
import type { ContactKind } from '../../contacts/contact-enums.schema';
import { type EditorField, editorFieldOf } from './edit-fields';

/** The input carrying `data-field` = `field`, or for a list entry the nearest entry before it ('emails.2' → 'emails.0'). */
export function findInput(
  form: HTMLElement,
  field: EditorField,
): { field: EditorField; element: HTMLElement } | undefined {
  const find = (key: string) => form.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`) ?? undefined;
  const exact = find(field);
  if (exact) return { field, element: exact };
  const entry = /^(.*)\.(\d+)$/.exec(field);
  if (!entry?.[1]) return undefined;
  for (let i = Number(entry[2]) - 1; i >= 0; i--) {
    const element = find(`${entry[1]}.${i}`);
    if (element) return { field: `${entry[1]}.${i}`, element };
  }
  return undefined;
}

/** Whether the input (or its group of checkboxes) holds nothing yet. */
function isEmpty(element: HTMLElement): boolean {
  if (element instanceof HTMLInputElement && element.type === 'checkbox') {
    return element.closest('fieldset')?.querySelector('input:checked') == null;
  }
  return !(element as HTMLInputElement).value;
}

function reveal(element: HTMLElement): void {
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

export interface EditorMark {
  field: EditorField;
  /** Nothing is entered there yet ("Hier fehlt …") rather than something to check. */
  missing: boolean;
}

/**
 * Where the editor puts the cursor: on opening, at the input `focusField` names (a data-care
 * finding's path, editor-fields.ts), scrolled into view and marked; else at the heading. Each
 * time `problemFocus` increases (a save found problems), at the first input with a problem.
 */
export function useEditorFocus(
  form: RefObject<HTMLFormElement | null>,
  heading: RefObject<HTMLElement | null>,
  kind: ContactKind,
  focusField: string | undefined,
  problemFocus: number,
  hasProblem: (field: EditorField) => boolean,
): EditorMark | undefined {
  const [mark, setMark] = useState<EditorMark | undefined>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: only where the editor opens
  useEffect(() => {
    const key = focusField ? editorFieldOf(focusField, kind) : undefined;
    const target = form.current && key ? findInput(form.current, key) : undefined;
    if (!target) {
      heading.current?.focus();
      return;
    }
    reveal(target.element);
    setMark({ field: target.field, missing: isEmpty(target.element) });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a save asks for it
  useEffect(() => {
    if (problemFocus === 0 || !form.current) return;
    for (const element of form.current.querySelectorAll<HTMLElement>('[data-field]')) {
      const field = element.dataset.field ?? '';
      if (hasProblem(field) || (field.startsWith('emails.') && hasProblem('emails'))) {
        reveal(element);
        return;
      }
    }
  }, [problemFocus]);

  return mark;
}
