import type { MirrorSettings, MirrorSettingsUpdate } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';
import { formOf, isDirty, type MirrorForm } from './mirror-form';

export interface MirrorSettingsState {
  /** The settings as last loaded or saved (their version goes into If-Match). */
  saved: MirrorSettings | undefined;
  /** What the form shows, edits included. */
  form: MirrorForm | undefined;
  setForm: (form: MirrorForm) => void;
  dirty: boolean;
  loadError: unknown;
  /** Loads the saved settings again; the form's edits are dropped. */
  reload: () => Promise<void>;
  /** PUT with If-Match on the saved version; rejects with the ApiError (412 when changed since). */
  save: (body: MirrorSettingsUpdate) => Promise<MirrorSettings>;
}

/** GET/PUT /mirror/settings for the settings view, kept by the section so edits survive a view switch. */
export function useMirrorSettings(): MirrorSettingsState {
  const { api } = useServices();
  const [saved, setSaved] = useState<MirrorSettings | undefined>();
  const [form, setForm] = useState<MirrorForm | undefined>();
  const [loadError, setLoadError] = useState<unknown>();

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const settings = await api.mirrorSettings(signal);
        setSaved(settings);
        setForm(formOf(settings));
        setLoadError(undefined);
      } catch (error) {
        if (!signal?.aborted) setLoadError(error);
      }
    },
    [api],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const save = useCallback(
    async (body: MirrorSettingsUpdate) => {
      if (!saved) throw new Error('settings not loaded');
      const next = await api.updateMirrorSettings(saved.version, body);
      setSaved(next);
      setForm(formOf(next));
      return next;
    },
    [api, saved],
  );

  return {
    saved,
    form,
    setForm,
    dirty: saved !== undefined && form !== undefined && isDirty(form, saved),
    loadError,
    reload: () => load(),
    save,
  };
}
