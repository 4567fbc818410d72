import { DataVizPalette, getColorFromToken } from '@fluentui/react-charts';
import type { Forecast } from './pipeline-api';

const PALETTE = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
  DataVizPalette.color8,
  DataVizPalette.color9,
  DataVizPalette.color10,
];

/**
 * One colour per owner of the forecast, in the order of its rows (Fluent's data-visualisation
 * palette): the chart's bars and the table's row swatches use the same, so the table is the
 * chart's legend.
 */
export function ownerColors(forecast: Forecast): Map<string, string> {
  return new Map(
    forecast.rows.map((row, i) => [
      row.ownerId,
      getColorFromToken(PALETTE[i % PALETTE.length] ?? DataVizPalette.color1),
    ]),
  );
}
