import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CompanyPerson } from '../../contacts/sender-card.schema';
import type { Contact } from '../../contacts/contact.schema';
import { primaryEmail } from '../../contacts/contact.rules';
import { CardFacts } from '../card/CardFacts';
import { CardHeader } from '../card/CardHeader';
import { CardSection } from '../card/CardSection';
import { NotesSection } from '../card/NotesSection';
import { RelationshipBadges } from '../card/RelationshipBadges';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  back: { alignSelf: 'flex-start' },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  person: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface CompanyViewProps {
  company: Contact;
  people: readonly CompanyPerson[];
  onOpenPerson?: ((person: CompanyPerson) => void) | undefined;
  onBack: () => void;
}

// The company behind a card: its data and the people we know there with their roles.
export function CompanyView({ company, people, onOpenPerson, onBack }: CompanyViewProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const name = company.displayName;
  return (
    <article className={styles.root} aria-label={name} data-testid="company-view">
      <Button appearance="subtle" className={styles.back} onClick={onBack}>
        ← {t('pane.back')}
      </Button>
      <CardHeader name={name} email={primaryEmail(company)}>
        <RelationshipBadges relationships={company.relationships} />
      </CardHeader>
      <CardSection title={t('card.companyPeople', { company: name })}>
        {people.length === 0 && <Text>{t('card.noPeople')}</Text>}
        <ul className={styles.people}>
          {people.map((person) => (
            <li key={person.id} className={styles.person}>
              {onOpenPerson ? (
                <Link onClick={() => onOpenPerson(person)}>{person.displayName}</Link>
              ) : (
                <Text weight="semibold">{person.displayName}</Text>
              )}
              {person.position && (
                <Text size={200} className={styles.secondary}>
                  {person.position}
                </Text>
              )}
              <RelationshipBadges relationships={[]} roles={person.roles} />
            </li>
          ))}
        </ul>
      </CardSection>
      <CardSection title={t('field.notes')}>
        <NotesSection notes={company.notes} />
      </CardSection>
      <CardSection title={t('card.details')}>
        <CardFacts contact={company} />
      </CardSection>
    </article>
  );
}
