import { type RefObject, useEffect, useRef } from 'react';
import { type DemoEnvironment, type DemoToPane, isPaneToDemo } from '../office/demo-protocol';
import type { MailItem } from '../office/mailbox-host';

// Plays Outlook for the pane in the iframe: answers its hello with the environment and the
// selected item, then sends every switch (ItemChanged) and theme or language change.
export function useDemoBridge(
  frame: RefObject<HTMLIFrameElement | null>,
  item: MailItem | null,
  environment: DemoEnvironment,
): void {
  const latest = useRef({ item, environment });
  latest.current = { item, environment };
  const send = (message: DemoToPane) => frame.current?.contentWindow?.postMessage(message, window.location.origin);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      if (isPaneToDemo(event.data)) {
        send({ type: 'kk-demo/init', environment: latest.current.environment, item: latest.current.item });
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: send reads the frame ref
  useEffect(() => send({ type: 'kk-demo/item', item }), [item]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: send reads the frame ref
  useEffect(() => send({ type: 'kk-demo/environment', environment }), [environment]);
}
