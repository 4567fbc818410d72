import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  allowedLeadTargets,
  isOpenLeadStatus,
  LEAD_STATUSES,
  type LeadStatus,
  leadStaleness,
  leadStatusOf,
} from '@klarkonform/shared';
import { type Contact, type TextKey, useLeadStatus, useUiText } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import type { Permission } from '../../shell/usePermissions';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/**
 * The changes that move an open lead on or close it (not back to an earlier open status), or
 * reopen a closed one: the state machine's targets from `status`.
 */
function forwardTargets(status: LeadStatus | undefined): LeadStatus[] {
  const rank = (value: LeadStatus | undefined) => (value ? LEAD_STATUSES.indexOf(value) : -1);
  return allowedLeadTargets(status).filter(
    (to) => !(isOpenLeadStatus(status) && isOpenLeadStatus(to) && rank(to) < rank(status)),
  );
}

/** The button of each status a lead can move to (the lead review's words). */
const ACTION_LABELS: Record<LeadStatus, TextKey> = {
  new: 'leadAction.reopen',
  qualifying: 'leadAction.qualify',
  offer: 'leadAction.offer',
  won: 'leadAction.win',
  lost: 'leadAction.lose',
  archived: 'leadAction.archive',
};

export interface LeadFixActionsProps {
  contact: Contact;
  can: (permission: Permission) => boolean;
  /** Contacts the action changed (the lead, and people of a company won along). */
  onChanged: (contacts: readonly Contact[]) => void;
  onClose: () => void;
}

// "Lead veraltet" is fixed by moving the lead on or closing it: the lead state machine's
// changes from its status (shared lead-status.rules.ts), with the same dialogs and "Rückgängig"
// as the lead review (shared useLeadStatus).
export function LeadFixActions({ contact, can, onChanged, onClose }: LeadFixActionsProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const { tt } = useTabText();
  const lead = useLeadStatus(onChanged);
  const status = leadStatusOf(contact);
  const staleness = leadStaleness(contact, new Date());
  const busy = lead.busyId !== undefined;
  const allowed = (to: LeadStatus) =>
    to === 'lost' || to === 'archived' ? can('contacts:archive') : can('contacts:write');
  return (
    <section className={styles.panel} aria-labelledby="lead-fix-heading" data-testid="lead-fix">
      <Text as="h3" id="lead-fix-heading" weight="semibold" className={styles.heading}>
        {tt('fix.leadTitle')}
      </Text>
      <Text>{tt('fix.leadText', { name: contact.displayName, staleness: t(`leadStaleness.${staleness}`) })}</Text>
      <div className={styles.actions}>
        {forwardTargets(status)
          .filter(allowed)
          .map((to) => (
            <Button
              key={to}
              appearance={to === 'won' ? 'primary' : 'secondary'}
              disabled={busy}
              onClick={() => lead.request(contact, to, staleness)}
            >
              {t(ACTION_LABELS[to])}
            </Button>
          ))}
        <Button appearance="subtle" onClick={onClose}>
          {tt('common.close')}
        </Button>
        {busy && <Spinner size="tiny" label={t('leadAction.running')} />}
      </div>
      {lead.notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{lead.notice.text}</MessageBarBody>
          {lead.notice.undo && (
            <MessageBarActions>
              <Button onClick={lead.notice.undo}>{t('leadDone.undo')}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {lead.failure && <ProblemBar error={lead.failure.error} onDismiss={lead.dismissFailure} />}
      {lead.dialog}
    </section>
  );
}
