import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Relationship, Role } from '../../contacts/contact-enums.schema';
import { useUiText } from '../i18n/useUiText';
import { RELATIONSHIP_COLORS, relationshipBadges } from './card-labels';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

export function RelationshipBadges({
  relationships,
  roles = [],
}: {
  relationships: readonly Relationship[];
  roles?: readonly Role[];
}) {
  const styles = useStyles();
  const { t } = useUiText();
  const badges = relationshipBadges(relationships);
  if (badges.length === 0 && roles.length === 0) return null;
  return (
    <ul className={styles.row} aria-label={`${t('field.relationships')}, ${t('field.roles')}`}>
      {badges.map((badge) => (
        <li key={badge}>
          <Badge appearance="filled" color={RELATIONSHIP_COLORS[badge]}>
            {t(`relationship.${badge}`)}
          </Badge>
        </li>
      ))}
      {roles.map((role) => (
        <li key={role}>
          <Badge appearance="tint" color="informative">
            {t(`role.${role}`)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
