import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { SectionHeader } from '../../shell/SectionHeader';
import { ConsentReviewView } from './ConsentReviewView';
import { ErasuresView } from './ErasuresView';
import { PrivacySettingsForm } from './PrivacySettingsForm';
import { RequestsRegister } from './RequestsRegister';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  views: { overflowX: 'auto' },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
});

const VIEWS = ['requests', 'erasures', 'consentReview', 'settings'] as const;
type View = (typeof VIEWS)[number];

// "Datenschutz" (privacy:manage — CRM.Admin, CRM.DataProtection): the requests register with
// each request's contacts and their DSGVO actions, the erasures waiting for their day, the
// yearly consent review and the settings with the records of processing. A view keeps its
// state once visited.
export function PrivacyView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const [view, setView] = useState<View>('requests');
  const [visited, setVisited] = useState<ReadonlySet<View>>(new Set(['requests']));
  // A change in one view (an erasure, a restriction) makes the others load their lists again.
  const [generation, setGeneration] = useState(0);
  const changed = () => setGeneration((n) => n + 1);

  return (
    <section className={styles.root} aria-labelledby="privacy-heading">
      <SectionHeader
        id="privacy-heading"
        title={pt('section.heading')}
        intro={compact ? undefined : pt('section.intro')}
      />
      <TabList
        className={styles.views}
        aria-label={pt('section.views')}
        size="small"
        selectedValue={view}
        onTabSelect={(_event, data) => {
          const next = data.value as View;
          setView(next);
          setVisited((before) => new Set(before).add(next));
        }}
      >
        {VIEWS.map((item) => (
          <Tab key={item} value={item} id={`privacy-view-${item}`}>
            {pt(`view.${item}`)}
          </Tab>
        ))}
      </TabList>
      {VIEWS.filter((item) => visited.has(item)).map((item) => (
        <div
          key={item}
          role="tabpanel"
          aria-labelledby={`privacy-view-${item}`}
          hidden={item !== view}
          className={styles.panel}
        >
          {item === 'requests' && <RequestsRegister compact={compact} generation={generation} onChanged={changed} />}
          {item === 'erasures' && <ErasuresView generation={generation} onChanged={changed} />}
          {item === 'consentReview' && <ConsentReviewView />}
          {item === 'settings' && <PrivacySettingsForm />}
        </div>
      ))}
    </section>
  );
}
