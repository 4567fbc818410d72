import { Avatar, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: tokens.spacingVerticalXXS },
  name: { overflowWrap: 'anywhere', margin: 0 },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface CardHeaderProps {
  name: string;
  /** Position, e.g. "Geschäftsführer". */
  subtitle?: string | undefined;
  companyName?: string | undefined;
  onOpenCompany?: (() => void) | undefined;
  email?: string | undefined;
  children?: ReactNode;
}

// Name and company; the company name opens the company view (its people and their roles).
export function CardHeader({ name, subtitle, companyName, onOpenCompany, email, children }: CardHeaderProps) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <div className={styles.header}>
      <Avatar name={name} color="colorful" size={48} aria-hidden />
      <div className={styles.text}>
        <Text as="h2" size={500} weight="semibold" className={styles.name}>
          {name}
        </Text>
        {(subtitle || companyName) && (
          <Text className={styles.secondary}>
            {subtitle}
            {subtitle && companyName ? ' · ' : ''}
            {companyName &&
              (onOpenCompany ? (
                <Link onClick={onOpenCompany} aria-label={t('card.openCompany', { company: companyName })}>
                  {companyName}
                </Link>
              ) : (
                companyName
              ))}
          </Text>
        )}
        {email && (
          <Text size={200} className={styles.secondary}>
            {email}
          </Text>
        )}
        {children}
      </div>
    </div>
  );
}
