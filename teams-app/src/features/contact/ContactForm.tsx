import type { ConsentChannel } from '@klarkonform/shared';
import {
  CardSkeleton,
  CompanyView,
  ConsentEventForm,
  type Contact,
  ContactEditor,
  NotesEditor,
  type SenderCard,
} from '@klarkonform/shared/ui';
import { Suspense } from 'react';
import type { ContactTarget } from './load-card';

/** The view over the card: the editor (maybe at a field), the consent form (maybe on a channel), notes, company. */
export type FormMode =
  | { kind: 'company' }
  | { kind: 'notes' }
  | { kind: 'edit'; focusField?: string | undefined }
  | { kind: 'consent'; channel?: ConsentChannel | undefined };

export interface ContactFormProps {
  mode: FormMode;
  /** The card the view belongs to; it holds a contact. */
  card: SenderCard;
  /** Saved, and the form is done (editor, consent form). */
  onSaved: (contact: Contact) => void;
  /** Saved while the form stays open (notes, a lead action of the editor's status field). */
  onChanged: (contact: Contact) => void;
  onClose: () => void;
  onOpenContact: (target: ContactTarget) => void;
  onNotesDirty?: ((dirty: boolean) => void) | undefined;
}

// The shared editors and the company view, loaded on demand, for the drawer and the search.
export function ContactForm({
  mode,
  card,
  onSaved,
  onChanged,
  onClose,
  onOpenContact,
  onNotesDirty,
}: ContactFormProps) {
  const contact = card.contact;
  const company = contact?.kind === 'company' ? contact : card.company;
  if (!contact) return null;
  return (
    <Suspense fallback={<CardSkeleton />}>
      {mode.kind === 'edit' && (
        <ContactEditor
          contact={contact}
          companyName={card.company?.kind === 'company' ? card.company.name : undefined}
          focusField={mode.focusField}
          onCancel={onClose}
          onChanged={onChanged}
          onSaved={onSaved}
          onOpenContact={(found) => onOpenContact({ id: found.id, email: found.email })}
        />
      )}
      {mode.kind === 'consent' && (
        <ConsentEventForm contact={contact} channel={mode.channel} onCancel={onClose} onSaved={onSaved} />
      )}
      {mode.kind === 'notes' && (
        <NotesEditor
          key={contact.id}
          contact={contact}
          onClose={onClose}
          onDirtyChange={onNotesDirty}
          // The editor stays open and shows the saved notes; the card and the list follow.
          onChanged={onChanged}
        />
      )}
      {mode.kind === 'company' && company && (
        <CompanyView
          company={company}
          people={card.companyPeople ?? []}
          onOpenPerson={(person) => onOpenContact({ id: person.id })}
          onBack={onClose}
        />
      )}
    </Suspense>
  );
}
