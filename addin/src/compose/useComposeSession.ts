import { COMPOSE_SESSION_KEYS, type TemplatePurpose } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import type { ComposeSurface } from '../office/mailbox-host';
import { type ComposeSession, readSession, stricterPurpose } from './compose-session';

export interface ComposeSessionState {
  /** Null until read. */
  session: ComposeSession | null;
  setLogOnSend: (on: boolean) => Promise<void>;
  /** A template went in: its purpose, id, name and logging on (written by the inserter); the mail's purpose only rises. */
  templateInserted: (template: { id: string; name: string; purpose: TemplatePurpose }) => void;
  /** The user's explicit choice of the mail's purpose ("Zweck ändern"), written to the session data. */
  setPurpose: (purpose: TemplatePurpose) => Promise<void>;
}

/**
 * The item's session data as the compose pane keeps it: read once, a compose key (a random UUID)
 * written the first time the pane opens on the item, the log switch written as '1' or '0'.
 */
export function useComposeSession(surface: ComposeSurface): ComposeSessionState {
  const [session, setSession] = useState<ComposeSession | null>(null);

  useEffect(() => {
    let active = true;
    void (async () => {
      const data = await surface.getSessionData().catch(() => ({}) as Record<string, string>);
      let current = readSession(data);
      if (!current.composeKey) {
        const composeKey = crypto.randomUUID();
        await surface.setSessionData(COMPOSE_SESSION_KEYS.composeKey, composeKey).catch(() => undefined);
        current = { ...current, composeKey };
      }
      if (active) setSession(current);
    })();
    return () => {
      active = false;
    };
  }, [surface]);

  const setLogOnSend = useCallback(
    async (on: boolean) => {
      setSession((s) => (s ? { ...s, logOnSend: on } : s));
      await surface.setSessionData(COMPOSE_SESSION_KEYS.logOnSend, on ? '1' : '0');
    },
    [surface],
  );

  const templateInserted = useCallback((template: { id: string; name: string; purpose: TemplatePurpose }) => {
    setSession((s) =>
      s
        ? {
            ...s,
            purpose: stricterPurpose(s.purpose, template.purpose),
            templateId: template.id,
            templateName: template.name,
            logOnSend: true,
          }
        : s,
    );
  }, []);

  const setPurpose = useCallback(
    async (purpose: TemplatePurpose) => {
      await surface.setSessionData(COMPOSE_SESSION_KEYS.purpose, purpose);
      setSession((s) => (s ? { ...s, purpose } : s));
    },
    [surface],
  );

  return { session, setLogOnSend, templateInserted, setPurpose };
}
