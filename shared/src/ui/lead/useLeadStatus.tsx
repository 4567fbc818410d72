import { type ReactNode, useCallback, useRef, useState } from 'react';
import type { LeadStatus } from '../../contacts/contact-enums.schema';
import type { LeadStaleness } from '../../contacts/contact.rules';
import type { Contact } from '../../contacts/contact.schema';
import { leadStatusOf, leadTransition } from '../../contacts/lead-status.rules';
import type { LeadStatusChange, LeadStatusResult } from '../../contacts/lead-status.schema';
import { useApi } from '../api-context';
import { today } from '../forms/today';
import { type UiText, useUiText } from '../i18n';
import { LeadReasonDialog } from './LeadReasonDialog';
import { LeadWinDialog } from './LeadWinDialog';

/** The message after a lead action, with "Rückgängig" while the change can still be taken back. */
export interface LeadNotice {
  text: string;
  undo?: () => void;
}

/** A failed action or undo of contact `id` (an ApiError: 412/409 mean "changed meanwhile"). */
export interface LeadFailure {
  id: string;
  error: unknown;
}

interface Pending {
  contact: Contact;
  to: 'won' | 'lost' | 'archived';
  staleness: LeadStaleness | undefined;
}

const statusLabel = (t: UiText['t'], contact: Contact) => {
  const status = leadStatusOf(contact);
  return status ? t(`leadStatus.${status}`) : t('relationship.none');
};

/** What the action did, in a sentence: "Muster GmbH ist jetzt Kunde (Kunde seit 12.03.2026)." */
function doneText({ t, date }: UiText, before: Contact, to: LeadStatus, result: LeadStatusResult): string {
  const name = before.displayName;
  const kind = leadTransition(leadStatusOf(before), to);
  if (to === 'won') {
    const params = { name, date: date(result.contact.customerSince), count: result.people.length };
    return t(result.people.length > 0 ? 'leadDone.wonPeople' : 'leadDone.won', params);
  }
  if (kind === 'reopen') return t('leadDone.reopened', { name, status: t(`leadStatus.${to}`) });
  return t(`leadDone.${to}`, { name });
}

/**
 * The lead state machine in a front end: `request(contact, to)` runs a status change, asking
 * first where the change needs it (won: the confirm dialog; lost and archived: the reason
 * dialog, rendered as `dialog`). Every change goes to POST /contacts/:id/lead-status with the
 * version the user saw; the notice afterwards offers "Rückgängig" (the undo route, with the
 * people a company's win changed along). `onChanged` gets every contact that changed.
 */
export function useLeadStatus(onChanged: (contacts: readonly Contact[]) => void) {
  const api = useApi();
  const text = useUiText();
  const [pending, setPending] = useState<Pending | undefined>();
  const [busyId, setBusyId] = useState<string | undefined>();
  const [failure, setFailure] = useState<LeadFailure | undefined>();
  const [notice, setNotice] = useState<LeadNotice | undefined>();
  const busy = useRef(false);

  const attempt = useCallback(async (id: string, work: () => Promise<LeadNotice>) => {
    if (busy.current) return;
    busy.current = true;
    setBusyId(id);
    setFailure(undefined);
    setNotice(undefined);
    try {
      setNotice(await work());
    } catch (error) {
      setFailure({ id, error });
    } finally {
      busy.current = false;
      setBusyId(undefined);
    }
  }, []);

  const undo = useCallback(
    (result: LeadStatusResult) =>
      attempt(result.contact.id, async () => {
        const people = result.people.map((p) => ({ id: p.id, version: p.version }));
        const undone = await api.undoLeadStatus(result.contact.id, result.contact.version, people);
        onChanged([undone.contact, ...undone.people]);
        const sentence = text.t('leadDone.undone', {
          name: undone.contact.displayName,
          status: statusLabel(text.t, undone.contact),
        });
        const skipped = undone.skipped.length;
        return { text: skipped > 0 ? `${sentence} ${text.t('leadDone.undoneSkipped', { count: skipped })}` : sentence };
      }),
    [api, attempt, onChanged, text],
  );

  const run = useCallback(
    (contact: Contact, change: LeadStatusChange) =>
      attempt(contact.id, async () => {
        const result = await api.setLeadStatus(contact.id, contact.version, change);
        onChanged([result.contact, ...result.people]);
        const changed = result.contact.version !== contact.version;
        return {
          text: doneText(text, contact, change.status, result),
          ...(changed ? { undo: () => void undo(result) } : {}),
        };
      }),
    [api, attempt, onChanged, text, undo],
  );

  /** Runs the change of `contact` to `to`; `staleness` orders the archive reasons. */
  const request = useCallback(
    (contact: Contact, to: LeadStatus, staleness?: LeadStaleness) => {
      if (to === 'won' || to === 'lost' || to === 'archived') {
        const kind = leadTransition(leadStatusOf(contact), to);
        // A change the state machine refuses goes to the API all the same, which says why.
        if (kind !== undefined) {
          setPending({ contact, to, staleness });
          return;
        }
      }
      void run(contact, { status: to });
    },
    [run],
  );

  let dialog: ReactNode = null;
  if (pending) {
    const { contact, to } = pending;
    const close = () => setPending(undefined);
    dialog =
      to === 'won' ? (
        <LeadWinDialog
          contact={contact}
          today={today()}
          onCancel={close}
          onConfirm={({ includePeople }) => {
            close();
            void run(contact, { status: 'won', ...(includePeople ? { includePeople } : {}) });
          }}
        />
      ) : (
        <LeadReasonDialog
          name={contact.displayName}
          status={to}
          staleness={pending.staleness}
          onCancel={close}
          onConfirm={(reason) => {
            close();
            void run(contact, { status: to, reason });
          }}
        />
      );
  }

  return {
    request,
    dialog,
    busyId,
    failure,
    notice,
    dismissNotice: () => setNotice(undefined),
    dismissFailure: () => setFailure(undefined),
  };
}
