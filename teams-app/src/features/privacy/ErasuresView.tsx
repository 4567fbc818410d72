import { Badge, Button, Link, makeStyles, shorthands, Spinner, Text, tokens } from '@fluentui/react-components';
import { type ErasureDueItem, type ErasureDuePage, useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ErasureLog } from './ErasureLog';
import { PrivacyContactPanel } from './PrivacyContactPanel';
import { type Paged, usePaged } from './usePaged';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface ErasuresViewProps {
  /** Changes when another view changed something: the lists load again. */
  generation: number;
  onChanged: () => void;
}

// "Löschung fällig": restricted contacts whose retention periods have run out (due) and those
// still waiting (scheduled), "Jetzt löschen" (what the daily job does), and the erasure log.
export function ErasuresView({ generation, onChanged }: ErasuresViewProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { api } = useServices();
  const [round, setRound] = useState(0);
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const key = `${generation}:${round}`;
  const due = usePaged<ErasureDueItem, ErasureDuePage>((cursor, signal) => api.erasures('due', cursor, signal), key);
  const scheduled = usePaged<ErasureDueItem, ErasureDuePage>(
    (cursor, signal) => api.erasures('scheduled', cursor, signal),
    key,
  );
  const runNow = async () => {
    setRunning(true);
    setFailure(undefined);
    setRan('');
    try {
      const result = await api.runDueErasures();
      setRan(pt('erasures.ran', { erased: result.erased, held: result.held }));
      setRound((n) => n + 1);
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setRunning(false);
    }
  };

  const dueCount = due.last?.dueCount ?? 0;
  return (
    <div className={styles.root}>
      <section className={styles.part} aria-labelledby="privacy-erasures-due">
        <div className={styles.bar}>
          <Text as="h3" id="privacy-erasures-due" size={400} weight="semibold" className={styles.heading}>
            {pt('erasures.due')}
          </Text>
          {dueCount > 0 && (
            <Badge appearance="filled" color="danger">
              {pt('erasures.dueCount', { count: dueCount })}
            </Badge>
          )}
          <Button appearance="primary" disabled={running || dueCount === 0} onClick={() => void runNow()}>
            {running ? pt('erasures.running') : pt('erasures.runNow')}
          </Button>
          <Button onClick={() => setRound((n) => n + 1)}>{pt('common.refresh')}</Button>
        </div>
        <Text role="status">{ran}</Text>
        {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
        <DueList paged={due} empty={pt('erasures.emptyDue')} label={pt('erasures.due')} onChanged={onChanged} />
      </section>
      <section className={styles.part} aria-labelledby="privacy-erasures-scheduled">
        <Text as="h3" id="privacy-erasures-scheduled" size={400} weight="semibold" className={styles.heading}>
          {pt('erasures.scheduled')}
        </Text>
        <DueList
          paged={scheduled}
          empty={pt('erasures.emptyScheduled')}
          label={pt('erasures.scheduled')}
          onChanged={onChanged}
        />
      </section>
      <ErasureLog generation={key} />
    </div>
  );
}

interface DueListProps {
  paged: Paged<ErasureDueItem, ErasureDuePage>;
  empty: string;
  label: string;
  onChanged: () => void;
}

function DueList({ paged, empty, label, onChanged }: DueListProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { date } = useUiText();
  const [openId, setOpenId] = useState<string | undefined>();
  if (paged.error !== undefined) return <ProblemBar error={paged.error} onRetry={paged.reload} />;
  if (paged.loading && paged.items.length === 0) return <Spinner size="tiny" label={pt('common.loading')} />;
  if (paged.items.length === 0) return <Text className={styles.secondary}>{empty}</Text>;
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {paged.items.map((item) => (
          <li key={item.contactId} className={styles.item}>
            <div className={styles.line}>
              <Link
                as="button"
                aria-expanded={openId === item.contactId}
                aria-label={pt('erasures.openContact', { name: item.displayName })}
                onClick={() => setOpenId(openId === item.contactId ? undefined : item.contactId)}
              >
                {item.displayName}
              </Link>
              <Text size={200} className={styles.secondary}>
                {item.contactNumber}
              </Text>
              {item.held && (
                <Badge appearance="tint" color="warning">
                  {pt('erasures.held')}
                </Badge>
              )}
            </div>
            <Text size={200} className={styles.secondary}>
              {pt('erasures.eraseOn', { date: date(item.eraseOn) })} · {pt(`erase.reason.${item.erasureReason}`)}
            </Text>
            {openId === item.contactId && (
              <PrivacyContactPanel
                contactId={item.contactId}
                defaultErasureReason={item.erasureReason}
                onChanged={onChanged}
              />
            )}
          </li>
        ))}
      </ul>
      {paged.hasMore && !paged.loading && <Button onClick={paged.loadMore}>{pt('common.loadMore')}</Button>}
    </>
  );
}
