import { MessageBar, MessageBarBody, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { ForecastChart } from './ForecastChart';
import { chartGroups, chartSummary, type ForecastTarget } from './forecast-model';
import { ForecastTable } from './ForecastTable';
import { ownerColors } from './owner-colors';
import type { Forecast } from './pipeline-api';
import { monthLabel } from './pipeline-model';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface ForecastViewProps {
  /** '' all, 'me', a user id. */
  owner: string;
  onOpen: (target: ForecastTarget) => void;
}

// The weighted forecast (loaded on first visit, with the chart package in its own chunk):
// grouped bars per month by owner, and the same figures in a table below, each a link.
export function ForecastView({ owner, onOpen }: ForecastViewProps) {
  const styles = useStyles();
  const { pt, euro, language } = usePipelineText();
  const { api } = useServices();
  const [forecast, setForecast] = useState<Forecast | undefined>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt asks again after a failure
  useEffect(() => {
    const controller = new AbortController();
    // Another owner's figures must not stand under this owner's filter while loading.
    setForecast(undefined);
    setError(undefined);
    api.opportunityForecast(owner || undefined, controller.signal).then(setForecast, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure);
    });
    return () => controller.abort();
  }, [api, owner, attempt]);

  const month = (value: string) => monthLabel(value, language);
  const ownerLabel = (row: Forecast['rows'][number]) => row.ownerName ?? pt('forecast.noOwner');
  const empty = forecast !== undefined && forecast.rows.length === 0;
  const colors = forecast ? ownerColors(forecast) : new Map<string, string>();

  return (
    <section className={styles.root} aria-labelledby="forecast-heading">
      <div>
        <h3 id="forecast-heading" className={styles.heading}>
          {pt('forecast.heading')}
        </h3>
        <Text className={styles.intro}>{pt('forecast.intro')}</Text>
      </div>
      {error !== undefined && <ProblemBar error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!forecast && error === undefined && <Spinner size="small" label={pt('forecast.loading')} />}
      {empty && (
        <MessageBar intent="info">
          <MessageBarBody>{pt('forecast.empty')}</MessageBarBody>
        </MessageBar>
      )}
      {forecast?.truncated && (
        <MessageBar intent="warning">
          <MessageBarBody>{pt('forecast.truncated')}</MessageBarBody>
        </MessageBar>
      )}
      {forecast && !empty && (
        <>
          <ForecastChart
            groups={chartGroups(forecast, month, ownerLabel)}
            summary={chartSummary(forecast, month, euro)}
            onOpen={onOpen}
            colors={colors}
          />
          <ForecastTable
            forecast={forecast}
            monthLabel={month}
            ownerLabel={ownerLabel}
            onOpen={onOpen}
            owner={owner}
            colors={colors}
          />
        </>
      )}
    </section>
  );
}
