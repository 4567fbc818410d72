import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
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
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

const MARKS = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;

export interface QualitySectionProps {
  findings: readonly QualityFinding[];
  /** Opens the editor at the finding's field; only findings it returns true for get "Beheben". */
  onFix?: ((finding: QualityFinding) => void) | undefined;
  canFix?: ((finding: QualityFinding) => boolean) | undefined;
}

// Data-quality hints ("Kein Entscheider definiert"), worst first; where the host can open the
// editor at the field that fixes one, the hint offers "Beheben".
export function QualitySection({ findings, onFix, canFix }: QualitySectionProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  // One line per finding code: a code raised for several fields reads the same each time.
  const unique = sorted.filter((f, i) => sorted.findIndex((g) => g.code === f.code) === i);
  return (
    <ul className={styles.list} aria-label={t('card.quality')}>
      {unique.map((finding) => (
        <li key={finding.code} className={styles.item}>
          <span className={styles[finding.severity]} role="img" aria-label={t(`severity.${finding.severity}`)}>
            {MARKS[finding.severity]}
          </span>
          <Text>
            {t(`quality.${finding.code}`)}
            {onFix && canFix?.(finding) && (
              <>
                {' '}
                <Link
                  as="button"
                  aria-label={t('card.fixFinding', { finding: t(`quality.${finding.code}`) })}
                  onClick={() => onFix(finding)}
                >
                  {t('card.fix')}
                </Link>
              </>
            )}
          </Text>
        </li>
      ))}
    </ul>
  );
}
