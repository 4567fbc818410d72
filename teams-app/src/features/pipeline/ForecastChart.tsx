import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ChartGroup, ForecastTarget } from './forecast-model';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  chart: { minHeight: '300px', margin: 0, padding: `${tokens.spacingVerticalS} 0` },
});

export interface ForecastChartProps {
  groups: ChartGroup[];
  /** The text alternative: every month's weighted total. */
  summary: string;
  onOpen: (target: ForecastTarget) => void;
  /** The owners' colours (owner-colors.ts); the table beside the chart is its legend. */
  colors: ReadonlyMap<string, string>;
}

// Weighted forecast as grouped bars: one group per month, one bar per owner. Heights are whole
// euros (the exact figures are in the table); the callout shows the exact amount, and a click
// on a bar opens its opportunities like the table's figure.
export function ForecastChart({ groups, summary, onOpen, colors }: ForecastChartProps) {
  const styles = useStyles();
  const { pt, euro, euroShort, language } = usePipelineText();
  const data: GroupedVerticalBarChartData[] = groups.map((group) => ({
    name: group.label,
    series: group.bars.map((bar) => ({
      key: `${group.month}:${bar.ownerId}`,
      legend: bar.legend,
      ...(colors.has(bar.ownerId) ? { color: colors.get(bar.ownerId) } : {}),
      data: Math.round(bar.weightedCents / 100),
      xAxisCalloutData: group.label,
      yAxisCalloutData: euro(bar.weightedCents),
      ...(bar.count > 0 ? { onClick: () => onOpen({ owner: bar.ownerId, kind: 'month', month: group.month }) } : {}),
    })),
  }));

  return (
    <figure className={styles.chart} aria-label={pt('forecast.chartSummary', { summary })}>
      <GroupedVerticalBarChart
        data={data}
        chartTitle={pt('forecast.chart')}
        height={320}
        culture={language === 'de' ? 'de-DE' : 'en-GB'}
        yAxisTickFormat={(value: number) => euroShort(value * 100)}
        margins={{ left: 96, right: 16 }}
        barWidth="auto"
        maxBarWidth={40}
        xAxisInnerPadding={0.3}
        xAxisOuterPadding={0.1}
        hideLabels
        hideLegend
        roundCorners
      />
    </figure>
  );
}
