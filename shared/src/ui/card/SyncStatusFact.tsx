import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useUiText } from '../i18n/useUiText';
import { type SyncFields, syncStatusView } from './sync-status';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  secondary: { color: tokens.colorNeutralForeground2 },
  problem: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  toggle: { alignSelf: 'flex-start', textAlign: 'start' },
  help: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

// The contact's Microsoft 365 sync status on the card: "Synchronisiert · 01.12.2026, 10:15";
// for an error the problem's title, and on demand what to do and Microsoft's own message.
export function SyncStatusFact({ fields }: { fields: SyncFields }) {
  const styles = useStyles();
  const text = useUiText();
  const [open, setOpen] = useState(false);
  const helpId = useId();
  const { summary, lastSynced, problem } = syncStatusView(fields, text);
  return (
    <span className={styles.root}>
      <span data-testid="sync-status">{summary}</span>
      {lastSynced && (
        <Text size={200} className={styles.secondary}>
          {lastSynced}
        </Text>
      )}
      {problem && (
        <>
          <span className={styles.problem} data-testid="sync-problem">
            {problem.title}
          </span>
          <Link
            as="button"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={open ? helpId : undefined}
            onClick={() => setOpen((was) => !was)}
          >
            {text.t('card.syncHelp')}
          </Link>
          {open && (
            <span id={helpId} className={styles.help}>
              <span>{problem.help}</span>
              {problem.mailbox && (
                <Text size={200} className={styles.secondary}>
                  {text.t('card.syncMailbox', { mailbox: problem.mailbox })}
                </Text>
              )}
              {problem.detail && (
                <Text size={200} className={styles.secondary}>
                  {text.t('card.syncDetail', { detail: problem.detail })}
                </Text>
              )}
            </span>
          )}
        </>
      )}
    </span>
  );
}
