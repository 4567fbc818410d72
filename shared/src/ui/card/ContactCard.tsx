import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { QualityFinding } from '../../contacts/contact-query.schema';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { useUiText } from '../i18n/useUiText';
import { CardFacts } from './CardFacts';
import { CardHeader } from './CardHeader';
import { CardSection } from './CardSection';
import { ConsentSection } from './ConsentSection';
import { hasLeadSection, LeadSection } from './LeadSection';
import { MarketingVerdict } from './MarketingVerdict';
import { NotesSection } from './NotesSection';
import { QualitySection } from './QualitySection';
import { RelationshipBadges } from './RelationshipBadges';
import { RestrictedBadge, RestrictionNotice } from './RestrictionNotice';
import { SalesWorkSections, type SalesWorkActions } from './SalesWorkSections';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ContactCardProps {
  card: SenderCard;
  /** Opens the company view; the company name becomes a link. */
  onOpenCompany?: (() => void) | undefined;
  /** Buttons of the hosting front end (edit, record consent, …), shown under the header. */
  actions?: ReactNode;
  /** Offers "Beheben" on the data-quality findings that `canFixFinding` allows. */
  onFixFinding?: ((finding: QualityFinding) => void) | undefined;
  canFixFinding?: ((finding: QualityFinding) => boolean) | undefined;
  /** Actions on the sales work the card carries (follow-ups, opportunities, activities). */
  salesWork?: SalesWorkActions | undefined;
}

// The card of a known contact: who they are, what they are to us, whether we may email them
// marketing, and what colleagues noted. Everything comes from one SenderCard.
export function ContactCard({
  card,
  onOpenCompany,
  actions,
  onFixFinding,
  canFixFinding,
  salesWork = {},
}: ContactCardProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const { contact, company } = card;
  if (!contact) return null;
  const person = contact.kind === 'person' ? contact : undefined;
  const companyName = company?.kind === 'company' ? company.name : undefined;
  // Position and department once each ("Einkauf", not "Einkauf, Einkauf").
  const subtitle = [...new Set([person?.position, person?.department].filter(Boolean))].join(', ');
  return (
    <article className={styles.card} aria-label={contact.displayName} data-testid="contact-card">
      <CardHeader
        name={contact.displayName}
        subtitle={subtitle || undefined}
        companyName={companyName}
        onOpenCompany={companyName ? onOpenCompany : undefined}
        email={card.email}
      >
        {contact.restriction && <RestrictedBadge />}
        <RelationshipBadges relationships={contact.relationships} roles={person?.roles ?? []} />
      </CardHeader>
      <RestrictionNotice restriction={contact.restriction} legalHold={contact.legalHold} />
      {contact.archived && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t(contact.lead?.status === 'lost' ? 'leadCard.lost' : 'card.archived', {
              reason: contact.archived.reason,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {actions}
      {card.marketingEmailAllowed && <MarketingVerdict decision={card.marketingEmailAllowed} />}
      {hasLeadSection(contact) && (
        <CardSection title={t('leadCard.title')}>
          <LeadSection contact={contact} />
        </CardSection>
      )}
      <SalesWorkSections card={card} actions={salesWork} />
      {card.consent && (
        <CardSection title={t('card.consent')}>
          <ConsentSection summary={card.consent} contact={contact} />
        </CardSection>
      )}
      <CardSection title={t('field.notes')}>
        <NotesSection notes={contact.notes} />
      </CardSection>
      <CardSection title={t('card.details')}>
        <CardFacts contact={contact} owner={card.owner} />
      </CardSection>
      {card.quality && card.quality.length > 0 && (
        <CardSection title={t('card.quality')}>
          <QualitySection findings={card.quality} onFix={onFixFinding} canFix={canFixFinding} />
        </CardSection>
      )}
    </article>
  );
}
