import { Badge, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { RelationshipBadges } from '@klarkonform/shared/ui';
import type { CardStore } from '../features/cards/card-store';
import { type ConsentBadge, consentBadgeOf } from './consent-badge';
import type { Recipient } from './recipients';
import { useComposeText } from './useComposeText';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

const BADGE_COLOR: Record<ConsentBadge, 'success' | 'danger' | 'warning' | 'informative'> = {
  allowed: 'success',
  softOptIn: 'success',
  optedOut: 'danger',
  none: 'warning',
  unknown: 'informative',
};
const BADGE_TEXT = {
  allowed: 'compose.consent.allowed',
  softOptIn: 'compose.consent.softOptIn',
  optedOut: 'compose.consent.optedOut',
  none: 'compose.consent.none',
  unknown: 'compose.consent.unknown',
} as const;

export interface RecipientCardsProps {
  recipients: readonly Recipient[];
  store: CardStore;
}

/** The recipients in short: name, company, relationship and the e-mail marketing consent badge. */
export function RecipientCards({ recipients, store }: RecipientCardsProps) {
  const styles = useStyles();
  const { c, t } = useComposeText();
  return (
    <ul className={styles.list} aria-label={c('compose.recipients')}>
      {recipients.map((recipient) => {
        const entry = store.get(recipient.email);
        const card = entry?.card;
        const badge = card ? consentBadgeOf(card) : undefined;
        const contact = card?.status === 'known' ? card.contact : undefined;
        const company = contact?.kind === 'person' ? card?.company?.displayName : undefined;
        return (
          <li key={recipient.key} className={styles.item} data-testid="recipient" data-email={recipient.key}>
            <div className={styles.line}>
              <Text weight="semibold" className={styles.name}>
                {contact?.displayName ?? recipient.name}
              </Text>
              <Text size={200} className={styles.secondary}>
                {c(`compose.field.${recipient.field}`)}
              </Text>
            </div>
            {(contact || recipient.name !== recipient.email) && (
              <Text size={200} className={styles.secondary}>
                {contact ? [company, recipient.email].filter(Boolean).join(' · ') : recipient.email}
              </Text>
            )}
            <div className={styles.line}>
              {contact && <RelationshipBadges relationships={contact.relationships} />}
              {badge ? (
                <Badge
                  appearance="tint"
                  color={BADGE_COLOR[badge]}
                  data-testid="consent-badge"
                  data-consent={badge}
                  title={
                    card?.marketingEmailAllowed ? t(`consentReason.${card.marketingEmailAllowed.reason}`) : undefined
                  }
                >
                  {c(BADGE_TEXT[badge])}
                </Badge>
              ) : entry?.loading ? (
                <Spinner size="extra-tiny" aria-label={c('compose.loadingCards')} />
              ) : entry?.error ? (
                <Button size="small" appearance="subtle" onClick={() => void store.load([recipient], true)}>
                  {c('compose.retry')}
                </Button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
