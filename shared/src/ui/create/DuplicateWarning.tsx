import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { DuplicateCandidate } from '../../contacts/contact-query.schema';
import type { ContactSummary } from '../../contacts/contact.schema';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalS} 0 0`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  secondary: { color: tokens.colorNeutralForeground2 },
  open: { alignSelf: 'flex-start' },
});

export interface DuplicateWarningProps {
  candidates: readonly DuplicateCandidate[];
  /** Opens a candidate instead of creating; without it the candidates are only listed. */
  onOpenExisting?: ((contact: ContactSummary) => void) | undefined;
}

// "Meier" vs "Meyer": contacts that may already be this person, before anything is saved.
export function DuplicateWarning({ candidates, onOpenExisting }: DuplicateWarningProps) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="duplicate-warning">
      <MessageBarBody>
        <MessageBarTitle>{t('create.duplicatesTitle')}</MessageBarTitle>
        {t('create.duplicatesText')}
        <ul className={styles.list}>
          {candidates.map(({ contact, reasons }) => (
            <li key={contact.id} className={styles.item}>
              <Text weight="semibold">{contact.displayName}</Text>
              <Text size={200} className={styles.secondary}>
                {[contact.companyName, contact.email, contact.contactNumber].filter(Boolean).join(' · ')}
              </Text>
              <Text size={200} className={styles.secondary}>
                {t('create.duplicateReasons', {
                  reasons: reasons.map((reason) => t(`duplicateReason.${reason}`)).join(', '),
                })}
              </Text>
              {onOpenExisting && (
                <Button
                  size="small"
                  className={styles.open}
                  onClick={() => onOpenExisting(contact)}
                  aria-label={`${t('create.openExisting')}: ${contact.displayName}`}
                >
                  {t('create.openExisting')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
