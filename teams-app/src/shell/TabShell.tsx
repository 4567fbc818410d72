import { makeStyles, mergeClasses, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { DataCareView } from '../features/data-care/DataCareView';
import { FollowUpsView } from '../features/follow-ups/FollowUpsView';
import { ImportExportSection } from '../features/import-export/ImportExportSection';
import { LeadsView } from '../features/leads/LeadsView';
import { MirrorSection } from '../features/mirror/MirrorSection';
import { MondayReminderBar } from '../features/mirror/MondayReminder';
import { useMondayReminder } from '../features/mirror/useMondayReminder';
import { PipelineSection } from '../features/pipeline/PipelineSection';
import { PrivacySection } from '../features/privacy/PrivacySection';
import { SearchView } from '../features/search/SearchView';
import { TemplatesSection } from '../features/templates/TemplatesSection';
import { type TabKey, useTabText } from '../i18n/useTabText';
import { HeaderActions } from './HeaderActions';
import { OpenSectionContext, SECTIONS, type Section } from './navigation';
import { type Permission, usePermissions } from './usePermissions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', maxWidth: '1200px', margin: '0 auto' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} 0`,
  },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  compactHeader: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  // Seven sections do not fit a narrow side panel: the tab row scrolls, not the whole page.
  nav: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, overflowX: 'auto' },
  compactNav: { padding: `${tokens.spacingVerticalXS} 0` },
  panel: { padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXL}` },
  compactPanel: { padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalL}` },
});

const LABELS: Record<Section, TabKey> = {
  leads: 'tab.leads',
  pipeline: 'tab.pipeline',
  followUps: 'tab.followUps',
  dataCare: 'tab.dataCare',
  search: 'tab.search',
  templates: 'tab.templates',
  importExport: 'tab.importExport',
  mirror: 'tab.mirror',
  privacy: 'tab.privacy',
};
/** Sections only some roles see (the API refuses the others anyway). */
const NEEDS: Partial<Record<Section, Permission>> = {
  templates: 'templates:manage',
  importExport: 'data:import',
  mirror: 'mirror:manage',
  privacy: 'privacy:manage',
};

function view(section: Section, compact: boolean): ReactNode {
  switch (section) {
    case 'leads':
      return <LeadsView compact={compact} />;
    case 'pipeline':
      return <PipelineSection compact={compact} />;
    case 'followUps':
      return <FollowUpsView compact={compact} />;
    case 'dataCare':
      return <DataCareView />;
    case 'search':
      return <SearchView compact={compact} />;
    case 'templates':
      return <TemplatesSection compact={compact} />;
    case 'importExport':
      return <ImportExportSection compact={compact} />;
    case 'mirror':
      return <MirrorSection compact={compact} />;
    case 'privacy':
      return <PrivacySection compact={compact} />;
  }
}

// The page: a header (with Monday's sync check for admins), the sections as tabs. A section is mounted on its first visit
// and then kept, so switching back does not lose a search or reload a list.
export function TabShell({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { tt } = useTabText();
  const [selected, setSelected] = useState<Section>('leads');
  const [visited, setVisited] = useState<ReadonlySet<Section>>(new Set(['leads']));
  // After a demo reset every section starts again from the fresh data.
  const [generation, setGeneration] = useState(0);
  const can = usePermissions();
  const sections = SECTIONS.filter((section) => {
    const needed = NEEDS[section];
    return needed === undefined || can(needed);
  });

  // Monday's "Sync-Status prüfen" for admins; opening the section counts as the check.
  const reminder = useMondayReminder(can('mirror:manage'));

  const select = (section: Section) => {
    setSelected(section);
    setVisited((before) => new Set(before).add(section));
    if (section === 'mirror') reminder.done();
  };

  return (
    <OpenSectionContext.Provider value={select}>
      <div className={styles.root}>
        <header className={mergeClasses(styles.header, compact && styles.compactHeader)}>
          <div className={styles.heading}>
            <Text as="h1" size={compact ? 400 : 600} weight="semibold" className={styles.title}>
              {tt('tab.title')}
            </Text>
            {!compact && <Text className={styles.subtitle}>{tt('tab.subtitle')}</Text>}
          </div>
          <HeaderActions compact={compact} onDemoReset={() => setGeneration((g) => g + 1)} />
        </header>
        {reminder.shown && reminder.status && (
          <MondayReminderBar
            status={reminder.status}
            compact={compact}
            onOpen={() => select('mirror')}
            onDone={reminder.done}
          />
        )}
        <nav aria-label={tt('tab.sections')} className={mergeClasses(styles.nav, compact && styles.compactNav)}>
          <TabList
            selectedValue={selected}
            onTabSelect={(_event, data) => select(data.value as Section)}
            size={compact ? 'small' : 'medium'}
          >
            {sections.map((section) => (
              <Tab
                key={section}
                value={section}
                id={`section-${section}`}
                aria-controls={visited.has(section) ? `panel-${section}` : undefined}
              >
                {tt(LABELS[section])}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={mergeClasses(styles.panel, compact && styles.compactPanel)}>
          {sections
            .filter((section) => visited.has(section))
            .map((section) => (
              <div
                key={`${section}:${generation}`}
                id={`panel-${section}`}
                role="tabpanel"
                aria-labelledby={`section-${section}`}
                hidden={section !== selected}
              >
                {view(section, compact)}
              </div>
            ))}
        </main>
      </div>
    </OpenSectionContext.Provider>
  );
}
