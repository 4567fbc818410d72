import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular, WarningRegular } from '@fluentui/react-icons';
import { type TemplatePurpose, type TemplateSummary, useUiText } from '@klarkonform/shared/ui';
import { placeholderToken } from './template-form';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  name: {
    justifyContent: 'flex-start',
    padding: 0,
    minWidth: 0,
    maxWidth: '100%',
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  consent: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  consentIcon: { fontSize: tokens.fontSizeBase400, color: tokens.colorPaletteDarkOrangeForeground1 },
  checkOff: { color: tokens.colorStatusWarningForeground3, fontWeight: tokens.fontWeightSemibold },
  checkOffIcon: { fontSize: tokens.fontSizeBase400 },
  tokens: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

const BADGE_COLORS: Record<TemplatePurpose, 'warning' | 'informative' | 'brand'> = {
  marketing: 'warning',
  transactional: 'informative',
  personal: 'brand',
};

export interface TemplateListProps {
  items: readonly TemplateSummary[];
  onOpen: (template: TemplateSummary) => void;
  /** The admin's send check on or off; undefined when unknown (then marketing rows say nothing about it). */
  checkEnabled: boolean | undefined;
}

// One row per template: name (opens the editor), purpose — marketing marked as checked at send
// time, or warned about when the admin turned the check off —, language, the placeholders it
// uses, and when it last changed.
export function TemplateList({ items, onOpen, checkEnabled }: TemplateListProps) {
  const styles = useStyles();
  const { mt, purposeName, languageName } = useTemplatesText();
  const { dateTime } = useUiText();
  return (
    <ul className={styles.list} aria-label={mt('templates.list')}>
      {items.map((template) => (
        <li key={template.id} className={styles.row} data-testid="template-row">
          <Button
            appearance="transparent"
            className={styles.name}
            aria-label={mt('templates.open', { name: template.name })}
            onClick={() => onOpen(template)}
          >
            {template.name}
          </Button>
          <div className={styles.facts}>
            <Badge appearance="tint" color={BADGE_COLORS[template.purpose]}>
              {purposeName(template.purpose)}
            </Badge>
            {template.purpose === 'marketing' && checkEnabled === true && (
              <Text size={200} className={styles.consent}>
                <ShieldCheckmarkRegular aria-hidden className={styles.consentIcon} />
                {mt('purpose.consentChecked')}
              </Text>
            )}
            {template.purpose === 'marketing' && checkEnabled === false && (
              <Text size={200} className={mergeClasses(styles.consent, styles.checkOff)} data-testid="send-check-off">
                <WarningRegular aria-hidden className={styles.checkOffIcon} />
                {mt('purpose.checkOff')}
              </Text>
            )}
            <Text size={200}>{mt('templates.language', { language: languageName(template.language) })}</Text>
            <Text size={200}>{mt('templates.changed', { date: dateTime(template.updatedAt) })}</Text>
          </div>
          <Text size={200} className={styles.tokens}>
            {template.placeholders.length > 0
              ? `${mt('templates.placeholders')}: ${template.placeholders.map(placeholderToken).join(' ')}`
              : mt('templates.noPlaceholders')}
          </Text>
        </li>
      ))}
    </ul>
  );
}
