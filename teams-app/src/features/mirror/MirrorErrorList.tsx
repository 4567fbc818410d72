import { Button, Link, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type MirrorContactError, mirrorProblemText, useUiText } from '@klarkonform/shared/ui';
import { useOpenSection } from '../../shell/navigation';
import { useSectionStyles } from '../../shell/section-styles';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  problem: { color: tokens.colorPaletteRedForeground1 },
  secondary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  more: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface MirrorErrorListProps {
  errors: readonly MirrorContactError[];
  /** counts.error: how many contacts are in error (the list holds the latest 50). */
  count: number;
  onOpen: (contactId: string) => void;
}

// The contacts the mirror could not sync: the name opens the contact, then the problem's title,
// the mailbox and Microsoft's own message. More than the list holds → Datenpflege "Sync-Fehler".
export function MirrorErrorList({ errors, count, onOpen }: MirrorErrorListProps) {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const text = useUiText();
  const { mt } = useMirrorText();
  const openSection = useOpenSection();
  if (count === 0 && errors.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{mt('errors.none')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <ul className={styles.list} aria-label={mt('errors.heading')}>
        {errors.map((error) => {
          const problem = mirrorProblemText(error.problem, text);
          return (
            <li key={error.contactId} className={styles.item} data-testid="mirror-error">
              <Link as="button" className={styles.name} onClick={() => onOpen(error.contactId)}>
                {error.displayName}
              </Link>
              <Text className={styles.problem}>{problem.title}</Text>
              {problem.mailbox && (
                <Text size={200} className={styles.secondary}>
                  {text.t('card.syncMailbox', { mailbox: problem.mailbox })}
                </Text>
              )}
              {problem.detail && (
                <Text size={200} className={styles.secondary}>
                  {mt('problem.detail', { detail: problem.detail })}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      {count > errors.length && (
        <div className={styles.more}>
          <Text>{mt('errors.more', { shown: errors.length, count })}</Text>
          <Button onClick={() => openSection('dataCare')}>{mt('errors.openDataCare')}</Button>
        </div>
      )}
    </>
  );
}
