import { ActionForm } from './ActionForm';
import { usePrivacyText } from './usePrivacyText';

/** The contact actions that ask for a few details first. */
export type Action = 'restrict' | 'objection' | 'hold' | 'doi';

export interface ContactActionFormProps {
  action: Action;
  busy: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}

// The details each action asks for: a restriction's note, an objection's source and proof, a
// legal hold's reason, a double opt-in's channel and occasion.
export function ContactActionForm({ action, busy, onSubmit, onCancel }: ContactActionFormProps) {
  const { pt } = usePrivacyText();
  const optional = (key: Parameters<typeof pt>[0]) => `${pt(key)} ${pt('common.optional')}`;
  const common = { busy, onSubmit, onCancel };
  switch (action) {
    case 'restrict':
      return (
        <ActionForm
          {...common}
          label={pt('contact.restrict')}
          confirm={pt('contact.restrictConfirm')}
          fields={[{ name: 'note', label: optional('contact.restrictNote'), multiline: true, maxLength: 1000 }]}
        />
      );
    case 'objection':
      return (
        <ActionForm
          {...common}
          label={pt('contact.objection')}
          confirm={pt('contact.objectionConfirm')}
          fields={[
            { name: 'source', label: pt('contact.objectionSource'), required: true, maxLength: 200 },
            { name: 'proof', label: optional('contact.objectionProof'), multiline: true, maxLength: 1000 },
          ]}
        />
      );
    case 'hold':
      return (
        <ActionForm
          {...common}
          label={pt('contact.hold')}
          confirm={pt('contact.holdConfirm')}
          fields={[
            { name: 'reason', label: pt('contact.holdReason'), required: true, multiline: true, maxLength: 1000 },
          ]}
        />
      );
    case 'doi':
      return (
        <ActionForm
          {...common}
          label={pt('contact.doi')}
          confirm={pt('contact.doiConfirm')}
          fields={[
            {
              name: 'channel',
              label: pt('contact.doiChannel'),
              maxLength: 20,
              options: [
                ['newsletter', 'Newsletter'],
                ['email', pt('channel.email')],
              ],
            },
            { name: 'source', label: pt('contact.doiSource'), required: true, maxLength: 200 },
          ]}
        />
      );
  }
}
