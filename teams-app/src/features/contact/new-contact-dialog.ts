// The one place the data care reaches the shared create dialog (`NewContactDialog` of
// `@klarkonform/shared/ui`, loaded on first use: render it inside Suspense).
export { NewContactDialog } from '@klarkonform/shared/ui';
