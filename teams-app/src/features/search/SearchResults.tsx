import { Badge, Link, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { type ContactListItem, RelationshipBadges, RestrictedBadge, useUiText } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { contactFacts } from '../contact/contact-facts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  result: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  // On Brand Background 2 the brand text is Brand Foreground 2, Fluent's pair for it (the link
  // colour measured 4.04:1 there in Teams' dark theme).
  selectedName: {
    color: tokens.colorBrandForeground2,
    ':hover': { color: tokens.colorBrandForeground2Hover },
  },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface SearchResultsProps {
  items: readonly ContactListItem[];
  selectedId: string | undefined;
  onSelect: (contact: ContactListItem) => void;
}

// The hits: name (opens the card), what it is, company or email, number, relationships; a hit
// found only by sound (Kölner Phonetik) is marked "ähnlich geschrieben".
export function SearchResults({ items, selectedId, onSelect }: SearchResultsProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const { t } = useUiText();
  return (
    <ul className={styles.list} aria-label={tt('search.results')}>
      {items.map((contact) => {
        const selected = contact.id === selectedId;
        return (
          <li key={contact.id} className={mergeClasses(styles.result, selected && styles.selected)}>
            <div className={styles.heading}>
              <Link
                as="button"
                className={mergeClasses(styles.name, selected && styles.selectedName)}
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(contact)}
              >
                {contact.displayName}
              </Link>
              {contact.match === 'phonetic' && (
                <Badge appearance="tint" color="informative" data-testid="similar-spelling">
                  {tt('search.similar')}
                </Badge>
              )}
              {contact.restricted && <RestrictedBadge />}
            </div>
            <Text size={200} className={styles.secondary}>
              {contactFacts(contact, t)}
            </Text>
            <RelationshipBadges relationships={contact.relationships} />
          </li>
        );
      })}
    </ul>
  );
}
