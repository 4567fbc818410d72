import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { berlinTime, berlinToday, isPastDue } from '../../follow-ups/follow-up-due.rules';
import type { FollowUp } from '../../follow-ups/follow-up.schema';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface OpenFollowUpsProps {
  /** The contact's open follow-ups, by due day (as the API gives them). */
  followUps: readonly FollowUp[];
  /** Offers "Erledigt" on each; the host completes it (PATCH with If-Match) and refreshes. */
  onComplete?: ((followUp: FollowUp) => void) | undefined;
  /** The follow-up being completed (its button shows that and waits). */
  completingId?: string | undefined;
  /** The instant "overdue" is judged against (tests); now by default. */
  now?: Date;
}

/**
 * A contact's open follow-ups (Wiedervorlagen) as the card shows them: what, when (in the UI
 * language; overdue ones marked in words and colour) and for whom. Nothing when there are none.
 */
export function OpenFollowUps({ followUps, onComplete, completingId, now = new Date() }: OpenFollowUpsProps) {
  const styles = useStyles();
  const { t, date } = useUiText();
  if (followUps.length === 0) return null;
  const today = berlinToday(now);
  const time = berlinTime(now);
  return (
    <ul className={styles.list} aria-label={t('followUp.cardTitle')}>
      {followUps.map((f) => {
        const overdue = isPastDue(f.dueDate, f.dueTime, today, time);
        const due = f.dueTime
          ? t('followUp.dueAt', { date: date(f.dueDate), time: f.dueTime })
          : t('followUp.due', { date: date(f.dueDate) });
        return (
          <li key={f.id} className={styles.item} data-testid="open-follow-up">
            <div className={styles.text}>
              <Text weight="semibold">{f.title}</Text>
              <Text size={200} className={mergeClasses(styles.meta, overdue && styles.overdue)}>
                {overdue ? `${due} · ${t('followUp.overdue')}` : due}
              </Text>
              {f.assigneeName && (
                <Text size={200} className={styles.meta}>
                  {t('followUp.for', { name: f.assigneeName })}
                </Text>
              )}
            </div>
            {onComplete && (
              <Button
                size="small"
                disabled={completingId !== undefined}
                aria-label={t('followUp.completeLabel', { title: f.title })}
                onClick={() => onComplete(f)}
              >
                {completingId === f.id ? t('followUp.completing') : t('followUp.complete')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
