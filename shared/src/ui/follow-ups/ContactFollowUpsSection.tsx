import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { CardSection } from '../card/CardSection';
import { useUiText } from '../i18n/useUiText';
import { OpenFollowUps } from './OpenFollowUps';
import { useContactFollowUps } from './useContactFollowUps';

export interface ContactFollowUpsSectionProps {
  contactId: string;
  /** Changes when a follow-up was created for the contact: the list is read again. */
  generation?: number;
  /** The user may complete follow-ups (followUps:write). */
  canComplete: boolean;
}

/**
 * "Offene Wiedervorlagen" of a contact with "Erledigt", reading them itself (one request after
 * the card). Nothing while there are none. When the sender card carries the open follow-ups
 * (GET /cards), a host shows them with OpenFollowUps directly instead.
 */
export function ContactFollowUpsSection({ contactId, generation = 0, canComplete }: ContactFollowUpsSectionProps) {
  const { t } = useUiText();
  const { followUps, completingId, notice, complete } = useContactFollowUps(contactId, generation);
  if (!notice && (!followUps || followUps.length === 0)) return null;
  return (
    <CardSection title={t('followUp.cardTitle')}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <OpenFollowUps
        followUps={followUps ?? []}
        completingId={completingId}
        onComplete={canComplete ? complete : undefined}
      />
    </CardSection>
  );
}
