import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ExportRecord } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  secondary: { color: tokens.colorNeutralForeground2 },
});

/** The filter of a recorded export in words: "alle", "3 ausgewählte", or its values. */
function filterText(filter: ExportRecord['filter'], xt: ReturnType<typeof useImportExportText>['xt']): string {
  if (typeof filter.ids === 'number') return xt('recentExports.selection', { count: filter.ids });
  const values = Object.entries(filter)
    .filter(([key, value]) => key !== 'vcardVersion' && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${String(value)}`);
  return values.length === 0 ? xt('recentExports.all') : values.join(', ');
}

// "Letzte Exporte": who exported what and how many (the audit of exports, GET /exports).
export function RecentExports({ reloadKey }: { reloadKey: string }) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  const { t, dateTime } = useUiText();
  const { api } = useServices();
  const [items, setItems] = useState<ExportRecord[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new export (`reloadKey`) and "Erneut versuchen" ask again.
  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    api.listExports(controller.signal).then(
      (list) => !controller.signal.aborted && setItems(list.items.slice(0, 10)),
      (failure: unknown) => !controller.signal.aborted && setError(failure),
    );
    return () => controller.abort();
  }, [api, reloadKey, attempt]);

  return (
    <section className={styles.root} aria-labelledby="recent-exports-heading">
      <h3 id="recent-exports-heading" className={styles.heading}>
        {xt('recentExports.heading')}
      </h3>
      {error !== undefined && <ProblemBar error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {items === undefined && error === undefined && <Spinner size="tiny" />}
      {items?.length === 0 && <Text className={styles.secondary}>{xt('recentExports.empty')}</Text>}
      {items && items.length > 0 && (
        <ul className={styles.list} aria-labelledby="recent-exports-heading">
          {items.map((item) => (
            <li key={item.id}>
              <Text size={200}>
                {xt('recentExports.item', {
                  when: dateTime(item.at),
                  who: item.actor.name,
                  format: t(`exportFormat.${item.format}`),
                  count: count(item.count),
                  filter: filterText(item.filter, xt),
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
