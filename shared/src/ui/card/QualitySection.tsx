import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { QualityFinding } from '../../contacts/contact-query.schema';
import { useUiText } from '../i18n';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  text: { flexGrow: 1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

const MARKS = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;

export interface QualitySectionProps {
  findings: readonly QualityFinding[];
  /** Offers "Beheben" on each finding (the first of its code) that `canFix` allows. */
  onFix?: ((finding: QualityFinding) => void) | undefined;
  canFix?: ((finding: QualityFinding) => boolean) | undefined;
}

// Data-quality hints ("Kein Entscheider definiert"), worst first, each with "Beheben" where the
// host can lead to the fix.
export function QualitySection({ findings, onFix, canFix }: QualitySectionProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const idPrefix = useId();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  // One line per finding code: a code raised for several fields reads the same each time.
  const unique = sorted.filter((f, i) => sorted.findIndex((g) => g.code === f.code) === i);
  return (
    <ul className={styles.list} aria-label={t('card.quality')}>
      {unique.map((finding) => {
        const textId = `${idPrefix}-${finding.code}`;
        return (
          <li key={finding.code} className={styles.item}>
            <span className={styles[finding.severity]} role="img" aria-label={t(`severity.${finding.severity}`)}>
              {MARKS[finding.severity]}
            </span>
            <Text id={textId} className={styles.text}>
              {t(`quality.${finding.code}`)}
            </Text>
            {onFix && (canFix?.(finding) ?? true) && (
              <Button
                size="small"
                // Each "Beheben" of the list names its finding (WCAG 2.4.6).
                aria-label={t('card.fixFinding', { finding: t(`quality.${finding.code}`) })}
                aria-describedby={textId}
                onClick={() => onFix(finding)}
              >
                {t('card.fix')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
