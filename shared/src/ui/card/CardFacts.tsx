import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import type { CardOwner } from '../../contacts/sender-card.schema';
import { type TextKey, useUiText } from '../i18n';
import { SyncStatusFact } from './SyncStatusFact';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  list: { display: 'flex', flexDirection: 'column' },
});

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
const web = (site: string) => (/^https?:\/\//i.test(site) ? site : `https://${site}`);
const HOME_COUNTRY = 'DE';

export interface CardFactsProps {
  contact: Contact;
  /** The contact's Betreuer as the card response names them. */
  owner?: CardOwner | undefined;
}

// Contact number, Betreuer, Kunde seit, tags, every way to reach them (addresses, phones,
// website, postal address), and the Microsoft 365 sync status with its time and problem.
export function CardFacts({ contact, owner }: CardFactsProps) {
  const styles = useStyles();
  const { t, date, language } = useUiText();
  // [label, value, test id, React key when a label can repeat (two business phones)]
  const facts: Array<[TextKey, ReactNode, string?, string?]> = [
    ['field.contactNumber', contact.contactNumber, 'contact-number'],
  ];
  if (owner && owner.id === contact.ownerId) facts.push(['field.owner', owner.name, 'contact-owner']);
  if (contact.customerSince) facts.push(['field.customerSince', date(contact.customerSince)]);
  if (contact.emails.length > 0) {
    const marked = contact.emails.length > 1;
    facts.push([
      contact.emails.length > 1 ? 'field.emails' : 'field.email',
      <span key="emails" className={styles.list}>
        {contact.emails.map(({ address, primary }) => (
          <span key={address}>
            <Link href={`mailto:${address}`}>{address}</Link>
            {marked && primary && ` (${t('card.emailPrimary')})`}
          </span>
        ))}
      </span>,
      'contact-emails',
    ]);
  }
  const phones: Array<[TextKey, string]> = [
    ...contact.businessPhones.map((phone): [TextKey, string] => ['field.phone', phone]),
    ...(contact.mobilePhone ? [['field.mobile', contact.mobilePhone] as [TextKey, string]] : []),
    ...contact.homePhones.map((phone): [TextKey, string] => ['field.homePhones', phone]),
  ];
  for (const [label, phone] of phones) {
    facts.push([
      label,
      <Link key={`${label}:${phone}`} href={tel(phone)}>
        {phone}
      </Link>,
      undefined,
      `${label}:${phone}`,
    ]);
  }
  if (contact.website) {
    facts.push([
      'field.website',
      <Link key="website" href={web(contact.website)} target="_blank" rel="noreferrer">
        {contact.website}
      </Link>,
    ]);
  }
  const { street, postcode, city, country } = contact.address ?? {};
  const place = [postcode, city].filter(Boolean).join(' ');
  // A foreign country is named in the UI language; the home country goes without saying.
  const abroad =
    country && country !== HOME_COUNTRY ? new Intl.DisplayNames([language], { type: 'region' }).of(country) : '';
  if (street || place || abroad) {
    facts.push(['field.address', [street, place, abroad].filter(Boolean).join(', '), 'contact-address']);
  }
  if (contact.kind === 'company' && contact.industry) facts.push(['field.industry', contact.industry]);
  if (contact.tags.length > 0) {
    facts.push([
      'field.tags',
      <span key="tags" className={styles.tags}>
        {contact.tags.map((tag) => (
          <Badge key={tag} appearance="outline" color="informative" shape="rounded">
            {tag}
          </Badge>
        ))}
      </span>,
    ]);
  }
  facts.push(['field.syncStatus', <SyncStatusFact key="sync" fields={contact} />, 'contact-sync']);
  return (
    <dl className={styles.facts}>
      {facts.map(([label, value, testId, key]) => (
        <Fragment key={key ?? label}>
          <dt className={styles.term}>{t(label)}</dt>
          <dd className={styles.value} data-testid={testId}>
            {value}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
