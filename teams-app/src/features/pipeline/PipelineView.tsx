import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import type { Opportunity } from '@klarkonform/shared';
import { lazy, Suspense, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import { OwnerSelect } from '../search/OwnerSelect';
import { filterOf, type ForecastTarget } from './forecast-model';
import { type ListFilter, NO_FILTER } from './list-filter';
import { NewOpportunityDialog } from './NewOpportunityDialog';
import { OpportunityList } from './OpportunityList';
import { PipelineBoard } from './PipelineBoard';
import { usePipelineText } from './usePipelineText';

// The chart package is large: the forecast loads on its first visit, in a chunk of its own.
const ForecastView = lazy(() => import('./ForecastView').then((m) => ({ default: m.ForecastView })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  owner: { minWidth: '180px' },
});

const VIEWS = ['board', 'list', 'forecast'] as const;
type View = (typeof VIEWS)[number];

// Verkaufschancen: the board, the list and the forecast, with "Neue Verkaufschance". A
// forecast figure switches to the list filtered to exactly its opportunities.
export function PipelineView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { pt } = usePipelineText();
  const can = usePermissions();
  const canWrite = can('opportunities:write');
  const [view, setView] = useState<View>('board');
  const [owner, setOwner] = useState('');
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [creating, setCreating] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [created, setCreated] = useState<string | undefined>();
  const { tt } = useTabText();

  const openFigure = (target: ForecastTarget) => {
    setFilter(filterOf(target));
    setView('list');
  };

  return (
    <section className={styles.root} aria-labelledby="pipeline-heading">
      <SectionHeader
        id="pipeline-heading"
        title={pt('pipeline.heading')}
        intro={compact ? undefined : pt('pipeline.intro')}
      />
      <div className={styles.toolbar}>
        <TabList
          aria-label={pt('pipeline.views')}
          selectedValue={view}
          size="small"
          onTabSelect={(_event, data) => setView(data.value as View)}
        >
          {VIEWS.map((value) => (
            <Tab key={value} value={value} id={`pipeline-view-${value}`}>
              {pt(`pipeline.${value}`)}
            </Tab>
          ))}
        </TabList>
        <div className={styles.controls}>
          {view !== 'list' && (
            <OwnerSelect className={styles.owner} value={owner} onChange={setOwner} mineLabel={pt('pipeline.mine')} />
          )}
          {canWrite && (
            <Button appearance="primary" onClick={() => setCreating(true)}>
              {pt('pipeline.new')}
            </Button>
          )}
        </div>
      </div>
      {created && (
        <MessageBar intent="success">
          <MessageBarBody>{pt('editor.created', { title: created })}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => setCreated(undefined)}>
              {tt('common.close')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div role="tabpanel" aria-labelledby={`pipeline-view-${view}`}>
        {view === 'board' && (
          <PipelineBoard
            owner={owner}
            canMove={canWrite}
            refresh={refresh}
            onShowAll={(stage) => {
              setFilter({ ...NO_FILTER, owner, stage });
              setView('list');
            }}
          />
        )}
        {view === 'list' && (
          <OpportunityList filter={filter} onFilterChange={setFilter} canEdit={canWrite} refresh={refresh} />
        )}
        {view === 'forecast' && (
          <Suspense fallback={<Spinner size="small" label={pt('forecast.loading')} />}>
            <ForecastView key={refresh} owner={owner} onOpen={openFigure} />
          </Suspense>
        )}
      </div>
      {creating && (
        <NewOpportunityDialog
          onCancel={() => setCreating(false)}
          onCreated={(opportunity: Opportunity) => {
            setCreating(false);
            setCreated(opportunity.title);
            setRefresh((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
