import { lazy } from 'react';

// Editors and rare views load on first use, so they stay out of the bundle that has to
// arrive before the first card shows (the task-pane budget in DESIGN.md).
export const CreateContactPanel = lazy(() =>
  import('./create/CreateContactPanel').then((m) => ({ default: m.CreateContactPanel })),
);
export const NewContactDialog = lazy(() =>
  import('./create/NewContactDialog').then((m) => ({ default: m.NewContactDialog })),
);
export const ContactEditor = lazy(() => import('./edit/ContactEditor').then((m) => ({ default: m.ContactEditor })));
export const ConsentEventForm = lazy(() =>
  import('./edit/ConsentEventForm').then((m) => ({ default: m.ConsentEventForm })),
);
export const NotesEditor = lazy(() => import('./edit/NotesEditor').then((m) => ({ default: m.NotesEditor })));
export const DiscardNotesDialog = lazy(() =>
  import('./edit/DiscardNotesDialog').then((m) => ({ default: m.DiscardNotesDialog })),
);
export const FollowUpForm = lazy(() => import('./follow-ups/FollowUpForm').then((m) => ({ default: m.FollowUpForm })));
export const CompanyView = lazy(() => import('./company/CompanyView').then((m) => ({ default: m.CompanyView })));

/** Starts loading the editors ahead of need (e.g. when the pane is idle after the first card). */
export function preloadEditors(): void {
  void import('./create/CreateContactPanel');
  void import('./edit/ContactEditor');
}
