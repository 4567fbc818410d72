import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { MirrorCounts } from '@klarkonform/shared/ui';
import { COUNT_ORDER } from './mirror-model';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  tiles: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke2}`,
  },
  synced: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  pending: { borderLeftColor: tokens.colorPaletteYellowBorderActive },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  figure: { fontVariantNumeric: 'tabular-nums' },
  failing: { color: tokens.colorPaletteRedForeground1 },
  label: { color: tokens.colorNeutralForeground2 },
});

// The contacts per sync status as five tiles: Synchronisiert, Ausstehend, Fehler, Ohne E-Mail,
// Deaktiviert. Each reads as "12 Synchronisiert".
export function MirrorCountTiles({ counts }: { counts: MirrorCounts }) {
  const styles = useStyles();
  const { mt } = useMirrorText();
  return (
    <ul className={styles.tiles} aria-label={mt('mirror.counts')}>
      {COUNT_ORDER.map((key) => {
        const accent = key === 'synced' || key === 'pending' || key === 'error' ? styles[key] : undefined;
        return (
          <li key={key} className={mergeClasses(styles.tile, accent)} data-testid={`mirror-count-${key}`}>
            <Text
              size={700}
              weight="semibold"
              className={mergeClasses(styles.figure, key === 'error' && counts.error > 0 && styles.failing)}
            >
              {counts[key]}
            </Text>{' '}
            <Text className={styles.label}>{mt(`count.${key}`)}</Text>
          </li>
        );
      })}
    </ul>
  );
}
