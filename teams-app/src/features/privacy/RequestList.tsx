import { Badge, Link, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { type PrivacyRequest, useUiText } from '@klarkonform/shared/ui';
import { dueLine } from './privacy-model';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  overdueItem: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface RequestListProps {
  items: readonly PrivacyRequest[];
  label: string;
  onOpen: (request: PrivacyRequest) => void;
}

// One line per request: reference and requester (opens it), type, status, deadline — an
// overdue one in red with "überfällig seit …" — and how many contacts it names.
export function RequestList({ items, label, onOpen }: RequestListProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { date } = useUiText();
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((request) => {
        const due = dueLine(request);
        return (
          <li
            key={request.id}
            className={mergeClasses(styles.item, due.kind === 'overdue' && styles.overdueItem)}
            data-testid="privacy-request"
          >
            <div className={styles.heading}>
              <Link
                as="button"
                className={styles.name}
                aria-label={pt('requests.open', { reference: request.reference })}
                onClick={() => onOpen(request)}
              >
                {request.reference} · {request.requester.name}
              </Link>
              <Badge appearance="tint" color="informative">
                {pt(`type.${request.type}`)}
              </Badge>
              <Badge appearance="outline" color={request.status === 'rejected' ? 'danger' : 'brand'}>
                {pt(`status.${request.status}`)}
              </Badge>
            </div>
            <Text size={200} className={due.kind === 'overdue' ? styles.overdue : styles.secondary}>
              {due.kind === 'overdue'
                ? pt('requests.overdueSince', { date: date(due.since) })
                : due.kind === 'due'
                  ? pt('requests.dueOn', { date: date(due.on) })
                  : pt('requests.closedAt', { date: date(due.at) })}
            </Text>
            <Text size={200} className={styles.secondary}>
              {pt('requests.received', { date: date(request.receivedOn) })} ·{' '}
              {request.contactIds.length > 0
                ? pt('requests.contacts', { count: request.contactIds.length })
                : pt('requests.noContacts')}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
