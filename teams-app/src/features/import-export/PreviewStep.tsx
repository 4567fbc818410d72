import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ImportAction, ImportDefaults, ImportRowFilter, ImportRowPreview } from '@klarkonform/shared';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { DuplicateChoices } from './DuplicateChoices';
import { isActive } from './import-model';
import { PreviewTable } from './PreviewTable';
import { RunCounts } from './RunCounts';
import { RunProgress } from './RunProgress';
import type { ImportJob } from './useImportJob';
import { RowsPager, RowsStatus } from './RowsPaging';
import { useImportRows } from './useImportRows';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

const FILTERS = ['all', 'problems', 'duplicates'] as const satisfies readonly ImportRowFilter[];

export interface PreviewStepProps {
  job: ImportJob;
  onBack: () => void;
  /** The import run was started: the assistant moves on to its progress. */
  onStarted: () => void;
}

// Step "Vorschau & Prüfung": what to do with duplicates (per verdict), the rows as they will be
// stored with their problems and verdicts (a row's own choice as a radio group), a dry run over
// all rows with its counts, and "Import starten".
export function PreviewStep({ job, onBack, onStarted }: PreviewStepProps) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  const { api } = useServices();
  const { imp } = job;
  const [filter, setFilter] = useState<ImportRowFilter>('all');
  const [offset, setOffset] = useState(0);
  // Row choices on their way to the API: the import waits for them.
  const [saving, setSaving] = useState(0);
  // A choice for all duplicates, shown while it is stored.
  const [pendingDefaults, setPendingDefaults] = useState<Partial<ImportDefaults>>({});
  const [rowFailure, setRowFailure] = useState<unknown>();
  const running = isActive(imp.status);
  // A finished run changes the rows' results: the page is asked for again.
  const rows = useImportRows(imp.id, filter, offset, `${imp.version}:${imp.status}:${imp.run?.finishedAt ?? ''}`);
  const dryRun = imp.run?.mode === 'dryRun' && !running ? imp.run : imp.lastDryRun;
  const page = rows.page;

  const choose = async (row: ImportRowPreview, action: ImportAction) => {
    // Shown at once; the radios stay enabled (disabling them would drop the keyboard focus).
    rows.replace({ ...row, action, actionChosen: true });
    setSaving((n) => n + 1);
    setRowFailure(undefined);
    try {
      rows.replace(await api.setImportRowAction(imp.id, row.row, { action }));
      // The import's version and counts of hand-set actions changed with it.
      await job.reload();
    } catch (error) {
      rows.replace(row);
      setRowFailure(error);
    } finally {
      setSaving((n) => n - 1);
    }
  };

  const chooseDefault = async (change: Partial<ImportDefaults>) => {
    setPendingDefaults((before) => ({ ...before, ...change }));
    // Each change carries the other choices as shown, so two quick ones both arrive.
    await job.update({ defaults: { ...job.imp.defaults, ...pendingDefaults, ...change } });
    setPendingDefaults((before) => {
      const rest = { ...before };
      for (const key of Object.keys(change) as (keyof ImportDefaults)[])
        if (rest[key] === change[key]) delete rest[key];
      return rest;
    });
  };

  const start = async () => {
    if (await job.run(false)) onStarted();
  };

  return (
    <div className={styles.root}>
      <section className={styles.part} aria-labelledby="import-choices-heading">
        <h4 id="import-choices-heading" className={styles.heading}>
          {xt('choices.heading')}
        </h4>
        <DuplicateChoices
          defaults={{ ...imp.defaults, ...pendingDefaults }}
          disabled={running}
          onChange={(change) => void chooseDefault(change)}
        />
      </section>

      <section className={styles.part} aria-labelledby="import-dry-run-heading">
        <h4 id="import-dry-run-heading" className={styles.heading}>
          {xt('dryRun.heading')}
        </h4>
        <Text className={styles.secondary}>{xt('dryRun.intro', { rows: count(imp.rowCount) })}</Text>
        {running ? (
          <RunProgress imp={imp} />
        ) : (
          dryRun && <RunCounts counts={dryRun.counts} label={xt('dryRun.counts')} />
        )}
        <div className={styles.actions}>
          <Button disabledFocusable={job.busy || running} onClick={() => void job.run(true)}>
            {dryRun ? xt('dryRun.again') : xt('dryRun.start')}
          </Button>
        </div>
      </section>

      <section className={styles.part} aria-labelledby="import-rows-heading">
        <h4 id="import-rows-heading" className={styles.heading}>
          {xt('preview.heading')}
        </h4>
        <div className={styles.bar}>
          <Field label={xt('preview.filter')} size="small">
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
                  {xt(`preview.filter.${value}`)}
                </option>
              ))}
            </Select>
          </Field>
          <RowsStatus page={page} loading={rows.loading} empty={xt('preview.none')} />
        </div>
        {rows.error !== undefined && <ProblemBar error={rows.error} onRetry={rows.reload} />}
        {rowFailure !== undefined && <ProblemBar error={rowFailure} onDismiss={() => setRowFailure(undefined)} />}
        {page && page.items.length > 0 && (
          <PreviewTable rows={page.items} editable={!running} onAction={(row, action) => void choose(row, action)} />
        )}
        {rows.loading && !page && <Spinner size="small" />}
        <RowsPager page={page} offset={offset} onOffset={setOffset} />
      </section>

      {job.conflict && (
        <MessageBar intent="warning">
          <MessageBarBody>{xt('job.conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {job.failure !== undefined && <ProblemBar error={job.failure} onDismiss={job.clearFailure} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={job.busy || running || saving > 0} onClick={() => void start()}>
          {xt('preview.start', { rows: count(imp.rowCount) })}
        </Button>
        <Button disabledFocusable={job.busy || running} onClick={onBack}>
          {xt('preview.back')}
        </Button>
        {job.busy && <Spinner size="tiny" label={xt('job.saving')} />}
      </div>
    </div>
  );
}
