import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { createDateFormat, type DemoMailItem, demoReceivedAt, type Language } from '@klarkonform/shared/ui';
import { useMemo } from 'react';

// A static class name, so the row's hover style reaches the secondary text inside it.
const SECONDARY = 'kk-MailList__secondary';

// A hovered or selected row's texts take the foregrounds Fluent pairs with those backgrounds:
// in high contrast HighlightText on Highlight (the plain foregrounds were white on cyan).
const onRow = (primary: string, secondary: string) => ({
  color: primary,
  [`& .${SECONDARY}`]: { color: secondary },
});

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
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      ...onRow(tokens.colorNeutralForeground1Hover, tokens.colorNeutralForeground2Hover),
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    ...onRow(tokens.colorNeutralForeground1Selected, tokens.colorNeutralForeground2Selected),
  },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface MailListProps {
  items: readonly DemoMailItem[];
  selected: string;
  onSelect: (key: string) => void;
  label: string;
  meetingLabel: string;
  /** The demo page's language: arrival times are shown in it ("Gestern", "Yesterday"). */
  language: Language;
}

export function MailList({ items, selected, onSelect, label, meetingLabel, language }: MailListProps) {
  const styles = useStyles();
  const dates = useMemo(() => createDateFormat(language), [language]);
  const now = new Date();
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
                <Text size={200} className={mergeClasses(SECONDARY, styles.secondary)}>
                  {dates.relative(demoReceivedAt(item.received, now), now)}
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
