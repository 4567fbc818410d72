import { ApiError, type Template } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import {
  checkDraft,
  createOf,
  type DraftErrors,
  draftOf,
  emptyDraft,
  isDirty,
  patchOf,
  placeFieldErrors,
  type TemplateDraft,
} from './template-form';
import { useTemplatesText } from './useTemplatesText';

/** Which template the editor shows: a new one, or a saved one by id. */
export type EditorTarget = { kind: 'new' } | { kind: 'edit'; id: string };

export interface TemplateEditorState {
  /** The saved template (undefined for a new one until its first save). */
  template: Template | undefined;
  /** undefined while the template loads. */
  draft: TemplateDraft | undefined;
  /** Changes when the text was replaced from outside (loaded, reloaded): the rich text reads it again. */
  resetKey: string;
  dirty: boolean;
  errors: DraftErrors;
  /** A failure that is not a field's: network, 5xx, a problem without field errors. */
  failure: unknown;
  /** 412: someone else saved since; `reload` fetches their version. */
  conflict: boolean;
  /** 404: deleted meanwhile. */
  gone: boolean;
  saving: boolean;
  saved: boolean;
  update(change: Partial<TemplateDraft>): void;
  save(): Promise<Template | undefined>;
  reload(): Promise<void>;
  remove(): Promise<boolean>;
}

// The editor's state: the draft against the version it was loaded as, saved with an
// Idempotency-Key on create (a new key whenever the body changed) and If-Match on update.
export function useTemplateEditor(target: EditorTarget, onSaved: (template: Template) => void): TemplateEditorState {
  const { api } = useServices();
  const { mt, language } = useTemplatesText();
  const [template, setTemplate] = useState<Template | undefined>();
  const [base, setBase] = useState<TemplateDraft | undefined>(() =>
    target.kind === 'new' ? emptyDraft(language) : undefined,
  );
  const [draft, setDraft] = useState<TemplateDraft | undefined>(base);
  const [resetKey, setResetKey] = useState('new');
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [gone, setGone] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const createKey = useRef<{ body: string; key: string } | undefined>(undefined);

  const show = useCallback((loaded: Template) => {
    setTemplate(loaded);
    setBase(draftOf(loaded));
    setDraft(draftOf(loaded));
    setResetKey(`${loaded.id}:${loaded.version}`);
    setConflict(false);
    setGone(false);
  }, []);

  const load = useCallback(
    async (id: string, signal?: AbortSignal) => {
      try {
        show(await api.getTemplate(id, signal));
        setFailure(undefined);
      } catch (error) {
        if (signal?.aborted) return;
        if (error instanceof ApiError && error.status === 404) setGone(true);
        else setFailure(error);
      }
    },
    [api, show],
  );

  const targetId = target.kind === 'edit' ? target.id : undefined;
  useEffect(() => {
    if (!targetId) return;
    const controller = new AbortController();
    void load(targetId, controller.signal);
    return () => controller.abort();
  }, [targetId, load]);

  const update = (change: Partial<TemplateDraft>) => {
    setDraft((before) => (before ? { ...before, ...change } : before));
    // What was saved or refused before described the text before this change.
    setSaved(false);
    setErrors((before) => {
      const next = { ...before };
      for (const field of Object.keys(change) as (keyof TemplateDraft)[]) delete next[field];
      return next;
    });
  };

  const refused = (error: unknown) => {
    if (error instanceof ApiError) {
      const placed = placeFieldErrors(error.problem?.errors ?? []);
      if (Object.keys(placed.fields).length > 0) {
        setErrors(placed.fields);
        if (placed.other.length === 0) return;
      }
      if (error.status === 412 || error.code === 'preconditionFailed') return setConflict(true);
      if (error.status === 404 && template) return setGone(true);
    }
    setFailure(error);
  };

  const save = async (): Promise<Template | undefined> => {
    if (!draft || !base) return undefined;
    const found = checkDraft(draft, {
      nameRequired: mt('field.nameRequired'),
      purposeRequired: mt('field.purposeRequired'),
      tooLong: (max) => mt('field.tooLong', { max }),
    });
    setErrors(found);
    setFailure(undefined);
    setSaved(false);
    if (Object.keys(found).length > 0) return undefined;
    setSaving(true);
    try {
      let result: Template;
      if (template) {
        const patch = patchOf(base, draft);
        if (Object.keys(patch).length === 0) return template;
        result = await api.updateTemplate(template.id, template.version, patch);
      } else {
        const create = createOf(draft);
        if (!create) return undefined;
        const body = JSON.stringify(create);
        if (createKey.current?.body !== body) createKey.current = { body, key: crypto.randomUUID() };
        result = await api.createTemplate(create, createKey.current.key);
      }
      setTemplate(result);
      // The server derived the placeholders and may have cleaned the HTML; the text the user
      // sees stays as typed (no jump of the cursor), and counts as saved.
      setBase(draft);
      setSaved(true);
      onSaved(result);
      return result;
    } catch (error) {
      refused(error);
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    if (template) await load(template.id);
    setErrors({});
    setSaved(false);
  };

  const remove = async (): Promise<boolean> => {
    if (!template) return false;
    try {
      await api.deleteTemplate(template.id, template.version);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return true;
      refused(error);
      return false;
    }
  };

  return {
    template,
    draft,
    resetKey,
    dirty: base !== undefined && draft !== undefined && isDirty(base, draft),
    errors,
    failure,
    conflict,
    gone,
    saving,
    saved,
    update,
    save,
    reload,
    remove,
  };
}
