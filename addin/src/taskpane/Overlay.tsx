import {
  CompanyView,
  ConsentEventForm,
  type Contact,
  ContactEditor,
  type ContactSummary,
  CreateContactPanel,
  type FollowUp,
  FollowUpForm,
  NotesEditor,
  type SenderCard,
} from '@klarkonform/shared/ui';
import { lazy } from 'react';
import type { Participant } from '../features/participants/participants';
import type { PersonAction } from './PersonView';

// The whole timeline loads when asked for ("Gesamte Historie"), not with the pane.
const TimelineView = lazy(() =>
  import('../features/activities/TimelineView').then((m) => ({ default: m.TimelineView })),
);

export interface OverlayState {
  action: PersonAction;
  person: Participant;
  card: SenderCard;
  /** The item switch the overlay was opened on. */
  switchId: number;
  /** The editor opens at this field path (a data-quality finding's). */
  focusField?: string | undefined;
}

export interface OverlayProps {
  overlay: OverlayState;
  /** A contact was created or changed: refresh the person's card (and close, unless `keepOpen`). */
  onChanged: (contact: Contact, keepOpen?: boolean) => void;
  onOpenContact: (contact: Pick<ContactSummary, 'id' | 'displayName' | 'email'>) => void;
  onClose: () => void;
  /** The notes editor has unsaved text (the pane asks before an item switch closes it). */
  onNotesDirty: (dirty: boolean) => void;
  /** A follow-up was created for the contact. */
  onFollowUpSaved: (followUp: FollowUp) => void;
}

// The lazily loaded views over the card: create, edit, consent, notes, follow-up, company, timeline.
export function Overlay({ overlay, onChanged, onOpenContact, onClose, onNotesDirty, onFollowUpSaved }: OverlayProps) {
  const { action, card, person } = overlay;
  const contact = card.contact;
  switch (action) {
    case 'create':
      return (
        <CreateContactPanel
          card={card}
          displayName={person.name}
          onCreated={(created) => onChanged(created)}
          onOpenExisting={onOpenContact}
          onCancel={onClose}
        />
      );
    case 'edit':
      return contact ? (
        <ContactEditor
          contact={contact}
          focusField={overlay.focusField}
          companyName={contact.kind === 'person' && card.company?.kind === 'company' ? card.company.name : undefined}
          onSaved={(saved) => onChanged(saved)}
          onChanged={(saved) => onChanged(saved, true)}
          onCancel={onClose}
          onOpenContact={onOpenContact}
        />
      ) : null;
    case 'consent':
      return contact ? (
        <ConsentEventForm contact={contact} onSaved={(saved) => onChanged(saved)} onCancel={onClose} />
      ) : null;
    case 'notes':
      return contact ? (
        <NotesEditor
          key={contact.id}
          contact={contact}
          onChanged={(changed) => onChanged(changed, true)}
          onClose={onClose}
          onDirtyChange={onNotesDirty}
        />
      ) : null;
    case 'followUp':
      return contact ? (
        <FollowUpForm contact={contact} ownerName={card.owner?.name} onSaved={onFollowUpSaved} onCancel={onClose} />
      ) : null;
    case 'timeline':
      return contact ? <TimelineView contactId={contact.id} name={contact.displayName} onBack={onClose} /> : null;
    case 'company': {
      const company = contact?.kind === 'company' ? contact : card.company;
      if (!company) return null;
      return (
        <CompanyView
          company={company}
          people={card.companyPeople ?? []}
          onOpenPerson={(p) => onOpenContact({ id: p.id, displayName: p.displayName })}
          onBack={onClose}
        />
      );
    }
  }
}
