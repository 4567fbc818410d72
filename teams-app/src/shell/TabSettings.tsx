import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTabText } from '../i18n/useTabText';
import type { TabHost } from '../teams/tab-host';

const useStyles = makeStyles({
  title: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
});

// The configuration page of the meeting tab (configurableTabs in the manifest): nothing to
// choose, so saving is enabled at once and the tab points at the same page.
export function TabSettings({ host }: { host: TabHost }) {
  const styles = useStyles();
  const { tt } = useTabText();
  useEffect(() => {
    host.enableSave(`${location.origin}${location.pathname}?context=meeting`, tt('tab.title'));
  }, [host, tt]);
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        {tt('tab.settingsTitle')}
      </Text>
      <Text>{tt('tab.settingsText')}</Text>
    </main>
  );
}
