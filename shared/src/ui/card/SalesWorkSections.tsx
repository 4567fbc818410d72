import { MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { FollowUp } from '../../follow-ups/follow-up.schema';
import type { SenderCard } from '../../contacts/sender-card.schema';
import type { Opportunity } from '../../opportunities/opportunity.schema';
import { RecentActivities } from '../activities/RecentActivities';
import { OpenFollowUps } from '../follow-ups/OpenFollowUps';
import type { FollowUpNotice } from '../follow-ups/useFollowUpCompletion';
import { useUiText } from '../i18n/useUiText';
import { OpenOpportunities } from '../opportunities/OpenOpportunities';
import { CardSection } from './CardSection';

const useStyles = makeStyles({
  more: { color: tokens.colorNeutralForeground2 },
});

/** What the host offers on the card's sales work; each part shows without its action when absent. */
export interface SalesWorkActions {
  /** "Erledigt" on an open follow-up (the host has followUps:write). */
  onCompleteFollowUp?: ((followUp: FollowUp) => void) | undefined;
  completingFollowUpId?: string | undefined;
  /** What became of the last "Erledigt", shown in the follow-ups section. */
  followUpNotice?: FollowUpNotice | undefined;
  /** "Gesamte Historie" under the last activities. */
  onOpenTimeline?: (() => void) | undefined;
  /** Opens an opportunity (the Teams tab); titles are plain text without it. */
  onOpenOpportunity?: ((opportunity: Opportunity) => void) | undefined;
  /** The host shows the whole timeline beside the card (Teams drawer): no "Letzte Aktivitäten" then. */
  timelineShown?: boolean | undefined;
}

/**
 * The card's sales work (issue 12), all from the one card request: open follow-ups (due first) and
 * open opportunities (closing first), each only when there are any, with "… und N weitere" beyond
 * what the card carries; and the last three activities with the link to the whole timeline.
 */
export function SalesWorkSections({ card, actions }: { card: SenderCard; actions: SalesWorkActions }) {
  const styles = useStyles();
  const { t } = useUiText();
  const followUps = card.openFollowUps ?? [];
  const opportunities = card.openOpportunities ?? [];
  const moreFollowUps = (card.openFollowUpCount ?? followUps.length) - followUps.length;
  const moreOpportunities = (card.openOpportunityCount ?? opportunities.length) - opportunities.length;
  return (
    <>
      {(followUps.length > 0 || actions.followUpNotice) && (
        <CardSection title={t('followUp.cardTitle')}>
          {actions.followUpNotice && (
            <MessageBar intent={actions.followUpNotice.intent} layout="multiline">
              <MessageBarBody>{actions.followUpNotice.text}</MessageBarBody>
            </MessageBar>
          )}
          <OpenFollowUps
            followUps={followUps}
            onComplete={actions.onCompleteFollowUp}
            completingId={actions.completingFollowUpId}
          />
          {moreFollowUps > 0 && (
            <Text size={200} className={styles.more}>
              {t('card.moreOpen', { count: moreFollowUps })}
            </Text>
          )}
        </CardSection>
      )}
      {opportunities.length > 0 && (
        <CardSection title={t('opportunityCard.title')}>
          <OpenOpportunities opportunities={opportunities} onOpen={actions.onOpenOpportunity} />
          {moreOpportunities > 0 && (
            <Text size={200} className={styles.more}>
              {t('card.moreOpen', { count: moreOpportunities })}
            </Text>
          )}
        </CardSection>
      )}
      {card.recentActivities && !actions.timelineShown && (
        <RecentActivities activities={card.recentActivities} onOpenTimeline={actions.onOpenTimeline} />
      )}
    </>
  );
}
