import { type RefObject, useEffect, useMemo, useRef } from 'react';
import {
  type DemoToEvents,
  type EventAction,
  type EventCompletion,
  isEventsToDemo,
  type StubMail,
} from '../office/demo-events-protocol';
import type { FakeComposeState } from '../office/fake-compose';

/** How long the demo waits for its event runtime to load events.js (ms). */
const READY_TIMEOUT_MS = 8_000;
/** Longer than the handler's own watchdog (4 s): only a runtime that never answers hits it (ms). */
const COMPLETION_TIMEOUT_MS = 10_000;

/** The compose window's message as Office.js would present it to the handlers (Mailbox 1.15). */
export function toStubMail(draft: FakeComposeState, displayLanguage: string): StubMail {
  const list = (field: 'to' | 'cc' | 'bcc') =>
    draft.recipients[field].map((r) => ({ emailAddress: r.email, displayName: r.name }));
  return {
    to: list('to'),
    cc: list('cc'),
    bcc: list('bcc'),
    subject: draft.subject,
    session: { ...draft.sessionData },
    categories: [],
    displayLanguage,
    mailbox: '1.15',
  };
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Talks to the hidden event runtime in `frame` (demo-events.html; `run` changes when it is
 * replaced): `invoke` runs an associated action of the real events.js on `mail` and resolves with
 * what the handler completed with; it rejects when the runtime does not load or answer.
 * `onReady` hears when events.js has associated its handlers.
 */
export function useDemoEvents(
  frame: RefObject<HTMLIFrameElement | null>,
  run: number,
  onReady: () => void,
): { invoke: (action: EventAction, mail: StubMail) => Promise<EventCompletion> } {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new runtime for every run
  const ready = useMemo(deferred, [run]);
  const pending = useRef(new Map<number, (options: EventCompletion) => void>());
  const nextId = useRef(1);
  const latestReady = useRef(onReady);
  latestReady.current = onReady;

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      if (!isEventsToDemo(event.data)) return;
      if (event.data.type === 'kk-demo-events/ready') {
        ready.resolve();
        latestReady.current();
        return;
      }
      const resolve = pending.current.get(event.data.id);
      pending.current.delete(event.data.id);
      resolve?.(event.data.options);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frame, ready]);

  return {
    async invoke(action, mail) {
      await within(ready.promise, READY_TIMEOUT_MS, 'the event runtime did not load');
      const id = nextId.current++;
      const answer = new Promise<EventCompletion>((resolve) => pending.current.set(id, resolve));
      const message: DemoToEvents = { type: 'kk-demo-events/invoke', id, action, mail };
      frame.current?.contentWindow?.postMessage(message, window.location.origin);
      try {
        return await within(answer, COMPLETION_TIMEOUT_MS, 'the handler did not complete');
      } finally {
        pending.current.delete(id);
      }
    },
  };
}

function within<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(reason)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
