import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import { ExportPanel } from './ExportPanel';
import { ImportAssistant } from './ImportAssistant';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  views: { overflowX: 'auto' },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
});

type View = 'import' | 'export';

// "Import/Export" (CRM.Admin): the import assistant and the export, as two views of the section.
// Both stay mounted once visited, so a running import keeps its progress while exporting.
export function ImportExportView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const can = usePermissions();
  const views: View[] = [
    ...(can('data:import') ? ['import' as const] : []),
    ...(can('data:export') ? ['export' as const] : []),
  ];
  const [chosen, setChosen] = useState<View>('import');
  const [visited, setVisited] = useState<ReadonlySet<View>>(new Set(['import']));
  const shown = views.includes(chosen) ? chosen : views[0];

  return (
    <section className={styles.root} aria-labelledby="import-export-heading">
      <SectionHeader
        id="import-export-heading"
        title={xt('section.heading')}
        intro={compact ? undefined : xt('section.intro')}
      />
      {views.length > 0 && (
        <TabList
          className={styles.views}
          aria-label={xt('section.views')}
          size="small"
          selectedValue={shown}
          onTabSelect={(_event, data) => {
            const view = data.value as View;
            setChosen(view);
            setVisited((before) => new Set(before).add(view));
          }}
        >
          {views.map((view) => (
            <Tab key={view} value={view} id={`import-export-view-${view}`}>
              {xt(`section.${view}`)}
            </Tab>
          ))}
        </TabList>
      )}
      {views
        .filter((view) => visited.has(view) || view === shown)
        .map((view) => (
          <div
            key={view}
            role="tabpanel"
            aria-labelledby={`import-export-view-${view}`}
            hidden={view !== shown}
            className={styles.panel}
          >
            {view === 'import' ? <ImportAssistant /> : <ExportPanel />}
          </div>
        ))}
    </section>
  );
}
