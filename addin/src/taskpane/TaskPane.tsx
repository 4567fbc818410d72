import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import {
  type ApiClient,
  CardSkeleton,
  type Contact,
  type ContactSummary,
  DiscardNotesDialog,
  primaryEmail,
  useUiText,
} from '@klarkonform/shared/ui';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { CardStore } from '../features/cards/card-store';
import { useCardStore } from '../features/cards/useCardStore';
import { defaultParticipant, type Participant, participantsOf } from '../features/participants/participants';
import type { MailboxHost } from '../office/mailbox-host';
import { Overlay, type OverlayState } from './Overlay';
import { ParticipantList } from './ParticipantList';
import { type PersonAction, PersonView } from './PersonView';
import { usePermissions } from './usePermissions';
import { useMailItem } from './useMailItem';

// "E-Mail protokollieren" loads after the first card, never in its way (the task-pane budget).
const LogItemBar = lazy(() => import('../features/activities/LogItemBar').then((m) => ({ default: m.LogItemBar })));

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM },
  back: { alignSelf: 'flex-start' },
  logBar: { minHeight: '32px' },
});

export interface TaskPaneProps {
  host: MailboxHost;
  userEmail: string | undefined;
  api: ApiClient;
  store: CardStore;
  signIn: () => Promise<void>;
}

// The pinnable pane: everyone on the selected item, and the card of the chosen person (the
// sender by default). Editors open over the card and stay open across item switches, so a
// click on another mail never throws away what the user typed. The notes editor closes on a
// switch when nothing is typed, and otherwise asks whether to discard the notes.
export function TaskPane({ host, userEmail, api, store, signIn }: TaskPaneProps) {
  const styles = useStyles();
  const { t } = useUiText();
  useCardStore(store);
  const can = usePermissions(api);
  const { item, switchId } = useMailItem(host, true);
  const participants = useMemo(() => participantsOf(item, userEmail), [item, userEmail]);
  const [choice, setChoice] = useState<{ switchId: number; email: string }>();
  const [overlay, setOverlay] = useState<OverlayState>();
  const [visiting, setVisiting] = useState<Participant>();
  const [notesDirty, setNotesDirty] = useState(false);
  const [askDiscard, setAskDiscard] = useState(false);

  useEffect(() => {
    void store.load(participants);
  }, [store, participants]);

  // A new item closes read-only views and keeps open editors (adjusting state while
  // rendering, as React recommends for state that follows a prop).
  const [seenSwitch, setSeenSwitch] = useState(switchId);
  if (seenSwitch !== switchId) {
    setSeenSwitch(switchId);
    setVisiting(undefined);
    if (overlay?.action === 'company' || overlay?.action === 'timeline') setOverlay(undefined);
    if (overlay?.action === 'notes') {
      if (notesDirty) setAskDiscard(true);
      else setOverlay(undefined);
    }
  }

  const chosen = choice?.switchId === switchId ? participants.find((p) => p.email === choice.email) : undefined;
  const selected = visiting ?? chosen ?? defaultParticipant(participants);
  const entry = selected ? store.get(selected.email) : undefined;

  const refresh = useCallback(
    async (person: Participant) => {
      await store.load([person], true);
    },
    [store],
  );

  const openContact = useCallback(
    async (summary: Pick<ContactSummary, 'id' | 'displayName' | 'email'>) => {
      let email = summary.email;
      if (!email) {
        const contact = await api.getContact(summary.id);
        email = primaryEmail(contact);
      }
      if (!email) return;
      const person: Participant = { email: email.toLowerCase(), name: summary.displayName, role: 'to' };
      setOverlay(undefined);
      setVisiting(person);
      void store.load([person]);
    },
    [api, store],
  );

  // The saved contact shows at once; a change can touch more than one card (a new company now
  // matches other senders from its domain, the owner's name), so everyone on the item is
  // refreshed in the background, in one request.
  const onChanged = useCallback(
    async (contact: Contact, keepOpen = false) => {
      if (!overlay) return;
      store.applyContact(contact);
      if (keepOpen) setOverlay({ ...overlay, card: { ...overlay.card, contact } });
      else setOverlay(undefined);
      const others = participants.filter((p) => p.email !== overlay.person.email);
      await store.load([overlay.person, ...others], true);
    },
    [overlay, participants, store],
  );

  if (overlay) {
    return (
      <div className={styles.pane}>
        {overlay.switchId !== switchId && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('pane.itemChanged')}</MessageBarBody>
          </MessageBar>
        )}
        <Suspense fallback={<CardSkeleton />}>
          <Overlay
            overlay={overlay}
            onChanged={(contact, keepOpen) => void onChanged(contact, keepOpen)}
            onOpenContact={(summary) => void openContact(summary)}
            onClose={() => setOverlay(undefined)}
            onNotesDirty={setNotesDirty}
            onFollowUpSaved={() => {
              setOverlay(undefined);
              void refresh(overlay.person);
            }}
          />
        </Suspense>
        {overlay.action === 'notes' && (
          <Suspense fallback={null}>
            <DiscardNotesDialog
              open={askDiscard}
              onKeepEditing={() => setAskDiscard(false)}
              onDiscard={() => {
                setAskDiscard(false);
                setOverlay(undefined);
              }}
            />
          </Suspense>
        )}
      </div>
    );
  }

  const onAction = (action: PersonAction, focusField?: string) => {
    if (selected && entry?.card) setOverlay({ action, person: selected, card: entry.card, switchId, focusField });
  };

  // The bar's code loads once the selected card has its answer (or there is nobody to show), so it
  // never competes with the first card for the network; its status request follows the card's.
  const cardSettled = participants.length === 0 || entry?.card !== undefined || entry?.error !== undefined;
  // All cards of an item come in one request: once the selected one is in, the others are too.
  const noKnownParticipant = !participants.some((p) => store.get(p.email)?.card?.status === 'known');
  return (
    <div className={styles.pane}>
      {!item && <Text>{t('pane.noItem')}</Text>}
      {item && !visiting && (
        // Its place is kept while the card loads (for users who may log), so the card does not jump.
        <div className={can('activities:write') ? styles.logBar : undefined}>
          {cardSettled && (
            <Suspense fallback={null}>
              <LogItemBar
                api={api}
                host={host}
                item={item}
                switchId={switchId}
                userEmail={userEmail}
                canWrite={can('activities:write')}
                noKnownParticipant={noKnownParticipant}
                onLogged={() => void store.load(participants, true)}
              />
            </Suspense>
          )}
        </div>
      )}
      {item && participants.length === 0 && <Text>{t('pane.noPeople')}</Text>}
      {visiting ? (
        <Button appearance="subtle" className={styles.back} onClick={() => setVisiting(undefined)}>
          ← {t('pane.back')}
        </Button>
      ) : (
        participants.length > 0 && (
          <ParticipantList
            participants={participants}
            selected={selected?.email}
            onSelect={(person) => setChoice({ switchId, email: person.email })}
            store={store}
          />
        )
      )}
      {selected && (
        <PersonView
          person={selected}
          entry={entry}
          switchId={switchId}
          can={{
            write: can('contacts:write'),
            consent: can('consent:write'),
            notes: can('notes:write'),
            activities: can('activities:write'),
            followUps: can('followUps:write'),
          }}
          onActivityRecorded={() => void refresh(selected)}
          onAction={onAction}
          onRetry={() => void refresh(selected)}
          onSignIn={() =>
            void signIn().then(
              () => refresh(selected),
              () => undefined,
            )
          }
        />
      )}
    </div>
  );
}
