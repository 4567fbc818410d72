import { Field, ProgressBar } from '@fluentui/react-components';
import type { Import } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { progressOf } from './import-model';
import { useImportExportText } from './useImportExportText';

// The run's progress bar: rows done of the total, "wartet" until a worker took the job up.
export function RunProgress({ imp }: { imp: Import }) {
  const { xt, count } = useImportExportText();
  const { t } = useUiText();
  const run = imp.run;
  const label = xt(run?.mode === 'dryRun' ? 'run.dryRunLabel' : 'run.label');
  const text =
    imp.status === 'queued' || !run
      ? t('importStatus.queued')
      : xt('run.rows', { done: count(run.done), total: count(run.total) });
  return (
    <Field label={label} validationMessage={text} validationState="none">
      <ProgressBar value={progressOf(run)} max={1} thickness="large" />
    </Field>
  );
}
