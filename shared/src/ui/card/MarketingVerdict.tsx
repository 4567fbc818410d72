import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ConsentDecision } from '../../contacts/consent.schema';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeftWidth: tokens.strokeWidthThicker,
    borderLeftStyle: 'solid',
  },
  allowed: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorderActive,
  },
  blocked: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorderActive,
  },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

// The question the sales rep asks before a mailing: may we email this person marketing?
export function MarketingVerdict({ decision }: { decision: ConsentDecision }) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <div className={mergeClasses(styles.box, decision.allowed ? styles.allowed : styles.blocked)}>
      <div className={styles.line}>
        <Text weight="semibold">{t('card.marketingQuestion')}</Text>
        <Text weight="bold" data-testid="marketing-allowed">
          {decision.allowed ? t('card.yes') : t('card.no')}
        </Text>
      </div>
      <Text size={200}>{t(`consentReason.${decision.reason}`)}</Text>
    </div>
  );
}
