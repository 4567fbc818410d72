import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Notes } from '../../contacts/contact-notes.schema';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  specifics: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  label: { color: tokens.colorNeutralForeground2 },
  date: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS },
});

const MAX_SHOWN = 3;

// Besonderheiten first (what a colleague must know before answering), then open items,
// the latest history entries and free notes.
export function NotesSection({ notes }: { notes: Notes }) {
  const styles = useStyles();
  const { t, date } = useUiText();
  const openItems = notes.openItems.filter((item) => !item.done);
  const history = [...notes.history].sort((a, b) => b.date.localeCompare(a.date)).slice(0, MAX_SHOWN);
  const free = [...notes.free].reverse().slice(0, MAX_SHOWN);
  if (!notes.specifics.trim() && openItems.length === 0 && history.length === 0 && free.length === 0) {
    return <Text size={200}>{t('card.noNotes')}</Text>;
  }
  return (
    <div className={styles.root}>
      {notes.specifics.trim() && (
        <div>
          <Text size={200} weight="semibold" className={styles.label}>
            {t('field.specifics')}
          </Text>
          <p className={styles.specifics} data-testid="notes-specifics">
            {notes.specifics}
          </p>
        </div>
      )}
      {openItems.length > 0 && (
        <div>
          <Text size={200} weight="semibold" className={styles.label}>
            {t('field.openItems')}
          </Text>
          <ul className={styles.list}>
            {openItems.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
        </div>
      )}
      {history.length > 0 && (
        <div>
          <Text size={200} weight="semibold" className={styles.label}>
            {t('field.history')}
          </Text>
          <ul className={styles.list}>
            {history.map((entry) => (
              <li key={entry.id}>
                <span className={styles.date}>{date(entry.date)}</span>
                {entry.event}
              </li>
            ))}
          </ul>
        </div>
      )}
      {free.length > 0 && (
        <div>
          <Text size={200} weight="semibold" className={styles.label}>
            {t('card.freeNotes')}
          </Text>
          <ul className={styles.list}>
            {free.map((note) => (
              <li key={note.id}>
                <span className={styles.date}>{date(note.createdAt)}</span>
                {note.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
