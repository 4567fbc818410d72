import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { ImportRowFilter } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { saveBlob } from './download';
import { PreviewTable } from './PreviewTable';
import { RunCounts } from './RunCounts';
import type { ImportJob } from './useImportJob';
import { RowsPager, RowsStatus } from './RowsPaging';
import { useImportRows } from './useImportRows';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
  filter: { maxWidth: '240px' },
});

/** The rows the result lists: what failed first, since that is what needs doing. */
const FILTERS: readonly ImportRowFilter[] = ['failed', 'skipped', 'merged', 'created', 'all'];

export interface ResultStepProps {
  job: ImportJob;
  /** Runs a cancelled or failed import again (nothing is created twice). */
  onResumed: () => void;
  onNewImport: () => void;
}

// Step "Ergebnis": how the run ended, the counts (angelegt, zusammengeführt, übersprungen,
// fehlgeschlagen), the report per row as a CSV download, and the rows by outcome with reasons.
export function ResultStep({ job, onResumed, onNewImport }: ResultStepProps) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  const { t } = useUiText();
  const { api } = useServices();
  const { imp } = job;
  const [filter, setFilter] = useState<ImportRowFilter>('failed');
  const [offset, setOffset] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const [downloadFailure, setDownloadFailure] = useState<unknown>();
  const rows = useImportRows(imp.id, filter, offset, `${imp.version}:${imp.status}`);
  const run = imp.run;
  const page = rows.page;

  const download = async () => {
    setDownloading(true);
    setDownloadFailure(undefined);
    try {
      const file = await api.importReport(imp.id);
      saveBlob(file.blob, file.fileName);
    } catch (error) {
      setDownloadFailure(error);
    } finally {
      setDownloading(false);
    }
  };

  const resume = async () => {
    if (await job.run(false)) onResumed();
  };

  const intent = imp.status === 'done' ? 'success' : imp.status === 'cancelled' ? 'warning' : 'error';
  return (
    <div className={styles.root}>
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {xt(`result.title.${imp.status === 'done' ? 'done' : imp.status === 'cancelled' ? 'cancelled' : 'failed'}`)}
          </MessageBarTitle>
          {run &&
            xt('result.summary', {
              file: imp.fileName,
              done: count(run.done),
              total: count(run.total),
            })}
          {run?.failure ? ` ${xt('result.failure', { reason: run.failure })}` : ''}
        </MessageBarBody>
      </MessageBar>
      {run && <RunCounts counts={run.counts} label={xt('result.counts')} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabledFocusable={downloading}
          onClick={() => void download()}
        >
          {xt('result.report')}
        </Button>
        {(imp.status === 'cancelled' || imp.status === 'failed') && (
          <Button disabledFocusable={job.busy} onClick={() => void resume()}>
            {xt('result.resume')}
          </Button>
        )}
        <Button onClick={onNewImport}>{xt('result.newImport')}</Button>
        {downloading && <Spinner size="tiny" label={xt('result.downloading')} />}
      </div>
      {downloadFailure !== undefined && (
        <ProblemBar error={downloadFailure} onDismiss={() => setDownloadFailure(undefined)} />
      )}
      {job.failure !== undefined && <ProblemBar error={job.failure} onDismiss={job.clearFailure} />}

      <section className={styles.part} aria-labelledby="import-result-rows-heading">
        <h4 id="import-result-rows-heading" className={styles.heading}>
          {xt('result.rows')}
        </h4>
        <Field label={xt('result.filter')} size="small" className={styles.filter}>
          <Select
            size="small"
            value={filter}
            onChange={(_event, data) => {
              setFilter(data.value as ImportRowFilter);
              setOffset(0);
            }}
          >
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {value === 'all' ? xt('preview.filter.all') : t(`importOutcome.${value as 'failed'}`)}
              </option>
            ))}
          </Select>
        </Field>
        <RowsStatus page={page} loading={rows.loading} empty={xt('result.noRows')} />
        {rows.error !== undefined && <ProblemBar error={rows.error} onRetry={rows.reload} />}
        {page && page.items.length > 0 && (
          <PreviewTable rows={page.items} editable={false} onAction={() => undefined} />
        )}
        <RowsPager page={page} offset={offset} onOffset={setOffset} />
      </section>
    </div>
  );
}
