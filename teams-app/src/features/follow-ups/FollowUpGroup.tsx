import { Button, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { type DueBucket, type FollowUp, type FollowUpListItem, useUiText } from '@klarkonform/shared/ui';
import { useId } from 'react';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  overdueHeading: { color: tokens.colorPaletteRedForeground1 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flex: '1 1 240px' },
  meta: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface FollowUpGroupProps {
  bucket: DueBucket;
  items: readonly FollowUpListItem[];
  /** Show whose each one is (another assignee's or everyone's list). */
  showAssignee: boolean;
  completingId: string | undefined;
  onComplete: ((followUp: FollowUp) => void) | undefined;
  onOpenContact: (followUp: FollowUp) => void;
}

// One group of "Meine Wiedervorlagen" (Überfällig, Heute, Diese Woche, Später): each follow-up
// with its contact (opens the card), due day and time in the UI language, and "Erledigt".
export function FollowUpGroup({
  bucket,
  items,
  showAssignee,
  completingId,
  onComplete,
  onOpenContact,
}: FollowUpGroupProps) {
  const styles = useStyles();
  const { t, date } = useUiText();
  const headingId = useId();
  return (
    <section className={styles.group} aria-labelledby={headingId} data-bucket={bucket}>
      <Text
        as="h3"
        id={headingId}
        size={400}
        weight="semibold"
        className={mergeClasses(styles.heading, bucket === 'overdue' && styles.overdueHeading)}
      >
        {`${t(`followUps.group.${bucket}`)} (${items.length})`}
      </Text>
      <ul className={styles.list}>
        {items.map((f) => {
          const due = f.dueTime
            ? t('followUp.dueAt', { date: date(f.dueDate), time: f.dueTime })
            : t('followUp.due', { date: date(f.dueDate) });
          return (
            <li key={f.id} className={styles.row} data-testid="follow-up-row">
              <div className={styles.text}>
                <Text weight="semibold">{f.title}</Text>
                <Link
                  as="button"
                  aria-label={t('followUps.openContact', { name: f.contactName })}
                  onClick={() => onOpenContact(f)}
                >
                  {f.contactName}
                </Link>
                <Text size={200} className={mergeClasses(styles.meta, bucket === 'overdue' && styles.overdue)}>
                  {bucket === 'overdue' ? `${due} · ${t('followUp.overdue')}` : due}
                  {showAssignee && f.assigneeName ? ` · ${t('followUp.for', { name: f.assigneeName })}` : ''}
                </Text>
              </div>
              {onComplete && (
                <Button
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
    </section>
  );
}
