import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTabText } from '../../i18n/useTabText';

// Vorlagen loads on the section's first visit (a chunk of its own), and its rich-text editor
// (TipTap) only when an editor opens, so the tab's first load stays as it was.
const TemplatesView = lazy(() => import('./TemplatesView').then((m) => ({ default: m.TemplatesView })));

export function TemplatesSection({ compact }: { compact: boolean }) {
  const { tt } = useTabText();
  return (
    <Suspense fallback={<Spinner size="small" label={tt('common.loading')} />}>
      <TemplatesView compact={compact} />
    </Suspense>
  );
}
