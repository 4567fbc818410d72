import * as sharedUi from '@klarkonform/shared/ui';
import type { Contact, ContactSummary } from '@klarkonform/shared/ui';
import type { ComponentType } from 'react';

/**
 * The contract of the shared create dialog (`NewContactDialog` of `@klarkonform/shared/ui`,
 * shared/src/ui/create/, built alongside this view): a new person or company, for a person
 * optionally at a given company.
 */
export interface NewContactDialogProps {
  open: boolean;
  kind?: 'person' | 'company';
  companyId?: string;
  companyName?: string;
  onCreated(contact: Contact): void;
  onCancel(): void;
  /** "Vorhandenen öffnen" for a possible duplicate. */
  onOpenExisting?(contact: ContactSummary): void;
}

// The one place the data care reaches the shared dialog. Until the shared UI exports it, the
// lookup finds nothing and "Beheben" is not offered for "Keine Ansprechpartner"; once it is
// there, this becomes a plain `import { NewContactDialog } from '@klarkonform/shared/ui'`.
const shared: Readonly<Record<string, unknown>> = sharedUi;

/** The shared create dialog (loaded on first use: render it inside Suspense), or undefined in a build without it. */
export const NewContactDialog = shared.NewContactDialog as ComponentType<NewContactDialogProps> | undefined;
