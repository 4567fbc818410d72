import { lazy } from 'react';

// The quick-entry form loads on first use, so it stays out of the task pane's first bundle.
export const QuickEntryForm = lazy(() => import('./QuickEntryForm').then((m) => ({ default: m.QuickEntryForm })));
