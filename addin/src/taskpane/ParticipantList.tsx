import { Avatar, Badge, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { RELATIONSHIP_COLORS, relationshipBadges, useUiText } from '@klarkonform/shared/ui';
import type { CardStore } from '../features/cards/card-store';
import type { Participant } from '../features/participants/participants';

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
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // "Selected" foregrounds on the selected background: HighlightText on Highlight in high contrast.
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    color: tokens.colorNeutralForeground1Selected,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  roleSelected: { color: tokens.colorNeutralForeground2Selected },
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
                <Text
                  size={200}
                  className={mergeClasses(styles.role, styles.ellipsis, isSelected && styles.roleSelected)}
                >
                  {t(`participant.${person.role}`)} · {person.email}
                </Text>
              </span>
              {!card && entry?.loading && <Spinner size="extra-tiny" aria-hidden />}
              {card?.status === 'unknown' && (
                <Badge appearance="outline" color="informative">
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
