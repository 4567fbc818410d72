import { forwardRef, useImperativeHandle } from 'react';
import { CardSection } from '../card/CardSection';
import { useUiText } from '../i18n/useUiText';
import { Timeline } from './Timeline';
import { useTimeline } from './useTimeline';

export interface ContactTimelineProps {
  contactId: string;
  /** The contact's name, for the list's accessible name ("Kontakthistorie von …"). */
  name?: string;
}

/** What a host can ask of the section: read the first page again (after a new entry). */
export interface ContactTimelineHandle {
  reload: () => void;
}

/**
 * The "Kontakthistorie" section of a contact view: the contact's timeline (for a company with its
 * people's entries), loaded page by page from the API of ApiContext.
 */
export const ContactTimeline = forwardRef<ContactTimelineHandle, ContactTimelineProps>(function ContactTimeline(
  { contactId, name },
  ref,
) {
  const { t } = useUiText();
  const timeline = useTimeline(contactId);
  useImperativeHandle(ref, () => ({ reload: timeline.reload }), [timeline.reload]);
  return (
    <CardSection title={t('activity.timeline')}>
      <Timeline
        items={timeline.items}
        loading={timeline.loading}
        failed={timeline.failed}
        hasMore={timeline.hasMore}
        onMore={timeline.more}
        onRetry={timeline.reload}
        label={name ? `${t('activity.timeline')}: ${name}` : undefined}
      />
    </CardSection>
  );
});
