import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import { type TextKey, useUiText } from '../i18n';

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
});

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
const web = (site: string) => (/^https?:\/\//i.test(site) ? site : `https://${site}`);

// Contact number, Kunde seit, tags, how to reach them, and the Outlook sync status.
export function CardFacts({ contact }: { contact: Contact }) {
  const styles = useStyles();
  const { t, date } = useUiText();
  // [label, value, test id, React key when a label can repeat (two business phones)]
  const facts: Array<[TextKey, ReactNode, string?, string?]> = [
    ['field.contactNumber', contact.contactNumber, 'contact-number'],
  ];
  if (contact.customerSince) facts.push(['field.customerSince', date(contact.customerSince)]);
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
  const { street, postcode, city } = contact.address ?? {};
  const place = [postcode, city].filter(Boolean).join(' ');
  if (street || place) facts.push(['field.address', [street, place].filter(Boolean).join(', ')]);
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
  facts.push(['field.syncStatus', t(`syncStatus.${contact.syncStatus}`)]);
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
