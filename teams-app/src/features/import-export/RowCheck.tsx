import { Badge, type BadgeProps, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ImportRowPreview, ImportVerdict } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorNeutralForeground2 },
  secondary: { color: tokens.colorNeutralForeground2 },
});

const VERDICT_COLORS: Record<ImportVerdict, BadgeProps['color']> = {
  new: 'success',
  duplicate: 'warning',
  fileDuplicate: 'warning',
  alreadyImported: 'informative',
  invalid: 'danger',
};

// A row's check: its duplicate verdict (of whom: contact and number, or the earlier row of the
// file), its problems (errors fail the row, warnings leave a value out), and a last run's result.
export function RowCheck({ row }: { row: ImportRowPreview }) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { t } = useUiText();
  const best = row.candidates[0];
  return (
    <div className={styles.root}>
      <Badge appearance="tint" color={VERDICT_COLORS[row.verdict]}>
        {t(`importVerdict.${row.verdict}`)}
      </Badge>
      {best && (row.verdict === 'duplicate' || row.verdict === 'alreadyImported') && (
        <Text size={200}>
          {xt('preview.duplicateOf', {
            name: best.contact.displayName,
            number: best.contact.contactNumber,
            reasons: best.reasons.map((reason) => t(`duplicateReason.${reason}`)).join(', '),
          })}
        </Text>
      )}
      {row.sameAsRow !== undefined && <Text size={200}>{xt('preview.sameAsRow', { row: row.sameAsRow })}</Text>}
      {row.problems.length > 0 && (
        <ul className={styles.problems} aria-label={xt('preview.problemsOf', { row: row.row })}>
          {row.problems.map((problem, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's problems have no id and never reorder.
              key={index}
              className={problem.severity === 'error' ? styles.error : styles.warning}
            >
              <Text size={200} className={problem.severity === 'error' ? styles.error : styles.warning}>
                {[
                  problem.column ?? (problem.target ? t(`importTarget.${problem.target}`) : undefined),
                  problem.value !== undefined ? xt('quoted', { value: problem.value }) : undefined,
                ]
                  .filter(Boolean)
                  .join(' ')}
                {problem.column || problem.target || problem.value !== undefined ? ': ' : ''}
                {t(`importRowProblem.${problem.code}`)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {row.result && (
        <Text size={200} className={styles.secondary}>
          {xt(row.result.mode === 'dryRun' ? 'preview.wouldBe' : 'preview.was', {
            outcome: t(`importOutcome.${row.result.outcome}`),
          })}
          {row.result.contactNumber ? ` (${row.result.contactNumber})` : ''}
          {row.result.reason ? ` – ${t(`importRowProblem.${row.result.reason.code}`)}` : ''}
        </Text>
      )}
    </div>
  );
}
