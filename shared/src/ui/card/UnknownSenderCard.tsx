import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { useUiText } from '../i18n/useUiText';
import { CardHeader } from './CardHeader';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2 },
  action: { alignSelf: 'flex-start' },
});

export interface UnknownSenderCardProps {
  card: SenderCard;
  /** The display name Outlook shows for the address. */
  name: string;
  onCreate?: (() => void) | undefined;
}

// A sender KlarKonform does not know yet: what the API suggests, and the one-click create.
export function UnknownSenderCard({ card, name, onCreate }: UnknownSenderCardProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const suggestion = card.suggestion;
  const domain = card.email.slice(card.email.lastIndexOf('@') + 1).toLowerCase();
  let companyText: string | undefined;
  if (suggestion?.freeMail) companyText = t('card.freeMail', { domain });
  else if (suggestion?.companyId && suggestion.companyName) {
    companyText = t('card.companyKnown', { company: suggestion.companyName, domain });
  } else if (suggestion?.companyName) companyText = t('card.companyNew', { company: suggestion.companyName });
  return (
    <article className={styles.card} aria-label={name} data-testid="unknown-card">
      <CardHeader name={name} email={card.email}>
        <Text weight="semibold">{t('card.unknown')}</Text>
      </CardHeader>
      {companyText && <Text>{companyText}</Text>}
      {onCreate && (
        <>
          <Text size={200} className={styles.hint}>
            {t('card.unknownHint')}
          </Text>
          <Button appearance="primary" className={styles.action} onClick={onCreate}>
            {t('card.createContact')}
          </Button>
        </>
      )}
    </article>
  );
}
