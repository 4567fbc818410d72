import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTabText } from '../../i18n/useTabText';

// Import/Export loads on the section's first visit (a chunk of its own): the assistant, the
// running import's progress and the export are rare admin work, not the tab's first load.
const ImportExportView = lazy(() => import('./ImportExportView').then((m) => ({ default: m.ImportExportView })));

export function ImportExportSection({ compact }: { compact: boolean }) {
  const { tt } = useTabText();
  return (
    <Suspense fallback={<Spinner size="small" label={tt('common.loading')} />}>
      <ImportExportView compact={compact} />
    </Suspense>
  );
}
