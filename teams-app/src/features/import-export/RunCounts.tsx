import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { IMPORT_OUTCOMES, type ImportCounts } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

// The outcomes of a run, as a list of figures (Angelegt 12, Zusammengeführt 1, …); `label`
// names the list for screen readers ("Ergebnis", "Probelauf").
export function RunCounts({ counts, label }: { counts: ImportCounts; label: string }) {
  const styles = useStyles();
  const { count } = useImportExportText();
  const { t } = useUiText();
  return (
    <dl className={styles.list} aria-label={label}>
      {IMPORT_OUTCOMES.map((outcome) => (
        <div key={outcome} className={styles.item} data-outcome={outcome}>
          <dt className={styles.label}>{t(`importOutcome.${outcome}`)}</dt>
          <dd className={styles.value}>
            <Text size={600} weight="semibold">
              {count(counts[outcome])}
            </Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
