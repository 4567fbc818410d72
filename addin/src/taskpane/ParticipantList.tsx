import { Avatar, Badge, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { RELATIONSHIP_COLORS, relationshipBadges, useUiText } from '@klarkonform/shared/ui';
import type { CardStore } from '../features/cards/card-store';
import type { Participant } from '../features/participants/participants';

// Static class names, so the row's hover style can reach the texts inside it (as Fluent's own
// components do with their slot class names).
const SECONDARY = 'kk-ParticipantList__secondary';
const BADGE = 'kk-ParticipantList__badge';

// On a hovered or selected row every text takes the row's "Hover"/"Selected" foreground: the
// pairs Fluent designs for those backgrounds (in high contrast HighlightText on Highlight, where
// the plain foregrounds were white on cyan, 1.46:1).
const onRow = (primary: string, secondary: string) => ({
  color: primary,
  [`& .${SECONDARY}`]: { color: secondary },
  [`& .${BADGE}`]: { color: primary, borderColor: primary },
});

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  button: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      ...onRow(tokens.colorNeutralForeground1Hover, tokens.colorNeutralForeground2Hover),
    },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    ...onRow(tokens.colorNeutralForeground1Selected, tokens.colorNeutralForeground2Selected),
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  role: { color: tokens.colorNeutralForeground2 },
});

export interface ParticipantListProps {
  participants: readonly Participant[];
  selected: string | undefined;
  onSelect: (participant: Participant) => void;
  store: CardStore;
}

// Everyone on the item, each with what KlarKonform knows at a glance; choosing one shows
// their card below.
export function ParticipantList({ participants, selected, onSelect, store }: ParticipantListProps) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <ul className={styles.list} aria-label={t('pane.people')} data-testid="participants">
      {participants.map((person) => {
        const entry = store.get(person.email);
        const card = entry?.card;
        const badge = card?.contact ? relationshipBadges(card.contact.relationships)[0] : undefined;
        const isSelected = person.email === selected;
        return (
          <li key={person.email}>
            <button
              type="button"
              className={mergeClasses(styles.button, isSelected && styles.selected)}
              aria-pressed={isSelected}
              onClick={() => onSelect(person)}
            >
              <Avatar name={person.name} size={28} color="colorful" aria-hidden />
              <span className={styles.text}>
                <Text weight={isSelected ? 'semibold' : 'regular'} className={styles.ellipsis}>
                  {card?.contact?.displayName ?? person.name}
                </Text>
                <Text size={200} className={mergeClasses(SECONDARY, styles.role, styles.ellipsis)}>
                  {t(`participant.${person.role}`)} · {person.email}
                </Text>
              </span>
              {!card && entry?.loading && <Spinner size="extra-tiny" aria-hidden />}
              {card?.status === 'unknown' && (
                <Badge appearance="outline" color="informative" className={BADGE}>
                  {t('pane.unknownShort')}
                </Badge>
              )}
              {badge && (
                <Badge appearance="filled" color={RELATIONSHIP_COLORS[badge]}>
                  {t(`relationship.${badge}`)}
                </Badge>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
