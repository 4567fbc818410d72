import { type RefObject, useEffect, useRef } from 'react';
import { type DemoEnvironment, type DemoToPane, isPaneToDemo } from '../office/demo-protocol';
import type { FakeComposeState } from '../office/fake-compose';
import type { ComposeRecipients, MailItem } from '../office/mailbox-host';

// Plays Outlook for the pane in the iframe: answers its hello with the environment and the
// selected item, then sends every switch (ItemChanged) and theme or language change. With
// `compose` the pane opens on a message being written ("Neue E-Mail"): it hears To/Cc changes
// through `sendRecipients` and reports what it inserted to `onChanged`.
export function useDemoBridge(
  frame: RefObject<HTMLIFrameElement | null>,
  item: MailItem | null,
  environment: DemoEnvironment,
  compose?: { draft: FakeComposeState; onChanged: (state: FakeComposeState) => void },
): { sendRecipients: (recipients: ComposeRecipients) => void } {
  const latest = useRef({ item, environment, compose });
  latest.current = { item, environment, compose };
  const send = (message: DemoToPane) => frame.current?.contentWindow?.postMessage(message, window.location.origin);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      if (!isPaneToDemo(event.data)) return;
      if (event.data.type === 'kk-demo/compose-changed') {
        latest.current.compose?.onChanged(event.data.state);
        return;
      }
      const { environment: env, item: current, compose: writing } = latest.current;
      send({
        type: 'kk-demo/init',
        environment: env,
        item: writing ? null : current,
        ...(writing ? { compose: writing.draft } : {}),
      });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: send reads the frame ref
  useEffect(() => send({ type: 'kk-demo/item', item }), [item]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: send reads the frame ref
  useEffect(() => send({ type: 'kk-demo/environment', environment }), [environment]);
  return { sendRecipients: (recipients) => send({ type: 'kk-demo/recipients', recipients }) };
}
