import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { type ErasureLogEntry, useUiText } from '@klarkonform/shared/ui';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import type { PrivacyKey } from './privacy-messages.de';
import { PRIVACY_DE } from './privacy-messages.de';
import { usePaged } from './usePaged';
import { type PrivacyText, usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  secondary: { color: tokens.colorNeutralForeground2 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

// "Löschprotokoll": what each erasure left — contact number, kind, reason, when, by whom and how
// many records of each kind went; no personal data (Art. 5(2) accountability without keeping
// what was erased).
export function ErasureLog({ generation }: { generation: string }) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { t, dateTime } = useUiText();
  const { api } = useServices();
  const log = usePaged<ErasureLogEntry, { items: ErasureLogEntry[]; nextCursor?: string }>(
    (cursor, signal) => api.erasureLog(cursor, signal),
    generation,
  );
  return (
    <section className={styles.part} aria-labelledby="privacy-erasure-log">
      <Text as="h3" id="privacy-erasure-log" size={400} weight="semibold" className={styles.heading}>
        {pt('erasures.log')}
      </Text>
      <Text size={200} className={styles.secondary}>
        {pt('erasures.logIntro')}
      </Text>
      {log.error !== undefined && <ProblemBar error={log.error} onRetry={log.reload} />}
      {log.items.length > 0 && (
        <ul className={styles.list} aria-label={pt('erasures.log')}>
          {log.items.map((entry) => (
            <li key={entry.id}>
              <Text weight="semibold">
                {pt('erasures.logEntry', {
                  number: entry.contactNumber,
                  kind: t(`kind.${entry.kind}`),
                  reason: pt(`erase.reason.${entry.reason}`),
                })}
              </Text>
              <br />
              <Text size={200} className={styles.secondary}>
                {pt('erasures.logBy', { at: dateTime(entry.erasedAt), by: entry.erasedBy.name || entry.erasedBy.id })}
                {Object.entries(entry.removed)
                  .filter(([, count]) => count > 0)
                  .map(([what, count]) => ` · ${pt('erasures.removed', { count, what: removedLabel(what, pt) })}`)
                  .join('')}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {log.loading && <Spinner size="tiny" label={pt('common.loading')} />}
      {!log.loading && log.error === undefined && log.items.length === 0 && (
        <Text className={styles.secondary}>{pt('erasures.logEmpty')}</Text>
      )}
      {log.hasMore && !log.loading && <Button onClick={log.loadMore}>{pt('common.loadMore')}</Button>}
    </section>
  );
}

/** A count's label ("Aktivitäten gelöscht"); a collection this UI does not know yet keeps its name. */
function removedLabel(what: string, pt: PrivacyText['pt']): string {
  const key = `removed.${what}`;
  return key in PRIVACY_DE ? pt(key as PrivacyKey) : what;
}
