import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { DemoMailItem } from '@klarkonform/shared/ui';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorTransparentStroke}`,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  // The "Selected" foregrounds pair with the selected background: in high contrast that is
  // HighlightText on Highlight (white on cyan was unreadable).
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    color: tokens.colorNeutralForeground1Selected,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
  secondarySelected: { color: tokens.colorNeutralForeground2Selected },
});

export interface MailListProps {
  items: readonly DemoMailItem[];
  selected: string;
  onSelect: (key: string) => void;
  label: string;
  meetingLabel: string;
}

export function MailList({ items, selected, onSelect, label, meetingLabel }: MailListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((item) => {
        const sender = item.kind === 'message' ? item.from?.name : `${meetingLabel}: ${item.organizer?.name ?? ''}`;
        return (
          <li key={item.key}>
            <button
              type="button"
              className={mergeClasses(styles.item, item.key === selected && styles.selected)}
              aria-pressed={item.key === selected}
              onClick={() => onSelect(item.key)}
            >
              <span className={styles.line}>
                <Text weight="semibold">{sender}</Text>
                <Text
                  size={200}
                  className={mergeClasses(styles.secondary, item.key === selected && styles.secondarySelected)}
                >
                  {item.received}
                </Text>
              </span>
              <Text size={200}>{item.subject}</Text>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
