import { type EventCompletion, type EventsToDemo, isDemoToEvents, type StubMail } from '../office/demo-events-protocol';
import { installStubOffice, type StubItemStore } from '../office/demo-office-stub';

// The demo's event runtime (demo-events.html, hidden in demo.html): plays Outlook's event runtime
// for the REAL handler script. A stub Office.js first, then /addin/events.js exactly as Outlook
// loads it (the API stamps its public URL in); the demo page invokes the associated actions with
// the compose window's item and hears the first `event.completed` back. One runtime per message
// being written: what the handlers store on the item (the consent cache) lasts as long as it.

const EVENTS_SCRIPT = '/addin/events.js';

let current: StubMail = { to: [] };
const store: StubItemStore = { mail: () => current, written: {}, headers: {} };
const actions = installStubOffice(window, store);

const post = (message: EventsToDemo) => window.parent.postMessage(message, window.location.origin);

// Only plain data goes back (Office passes the options object by value too).
const plain = (options: unknown): EventCompletion =>
  options === undefined || options === null ? null : (JSON.parse(JSON.stringify(options)) as EventCompletion);

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== window.location.origin || event.source !== window.parent || !isDemoToEvents(event.data)) return;
  const { id, action, mail } = event.data;
  current = mail;
  const handler = actions.get(action);
  let completed = false;
  const complete = (options?: unknown) => {
    // Outlook takes the first completion; a second one is ignored.
    if (completed) return;
    completed = true;
    post({ type: 'kk-demo-events/completed', id, options: plain(options) });
  };
  if (!handler) {
    complete(undefined);
    return;
  }
  try {
    handler({ completed: complete });
  } catch (err) {
    // As in Outlook, a handler that throws before completing never answers; the demo page gives up
    // waiting and says the check did not answer.
    console.warn('KlarKonform event handler failed', err);
  }
});

const script = document.createElement('script');
script.src = EVENTS_SCRIPT;
script.addEventListener('load', () => {
  if (actions.has('onMessageSendHandler')) post({ type: 'kk-demo-events/ready' });
});
document.head.append(script);
