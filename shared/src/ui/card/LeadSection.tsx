import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import type { Budget, Contact } from '../../contacts/contact.schema';
import { type TextKey, type UiText, useUiText } from '../i18n';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  missing: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** A budget range in whole euros, in the UI language: "10.000 € bis 50.000 €", "ab 5.000 €". */
export function budgetText({ t, language }: Pick<UiText, 't' | 'language'>, budget: Budget | undefined): string {
  const euros = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  const min = budget?.minEur === undefined ? undefined : euros.format(budget.minEur);
  const max = budget?.maxEur === undefined ? undefined : euros.format(budget.maxEur);
  if (min && max) return min === max ? min : t('leadCard.budget', { min, max });
  if (min) return t('leadCard.budgetFrom', { min });
  if (max) return t('leadCard.budgetTo', { max });
  return '';
}

/** Whether the card shows the lead section: a lead, or a contact with lead data (a won lead's history). */
export const hasLeadSection = (contact: Contact) =>
  contact.lead !== undefined || contact.relationships.includes('lead');

// Where the lead stands for the sales rep reading the mail: status, source, budget, next
// steps, timeframe and the last activity (German dates in the German UI). Missing values show
// as "–", so what is still to find out is visible too.
export function LeadSection({ contact }: { contact: Contact }) {
  const styles = useStyles();
  const text = useUiText();
  const { t, date } = text;
  const lead = contact.lead;
  // A lead without a status has not been worked on yet: "new" (as shared leadStatusOf reads it).
  const status = lead?.status ?? (contact.relationships.includes('lead') ? 'new' : undefined);
  const source = lead?.source ? [t(`leadSource.${lead.source}`), lead.sourceDetail].filter(Boolean).join(' – ') : '';
  const facts: Array<[TextKey, ReactNode, string]> = [
    ['field.leadStatus', status ? t(`leadStatus.${status}`) : '', 'lead-status'],
    ['field.leadSource', source, 'lead-source'],
    ['field.budget', budgetText(text, lead?.budget), 'lead-budget'],
    ['field.nextSteps', lead?.nextSteps ?? '', 'lead-next-steps'],
    ['field.timeframe', lead?.timeframe ?? '', 'lead-timeframe'],
    ['leadCard.lastActivity', date(lead?.lastActivityAt), 'lead-last-activity'],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([label, value, testId]) => (
        <Fragment key={label}>
          <dt className={styles.term}>{t(label)}</dt>
          <dd className={value ? styles.value : styles.missing} data-testid={testId}>
            {value || t('form.none')}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
