import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Role } from '@klarkonform/shared';
import { type CompanyPerson, RelationshipBadges, useUiText } from '@klarkonform/shared/ui';
import { useId } from 'react';
import { useTabText } from '../../i18n/useTabText';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  heading: { margin: 0 },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  person: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, gap: tokens.spacingVerticalXXS },
  secondary: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface CompanyPeopleFixProps {
  companyName: string;
  people: readonly CompanyPerson[];
  /** The role the company lacks ("Kein Entscheider", "Kein Rechnungskontakt"). */
  role: Extract<Role, 'decisionMaker' | 'billingContact'>;
  /** Opens the person's editor at their roles. */
  onEditRoles: (person: CompanyPerson) => void;
  /** Offers a new person at the company when the right one is not known yet. */
  onAddPerson?: (() => void) | undefined;
  onClose: () => void;
}

// "Kein Entscheider definiert" / "Kein Rechnungskontakt" are fixed on a person: the company's
// people with their roles, each with the way to their roles in the editor.
export function CompanyPeopleFix({
  companyName,
  people,
  role,
  onEditRoles,
  onAddPerson,
  onClose,
}: CompanyPeopleFixProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const { tt } = useTabText();
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="people-fix">
      <Text as="h3" id={headingId} weight="semibold" className={styles.heading}>
        {tt(`fix.roleTitle.${role}`, { company: companyName })}
      </Text>
      <Text>{tt('fix.roleText', { role: t(`role.${role}`) })}</Text>
      {people.length === 0 && <Text>{tt('fix.noPeople')}</Text>}
      <ul className={styles.people} aria-label={t('card.companyPeople', { company: companyName })}>
        {people.map((person) => (
          <li key={person.id} className={styles.person}>
            <div className={styles.who}>
              <Text weight="semibold" id={`${headingId}-${person.id}`}>
                {person.displayName}
              </Text>
              {person.position && (
                <Text size={200} className={styles.secondary}>
                  {person.position}
                </Text>
              )}
              <RelationshipBadges relationships={[]} roles={person.roles} />
            </div>
            <Button aria-describedby={`${headingId}-${person.id}`} onClick={() => onEditRoles(person)}>
              {tt('fix.editRoles')}
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        {onAddPerson && <Button onClick={onAddPerson}>{tt('fix.addPerson')}</Button>}
        <Button appearance="subtle" onClick={onClose}>
          {tt('common.close')}
        </Button>
      </div>
    </section>
  );
}
