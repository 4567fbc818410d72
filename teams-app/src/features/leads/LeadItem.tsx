import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { LeadStatus } from '@klarkonform/shared';
import { type Contact, type ContactSummary, useUiText } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { contactFacts } from '../contact/contact-facts';
import type { LeadStaleness } from './lead-model';
import { StalenessBadge } from './StalenessBadge';
import type { LeadRowState } from './useLeadActions';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  main: { flex: '1 1 320px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, textAlign: 'start' },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  bar: { flexBasis: '100%' },
});

export interface LeadItemProps {
  summary: ContactSummary;
  contact: Contact | undefined;
  staleness: LeadStaleness | undefined;
  row: LeadRowState | undefined;
  can: { write: boolean; archive: boolean };
  /** Smaller buttons in the meeting side panel. */
  compact: boolean;
  onOpen: () => void;
  /** Runs a change of the lead state machine (qualify, win, lose, archive). */
  onStatus: (to: LeadStatus) => void;
  onReload: () => void;
  onDismissError: () => void;
}

// One lead: who, status and staleness, where it came from, when it was last worked on, and
// the review's actions — the lead state machine's changes (shared lead-status.rules.ts).
export function LeadItem(props: LeadItemProps) {
  const { summary, contact, staleness, row, can, compact } = props;
  const size = compact ? 'small' : 'medium';
  const styles = useStyles();
  const { tt } = useTabText();
  const { t, date } = useUiText();
  const lead = contact?.lead;
  const source = lead?.source
    ? [t(`leadSource.${lead.source}`), lead.sourceDetail].filter(Boolean).join(' – ')
    : tt('leads.noSource');
  const busy = row?.busy === true;

  return (
    <li className={styles.item} aria-busy={busy} data-testid="lead-item">
      <div className={styles.main}>
        <div className={styles.title}>
          <Link as="button" className={styles.name} onClick={props.onOpen}>
            {summary.displayName}
          </Link>
          <Badge appearance="outline" color="informative">
            {summary.leadStatus ? t(`leadStatus.${summary.leadStatus}`) : tt('leads.noStatus')}
          </Badge>
          {staleness && <StalenessBadge staleness={staleness} />}
        </div>
        <Text size={200} className={styles.secondary}>
          {contactFacts(summary, t)}
        </Text>
        {contact && (
          <Text size={200} className={styles.facts}>
            <span>
              {tt('leads.source')}: {source}
            </span>
            <span>
              {tt('leads.lastActivity')}: {lead?.lastActivityAt ? date(lead.lastActivityAt) : tt('leads.noActivity')}
            </span>
            <span>
              {tt('leads.created')}: {date(contact.createdAt)}
            </span>
          </Text>
        )}
        {lead?.nextSteps && (
          <Text size={200}>
            {tt('leads.nextSteps')}: {lead.nextSteps}
          </Text>
        )}
      </div>
      <div className={styles.actions}>
        {busy && <Spinner size="tiny" aria-label={tt('common.loading')} />}
        {contact && can.write && (lead?.status ?? 'new') === 'new' && (
          <Button size={size} disabled={busy} onClick={() => props.onStatus('qualifying')}>
            {t('leadAction.qualify')}
          </Button>
        )}
        {contact && can.write && (
          <Button size={size} appearance="primary" disabled={busy} onClick={() => props.onStatus('won')}>
            {t('leadAction.win')}
          </Button>
        )}
        {contact && can.archive && (
          <Button size={size} disabled={busy} onClick={() => props.onStatus('lost')}>
            {t('leadAction.lose')}
          </Button>
        )}
        {contact && can.archive && (
          <Button size={size} disabled={busy} onClick={() => props.onStatus('archived')}>
            {t('leadAction.archive')}
          </Button>
        )}
      </div>
      {row?.conflict && (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>
            <MessageBarTitle>{tt('leads.conflictTitle')}</MessageBarTitle>
            {tt('leads.conflict')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onReload}>{tt('leads.reload')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {row?.error !== undefined && (
        <div className={styles.bar}>
          <ProblemBar error={row.error} onDismiss={props.onDismissError} />
        </div>
      )}
    </li>
  );
}
