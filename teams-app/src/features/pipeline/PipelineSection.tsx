import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTabText } from '../../i18n/useTabText';

// Verkaufschancen loads on the section's first visit: the board, list and editors are a chunk
// of their own (and the forecast with its chart another), so the tab's first load stays as it was.
const PipelineView = lazy(() => import('./PipelineView').then((m) => ({ default: m.PipelineView })));

export function PipelineSection({ compact }: { compact: boolean }) {
  const { tt } = useTabText();
  return (
    <Suspense fallback={<Spinner size="small" label={tt('common.loading')} />}>
      <PipelineView compact={compact} />
    </Suspense>
  );
}
