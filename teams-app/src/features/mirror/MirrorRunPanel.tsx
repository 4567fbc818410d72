import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowSyncRegular } from '@fluentui/react-icons';
import { type MirrorRun, type MirrorStatus, mirrorProblemText, useUiText } from '@klarkonform/shared/ui';
import { useId } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { type RunPhase, runBlocker } from './mirror-model';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  runs: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: 0,
  },
  run: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  secondary: { color: tokens.colorNeutralForeground2 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const figures = ({ pushed, pulled, failed }: MirrorRun) => ({ pushed, pulled, failed });

export interface MirrorRunPanelProps {
  status: MirrorStatus;
  phase: RunPhase;
  busy: boolean;
  runError: unknown;
  fetchedAt: Date | undefined;
  onRun: () => void;
  onRefresh: () => void;
}

// The last run (when, why, what it moved) and the next one, with "Jetzt synchronisieren" – which
// says why it cannot run when the sync is not set up, switched off or has no target – and a refresh.
export function MirrorRunPanel({ status, phase, busy, runError, fetchedAt, onRun, onRefresh }: MirrorRunPanelProps) {
  const styles = useStyles();
  const text = useUiText();
  const { mt } = useMirrorText();
  const blockedId = useId();
  const blocker = runBlocker(status);
  const going = phase === 'running' || phase === 'waiting';
  const last = status.lastRun;

  const progress = (() => {
    if (phase === 'running') return mt('run.running');
    if (phase === 'waiting') return mt('run.requested');
    if (phase === 'queued') return mt('run.stillQueued');
    if (phase === 'finished' && last) return mt('run.done', figures(last));
    return fetchedAt ? mt('mirror.refreshed', { time: text.time(fetchedAt) }) : '';
  })();

  return (
    <div className={styles.root}>
      <dl className={styles.runs}>
        <div className={styles.run}>
          <dt className={styles.term}>{mt('last.heading')}</dt>
          {last ? (
            <dd className={styles.run} data-testid="mirror-last-run">
              <span>
                {mt('last.started', { at: text.dateTime(last.startedAt), trigger: mt(`trigger.${last.trigger}`) })}
              </span>
              <Text size={200} className={styles.secondary}>
                {last.finishedAt
                  ? mt('last.finished', { time: text.time(last.finishedAt) })
                  : mt('last.runningSince', { time: text.time(last.startedAt) })}
              </Text>
              <span className={last.failed > 0 ? styles.failed : undefined}>{mt('last.figures', figures(last))}</span>
              {last.problem && !status.problem && (
                <span className={styles.failed}>
                  {mt('last.problem', { title: mirrorProblemText(last.problem, text).title })}
                </span>
              )}
            </dd>
          ) : (
            <dd className={styles.run}>{mt('last.none')}</dd>
          )}
        </div>
        <div className={styles.run}>
          <dt className={styles.term}>{mt('next.heading')}</dt>
          <dd className={styles.run} data-testid="mirror-next-run">
            {status.nextRunAt ? text.dateTime(status.nextRunAt) : mt(status.enabled ? 'next.none' : 'next.disabled')}
          </dd>
        </div>
      </dl>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={going ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabled={blocker !== undefined || going || busy}
          aria-describedby={blocker ? blockedId : undefined}
          onClick={onRun}
        >
          {going ? mt(phase === 'running' ? 'run.running' : 'run.requested') : mt('run.now')}
        </Button>
        <Button icon={<ArrowClockwiseRegular />} disabled={busy} onClick={onRefresh}>
          {mt('mirror.refresh')}
        </Button>
        <Text role="status" className={styles.secondary}>
          {progress}
        </Text>
      </div>
      {blocker && (
        <Text id={blockedId} size={200} className={styles.secondary}>
          {mt(`run.${blocker}`)}
        </Text>
      )}
      {runError !== undefined && <ProblemBar error={runError} />}
    </div>
  );
}
