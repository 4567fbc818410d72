import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type MirrorStatus, mirrorProblemText, useUiText } from '@klarkonform/shared/ui';
import { type TabText, useTabText } from '../../i18n/useTabText';

const useStyles = makeStyles({
  bar: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0` },
  compact: { margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0` },
});

/** One sentence on where the mirror stands: its problem, what waits, or that all is well. */
function summary(status: MirrorStatus, tt: TabText['tt'], problemTitle: string | undefined): string {
  if (!status.configured) return tt('mondayCheck.notConfigured');
  if (problemTitle) return tt('mondayCheck.problem', { title: problemTitle });
  const { error } = status.counts;
  const review = status.reviewCount;
  if (error > 0 || review > 0) return tt('mondayCheck.work', { error, review });
  return tt('mondayCheck.allWell', { synced: status.counts.synced });
}

export interface MondayReminderProps {
  status: MirrorStatus;
  compact: boolean;
  onOpen: () => void;
  onDone: () => void;
}

// Monday's "Sync-Status prüfen" in the tab's header area: where the mirror stands, a way to the
// "Microsoft 365-Sync" section (which counts as done), and "Erledigt" for this Monday.
export function MondayReminderBar({ status, compact, onOpen, onDone }: MondayReminderProps) {
  const styles = useStyles();
  const text = useUiText();
  const { tt } = useTabText();
  const problem = status.problem ? mirrorProblemText(status.problem, text).title : undefined;
  const attention = !status.configured || problem !== undefined || status.counts.error > 0;
  return (
    <MessageBar
      intent={attention ? 'warning' : 'info'}
      layout="multiline"
      className={compact ? styles.compact : styles.bar}
      data-testid="monday-check"
    >
      <MessageBarBody>
        <MessageBarTitle>{tt('mondayCheck.title')}</MessageBarTitle>
        {summary(status, tt, problem)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onOpen}>{tt('mondayCheck.open')}</Button>
        <Button appearance="transparent" onClick={onDone}>
          {tt('mondayCheck.done')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
