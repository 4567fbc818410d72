import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Opportunity } from '../../opportunities/opportunity.schema';
import { useUiText } from '../i18n';
import { formatEuro } from './money-input';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { overflowWrap: 'anywhere' },
  link: { justifyContent: 'flex-start', padding: 0, minWidth: 0, height: 'auto', textAlign: 'left' },
  facts: { color: tokens.colorNeutralForeground2 },
  none: { color: tokens.colorNeutralForeground3, margin: 0 },
});

export interface OpenOpportunitiesProps {
  /** The contact's open opportunities, in the order to show (the API's: close date, then title). */
  opportunities: readonly Opportunity[];
  /** Opens one (e.g. in the Teams tab); without it titles are plain text. */
  onOpen?: (opportunity: Opportunity) => void;
}

/**
 * The open opportunities of a contact for the card, read-only: title, stage, amount in euros and
 * expected close date, in the UI language ("Angebot · 12.345,00 € · Abschluss 31.12.2026").
 * Content of a card section: the card puts it under the heading `opportunityCard.title`.
 */
export function OpenOpportunities({ opportunities, onOpen }: OpenOpportunitiesProps) {
  const styles = useStyles();
  const { t, date, language } = useUiText();
  if (opportunities.length === 0) return <p className={styles.none}>{t('opportunityCard.none')}</p>;
  return (
    <ul className={styles.list} aria-label={t('opportunityCard.list')} data-testid="open-opportunities">
      {opportunities.map((o) => {
        const close = o.expectedCloseDate
          ? t('opportunityCard.closeDate', { date: date(o.expectedCloseDate) })
          : t('opportunityCard.noCloseDate');
        const facts = [t(`opportunityStage.${o.stage}`), formatEuro(o.amountCents, language), close].join(' · ');
        return (
          <li key={o.id} className={styles.item}>
            {onOpen ? (
              <Button
                appearance="transparent"
                className={styles.link}
                aria-label={t('opportunityCard.open', { title: o.title })}
                onClick={() => onOpen(o)}
              >
                <Text weight="semibold" className={styles.title}>
                  {o.title}
                </Text>
              </Button>
            ) : (
              <Text weight="semibold" className={styles.title}>
                {o.title}
              </Text>
            )}
            <Text size={200} className={styles.facts}>
              {facts}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
