import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTabText } from '../../i18n/useTabText';

// "Datenschutz" loads on the section's first visit (a chunk of its own): only the data-protection
// officer and admins see it, so the tab's first load and the task pane stay as they were.
const PrivacyView = lazy(() => import('./PrivacyView').then((m) => ({ default: m.PrivacyView })));

export function PrivacySection({ compact }: { compact: boolean }) {
  const { tt } = useTabText();
  return (
    <Suspense fallback={<Spinner size="small" label={tt('common.loading')} />}>
      <PrivacyView compact={compact} />
    </Suspense>
  );
}
