import { onMessageRecipientsChanged } from './recipients-handler';
import { onMessageSend } from './send-handler';

// The event runtime's entry (manifest: EventsRuntime, code.page events.html, code.script
// events.js). Built into ONE classic script without imports (scripts/build.mjs), because classic
// Outlook on Windows loads it in a JS-only runtime where Office.onReady never runs: the handlers
// are associated at load. Every action id of the runtime must be associated here, or softBlock
// blocks all sending (m365-tech.md §6.3, pitfall 26).

if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate('onMessageSendHandler', onMessageSend);
  Office.actions.associate('onMessageRecipientsChangedHandler', onMessageRecipientsChanged);
}
