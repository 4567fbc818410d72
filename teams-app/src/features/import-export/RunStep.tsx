import { Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { CancelImportDialog } from './CancelImportDialog';
import { isActive } from './import-model';
import { RunCounts } from './RunCounts';
import { RunProgress } from './RunProgress';
import type { ImportJob } from './useImportJob';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

// Step "Import": the running job's progress (polled; it runs on in the background, so the tab
// may be closed and the progress is found again after a reload), the counts so far, and
// "Abbrechen" with a confirmation. When the run ends, the assistant moves on to the result.
export function RunStep({ job, onFinished }: { job: ImportJob; onFinished: () => void }) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  const [asking, setAsking] = useState(false);
  const { imp } = job;
  const running = isActive(imp.status);
  const cancelRequested = imp.run?.cancelRequested === true;

  useEffect(() => {
    if (!running) onFinished();
  }, [running, onFinished]);

  return (
    <div className={styles.root}>
      <Text>{xt('run.intro', { file: imp.fileName })}</Text>
      <RunProgress imp={imp} />
      {imp.run && <RunCounts counts={imp.run.counts} label={xt('run.counts')} />}
      {cancelRequested && (
        <MessageBar intent="warning">
          <MessageBarBody>{xt('run.cancelling')}</MessageBarBody>
        </MessageBar>
      )}
      {job.failure !== undefined && <ProblemBar error={job.failure} onDismiss={job.clearFailure} />}
      <div className={styles.actions}>
        <Button disabledFocusable={!running || cancelRequested || job.busy} onClick={() => setAsking(true)}>
          {xt('run.cancel')}
        </Button>
        <Text className={styles.secondary}>{xt('run.background')}</Text>
      </div>
      <CancelImportDialog
        open={asking}
        done={count(imp.run?.done ?? 0)}
        busy={job.busy}
        onKeepRunning={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void job.cancel();
        }}
      />
    </div>
  );
}
