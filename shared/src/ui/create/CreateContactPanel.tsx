import type { Contact, ContactSummary } from '../../contacts/contact.schema';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { useUiText } from '../i18n/useUiText';
import { initialDraft } from './create-model';
import { CreateContactForm } from './CreateContactForm';

export interface CreateContactPanelProps {
  card: SenderCard;
  /** The name Outlook shows for the sender. */
  displayName: string;
  onCreated: (contact: Contact) => void;
  onOpenExisting: (contact: ContactSummary) => void;
  onCancel: () => void;
}

// "Kontakt anlegen" in the Outlook pane, prefilled from the card's suggestion; the company is
// the one matched by the sender's domain, a new one created in the same step, another one
// searched, or none (free-mail senders).
export function CreateContactPanel({
  card,
  displayName,
  onCreated,
  onOpenExisting,
  onCancel,
}: CreateContactPanelProps) {
  const { t } = useUiText();
  return (
    <CreateContactForm
      initial={initialDraft(card, displayName)}
      label={t('create.heading')}
      onCreated={onCreated}
      onOpenExisting={onOpenExisting}
      onCancel={onCancel}
    />
  );
}
