import {
  CalendarLtr16Regular,
  Call16Regular,
  DocumentText16Regular,
  type FluentIcon,
  Mail16Regular,
  Note16Regular,
} from '@fluentui/react-icons';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Activity, ActivityType } from '../../activities/activity.schema';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    listStyleType: 'none',
  },
  icon: {
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
  },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  subject: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3 },
  text: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    color: tokens.colorNeutralForeground2,
    display: '-webkit-box',
    WebkitLineClamp: '4',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
});

/** An icon per type (decorative: the type is also written out); Fluent's, so every font shows them. */
const ICONS: Record<ActivityType, FluentIcon> = {
  email: Mail16Regular,
  call: Call16Regular,
  meeting: CalendarLtr16Regular,
  letter: DocumentText16Regular,
  note: Note16Regular,
};

export interface ActivityItemProps {
  activity: Activity;
  /** Leaves out the text (the card's compact list). */
  compact?: boolean;
}

/** One entry of a timeline: type, subject, when and who, with whom, and what was said. */
export function ActivityItem({ activity, compact = false }: ActivityItemProps) {
  const styles = useStyles();
  const { t, dateTime } = useUiText();
  const kind =
    activity.type === 'email' && activity.mail
      ? t(activity.mail.direction === 'out' ? 'activity.mailOut' : 'activity.mailIn')
      : t(`activityType.${activity.type}`);
  const text = activity.text ?? activity.mail?.body;
  const Icon = ICONS[activity.type];
  return (
    <li className={styles.item} data-activity-type={activity.type} data-testid="activity-item">
      <span className={styles.icon} aria-hidden="true">
        <Icon />
      </span>
      <div className={styles.body}>
        <Text size={200} weight="semibold" className={styles.subject}>
          {kind}: {activity.subject || t('activity.noSubject')}
        </Text>
        <Text size={200} className={styles.meta}>
          {t('activity.meta', { when: dateTime(activity.occurredAt), who: activity.createdBy.name })}
        </Text>
        {activity.mail?.template && (
          <Text size={200} className={styles.meta} data-testid="activity-template">
            {t('activity.template', { name: activity.mail.template.name })}
          </Text>
        )}
        {!compact && activity.contactNames.length > 1 && (
          <Text size={200} className={styles.meta}>
            {t('activity.with', { names: activity.contactNames.filter(Boolean).join(', ') })}
          </Text>
        )}
        {!compact && text && (
          <p className={styles.text}>
            {text}
            {activity.mail?.bodyTruncated ? ` ${t('activity.truncated')}` : ''}
          </p>
        )}
      </div>
    </li>
  );
}
