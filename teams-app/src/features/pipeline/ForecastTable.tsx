import {
  Link,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { type ForecastTarget, totalOf } from './forecast-model';
import type { Forecast, ForecastCell, ForecastFigure } from './pipeline-api';
import { usePipelineText } from './usePipelineText';

/** The figures beside the months: overdue (close before this month), undated, beyond the third month. */
const OTHERS = ['overdue', 'undated', 'beyond'] as const;
type Others = Pick<Forecast['total'], (typeof OTHERS)[number]>;

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  numberHeader: { justifyContent: 'flex-end' },
  // Rows are not interactive (the figures are): no hover fill, which in high contrast would put
  // the yellow links on a cyan background.
  row: {
    ':hover': { backgroundColor: tokens.colorTransparentBackground },
    ':active': { backgroundColor: tokens.colorTransparentBackground },
  },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginInlineEnd: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusSmall,
    forcedColorAdjust: 'none',
  },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    borderTopWidth: tokens.strokeWidthThick,
    borderTopStyle: 'solid',
    borderTopColor: tokens.colorNeutralStroke1,
  },
});

export interface ForecastTableProps {
  forecast: Forecast;
  monthLabel: (month: string) => string;
  ownerLabel: (row: Forecast['rows'][number]) => string;
  onOpen: (target: ForecastTarget) => void;
  /** The owner filter the forecast was asked with ('' all, 'me'): the total row opens that. */
  owner: string;
  /** The owners' chart colours, shown as swatches: the table is the chart's legend. */
  colors: ReadonlyMap<string, string>;
}

// The forecast in figures: owners as rows (and the total), the three months as columns, then
// overdue, undated and beyond. Each figure links to the list of exactly its opportunities.
export function ForecastTable({ forecast, monthLabel, ownerLabel, onOpen, owner: scope, colors }: ForecastTableProps) {
  const styles = useStyles();
  const { pt, euro } = usePipelineText();

  const figure = (value: ForecastFigure | undefined, target: ForecastTarget, rowLabel: string, columnLabel: string) => {
    const shown = euro(value?.weightedCents ?? 0);
    const count = value?.count ?? 0;
    if (count === 0) return shown;
    return (
      <Link
        as="button"
        onClick={() => onOpen(target)}
        aria-label={pt('forecast.open', { figure: `${rowLabel}, ${columnLabel}, ${shown}`, count })}
        title={pt('forecast.unweighted', { amount: euro(value?.amountCents ?? 0) })}
      >
        {shown}
      </Link>
    );
  };

  const row = (key: string, label: string, owner: string, cells: ForecastCell[], others: Others, total: boolean) => (
    <TableRow key={key} className={mergeClasses(styles.row, total && styles.total)}>
      <TableHeaderCell scope="row">
        {!total && colors.has(owner) && (
          <span className={styles.swatch} style={{ backgroundColor: colors.get(owner) }} aria-hidden="true" />
        )}
        {label}
      </TableHeaderCell>
      {forecast.months.map((month) => (
        <TableCell key={month} className={styles.number}>
          {figure(
            cells.find((cell) => cell.month === month),
            { owner, kind: 'month', month },
            label,
            monthLabel(month),
          )}
        </TableCell>
      ))}
      {OTHERS.map((kind) => (
        <TableCell key={kind} className={styles.number}>
          {figure(others[kind], { owner, kind }, label, pt(`forecast.${kind}`))}
        </TableCell>
      ))}
    </TableRow>
  );

  const totals = forecast.months.map((month) => ({ month, ...totalOf(forecast, month) }));
  return (
    <div className={styles.scroll}>
      <Table aria-label={pt('forecast.table')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{pt('forecast.owner')}</TableHeaderCell>
            {forecast.months.map((month) => (
              <TableHeaderCell
                key={month}
                scope="col"
                className={styles.number}
                button={{ className: styles.numberHeader }}
              >
                {monthLabel(month)}
              </TableHeaderCell>
            ))}
            {OTHERS.map((kind) => (
              <TableHeaderCell
                key={kind}
                scope="col"
                className={styles.number}
                button={{ className: styles.numberHeader }}
              >
                {pt(`forecast.${kind}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {forecast.rows.map((line) => row(line.ownerId, ownerLabel(line), line.ownerId, line.cells, line, false))}
          {row('total', pt('forecast.total'), scope, totals, forecast.total, true)}
        </TableBody>
      </Table>
    </div>
  );
}
