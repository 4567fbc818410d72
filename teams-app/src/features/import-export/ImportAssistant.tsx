import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { Import, ImportSummary } from '@klarkonform/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { FileStep } from './FileStep';
import { isActive, stepOf } from './import-model';
import { IMPORT_STEPS, type ImportStep } from './import-steps';
import { ImportSteps } from './ImportSteps';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RecentImports } from './RecentImports';
import { ResultStep } from './ResultStep';
import { RunStep } from './RunStep';
import { useImportJob } from './useImportJob';
import { useImportExportText } from './useImportExportText';
import { useRecentImports } from './useRecentImports';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  stepHeading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, outline: 'none' },
});

interface Opened {
  imp: Import;
  step: ImportStep;
}

// The import assistant: Datei → Zuordnung → Vorschau & Prüfung → Import → Ergebnis. A running
// import of the tenant (found among the recent imports) opens by itself, so its progress
// survives a reload of the tab; any recent import opens where it stands.
export function ImportAssistant() {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { api } = useServices();
  const recent = useRecentImports();
  const [opened, setOpened] = useState<Opened | undefined>();
  const [opening, setOpening] = useState(false);
  const [openFailure, setOpenFailure] = useState<unknown>();
  const resumed = useRef(false);

  const open = useCallback(
    async (summary: Pick<ImportSummary, 'id'>) => {
      setOpening(true);
      setOpenFailure(undefined);
      try {
        const imp = await api.getImport(summary.id);
        setOpened({ imp, step: stepOf(imp) });
      } catch (error) {
        setOpenFailure(error);
      } finally {
        setOpening(false);
      }
    },
    [api],
  );

  // After a reload: the running import (there is one at a time in practice) continues to show.
  useEffect(() => {
    if (resumed.current || !recent.items) return;
    resumed.current = true;
    const running = recent.items.find((item) => isActive(item.status));
    if (running) void open(running);
  }, [recent.items, open]);

  const step = opened?.step ?? 'file';
  return (
    <div className={styles.root}>
      <ImportSteps current={step} />
      <StepHeading step={step} className={styles.stepHeading} />
      {opening && <Spinner size="small" label={xt('recent.opening')} />}
      {openFailure !== undefined && <ProblemBar error={openFailure} onDismiss={() => setOpenFailure(undefined)} />}
      {!opened && !opening && (
        <>
          <FileStep
            onUploaded={(imp) => {
              setOpened({ imp, step: 'mapping' });
              recent.reload();
            }}
          />
          <RecentImports
            items={recent.items}
            error={recent.error}
            onRetry={recent.reload}
            onOpen={(s) => void open(s)}
          />
        </>
      )}
      {opened && (
        <OpenedImport
          key={opened.imp.id}
          opened={opened}
          onStep={(next) => setOpened((before) => before && { ...before, step: next })}
          onClose={() => {
            setOpened(undefined);
            recent.reload();
          }}
        />
      )}
    </div>
  );
}

/** "Schritt 2 von 5: Zuordnung", focused when the step changes (not on the first render). */
function StepHeading({ step, className }: { step: ImportStep; className: string }) {
  const { xt } = useImportExportText();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    heading.current?.focus();
  }, [step]);
  return (
    <h3 ref={heading} tabIndex={-1} className={className}>
      {xt('steps.heading', {
        number: IMPORT_STEPS.indexOf(step) + 1,
        count: IMPORT_STEPS.length,
        name: xt(`steps.${step}`),
      })}
    </h3>
  );
}

interface OpenedImportProps {
  opened: Opened;
  onStep: (step: ImportStep) => void;
  onClose: () => void;
}

function OpenedImport({ opened, onStep, onClose }: OpenedImportProps) {
  const { xt } = useImportExportText();
  const job = useImportJob(opened.imp);
  const toResult = useCallback(() => onStep('result'), [onStep]);
  switch (opened.step) {
    case 'file':
    case 'mapping':
      return <MappingStep job={job} onBack={onClose} onNext={() => onStep('preview')} />;
    case 'preview':
      return <PreviewStep job={job} onBack={() => onStep('mapping')} onStarted={() => onStep('run')} />;
    case 'run':
      return <RunStep job={job} onFinished={toResult} />;
    case 'result':
      return job.imp.run ? (
        <ResultStep job={job} onResumed={() => onStep('run')} onNewImport={onClose} />
      ) : (
        <Text>{xt('result.none')}</Text>
      );
  }
}
