import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Activity } from '../../activities/activity.schema';
import { CardSection } from '../card/CardSection';
import { useUiText } from '../i18n/useUiText';
import { ActivityItem } from './ActivityItem';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  link: { alignSelf: 'flex-start' },
});

/** Entries the card shows at most. */
export const RECENT_SHOWN = 3;

export interface RecentActivitiesProps {
  /** The contact's latest activities, newest first (the card request's; more than three are cut). */
  activities: Activity[];
  /** Opens the whole timeline; "Gesamte Historie" shows when given. */
  onOpenTimeline?: () => void;
}

/** The card's "Letzte Aktivitäten": the last three entries, read-only, and a link to the timeline. */
export function RecentActivities({ activities, onOpenTimeline }: RecentActivitiesProps) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <CardSection title={t('activity.recent')}>
      {activities.length === 0 ? (
        <Text size={200}>{t('activity.noRecent')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('activity.recent')}>
          {activities.slice(0, RECENT_SHOWN).map((activity) => (
            <ActivityItem key={activity.id} activity={activity} compact />
          ))}
        </ul>
      )}
      {onOpenTimeline && (
        <Link as="button" className={styles.link} onClick={onOpenTimeline}>
          {t('activity.openTimeline')}
        </Link>
      )}
    </CardSection>
  );
}
