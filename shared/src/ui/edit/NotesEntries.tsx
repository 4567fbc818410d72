import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { Notes } from '../../contacts/contact-notes.schema';
import { useUiText } from '../i18n/useUiText';
import {
  freeNotesNewestFirst,
  historyNewestFirst,
  isDone,
  type NotesDraft,
  openItemsInOrder,
} from './notes-edit-model';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  entry: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  text: { whiteSpace: 'pre-wrap' },
  meta: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'flex-start' },
});

/** Entries shown before "Alle anzeigen". */
const SHOWN = 5;

function Shortened<T>({ items, render, empty }: { items: T[]; render: (item: T) => ReactNode; empty: string }) {
  const styles = useStyles();
  const { t } = useUiText();
  const [all, setAll] = useState(false);
  if (items.length === 0) return <Text size={200}>{empty}</Text>;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <>
      <ul className={styles.list}>{shown.map(render)}</ul>
      {items.length > SHOWN && (
        <Button appearance="subtle" size="small" className={styles.more} onClick={() => setAll(!all)}>
          {all ? t('notes.showFewer') : t('notes.showAll', { count: items.length })}
        </Button>
      )}
    </>
  );
}

/** The stored open items with their done state as the user has ticked it (saved with the rest). */
export function OpenItemsList(props: {
  notes: Notes;
  draft: NotesDraft;
  onTick: (itemId: string, done: boolean) => void;
}) {
  const { notes, draft, onTick } = props;
  const { t } = useUiText();
  return (
    <Shortened
      items={openItemsInOrder(notes)}
      empty={t('notes.noOpenItems')}
      render={(item) => (
        <li key={item.id}>
          <Checkbox
            label={item.text}
            checked={isDone(notes, draft, item.id)}
            onChange={(_, d) => onTick(item.id, d.checked === true)}
          />
        </li>
      )}
    />
  );
}

/** The stored history, newest first, with date and author. */
export function HistoryList({ notes }: { notes: Notes }) {
  const styles = useStyles();
  const { t, date } = useUiText();
  return (
    <Shortened
      items={historyNewestFirst(notes)}
      empty={t('notes.noHistory')}
      render={(entry) => (
        <li key={entry.id} className={styles.entry}>
          <Text size={200} className={styles.meta}>
            {entry.author ? t('notes.by', { date: date(entry.date), author: entry.author.name }) : date(entry.date)}
          </Text>
          <Text className={styles.text}>{entry.event}</Text>
        </li>
      )}
    />
  );
}

/** The stored free notes, newest first, with date and author. */
export function FreeNotesList({ notes }: { notes: Notes }) {
  const styles = useStyles();
  const { t, date } = useUiText();
  return (
    <Shortened
      items={freeNotesNewestFirst(notes)}
      empty={t('notes.noFreeNotes')}
      render={(note) => (
        <li key={note.id} className={styles.entry}>
          <Text size={200} className={styles.meta}>
            {note.authorName
              ? t('notes.by', { date: date(note.createdAt), author: note.authorName })
              : date(note.createdAt)}
          </Text>
          <Text className={styles.text}>{note.text}</Text>
        </li>
      )}
    />
  );
}
