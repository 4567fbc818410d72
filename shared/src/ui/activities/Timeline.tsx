import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Activity } from '../../activities/activity.schema';
import { useUiText } from '../i18n/useUiText';
import { ActivityItem } from './ActivityItem';

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  more: { alignSelf: 'flex-start' },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface TimelineProps {
  /** The entries loaded so far, newest first. */
  items: readonly Activity[];
  /** A page is loading (the first or the next). */
  loading: boolean;
  /** The last load failed (a retry button shows). */
  failed: boolean;
  /** More entries are there: "Mehr laden" shows. */
  hasMore: boolean;
  onMore: () => void;
  onRetry: () => void;
  /** Accessible name of the list; "Kontakthistorie" by default. */
  label?: string;
}

/**
 * A contact's timeline as a list, newest first: an icon and the type, subject, when and who,
 * with whom, what was said; "Mehr laden" for the next page, a line when there is nothing yet.
 */
export function Timeline({ items, loading, failed, hasMore, onMore, onRetry, label }: TimelineProps) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <div className={styles.root}>
      {items.length > 0 && (
        <ul className={styles.list} aria-label={label ?? t('activity.timeline')}>
          {items.map((activity) => (
            <ActivityItem key={activity.id} activity={activity} />
          ))}
        </ul>
      )}
      {!loading && !failed && items.length === 0 && <Text size={200}>{t('activity.empty')}</Text>}
      {failed && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('activity.loadFailed')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRetry}>
              {t('activity.retry')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {loading && <Spinner size="tiny" labelPosition="after" label={t('activity.loading')} />}
      {!loading && !failed && hasMore && (
        <Button className={styles.more} size="small" onClick={onMore}>
          {t('activity.more')}
        </Button>
      )}
    </div>
  );
}
