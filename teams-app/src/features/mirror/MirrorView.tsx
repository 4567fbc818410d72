import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { DiscardNotesDialog } from '@klarkonform/shared/ui';
import { Suspense, useEffect, useState } from 'react';
import { SectionHeader } from '../../shell/SectionHeader';
import { MirrorOverview } from './MirrorOverview';
import { MirrorSettingsForm } from './MirrorSettingsForm';
import { useMirrorSettings } from './useMirrorSettings';
import { useMirrorStatus } from './useMirrorStatus';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  views: { overflowX: 'auto' },
});

type View = 'overview' | 'settings';

// "Microsoft 365-Sync" (mirror:manage): the overview of the Outlook contacts mirror and its
// settings. Both views keep their state while the other is shown; leaving the settings with
// unsaved changes asks first, and so does closing the page.
export function MirrorView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { mt } = useMirrorText();
  const status = useMirrorStatus();
  const settings = useMirrorSettings();
  const [view, setView] = useState<View>('overview');
  const [askDiscard, setAskDiscard] = useState(false);
  const { dirty } = settings;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const select = (next: View) => {
    if (next === view) return;
    if (view === 'settings' && dirty) setAskDiscard(true);
    else setView(next);
  };

  return (
    <section className={styles.root} aria-labelledby="mirror-heading">
      <SectionHeader
        id="mirror-heading"
        title={mt('mirror.heading')}
        intro={compact ? undefined : mt('mirror.intro')}
      />
      <TabList
        className={styles.views}
        aria-label={mt('mirror.views')}
        size="small"
        selectedValue={view}
        onTabSelect={(_event, data) => select(data.value as View)}
      >
        <Tab value="overview" id="mirror-view-overview">
          {mt('mirror.overview')}
        </Tab>
        <Tab value="settings" id="mirror-view-settings">
          {mt('mirror.settings')}
        </Tab>
      </TabList>
      <div role="tabpanel" aria-labelledby={`mirror-view-${view}`}>
        {view === 'overview' ? (
          <MirrorOverview state={status} onOpenSettings={() => setView('settings')} />
        ) : (
          <MirrorSettingsForm
            configured={status.status?.configured}
            settings={settings}
            onSaved={() => void status.refresh()}
          />
        )}
      </div>
      {(dirty || askDiscard) && (
        <Suspense fallback={null}>
          <DiscardNotesDialog
            open={askDiscard}
            texts={{
              title: mt('discard.title'),
              text: mt('discard.text'),
              discard: mt('discard.discard'),
              keepEditing: mt('discard.keepEditing'),
            }}
            onKeepEditing={() => setAskDiscard(false)}
            onDiscard={() => {
              setAskDiscard(false);
              void settings.reload();
              setView('overview');
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
