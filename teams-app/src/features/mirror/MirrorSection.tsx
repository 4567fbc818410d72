import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTabText } from '../../i18n/useTabText';

// "Microsoft 365-Sync" loads on the section's first visit (a chunk of its own): only admins
// see it, so the tab's first load and the task pane stay as they were.
const MirrorView = lazy(() => import('./MirrorView').then((m) => ({ default: m.MirrorView })));

export function MirrorSection({ compact }: { compact: boolean }) {
  const { tt } = useTabText();
  return (
    <Suspense fallback={<Spinner size="small" label={tt('common.loading')} />}>
      <MirrorView compact={compact} />
    </Suspense>
  );
}
