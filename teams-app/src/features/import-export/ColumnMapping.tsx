import {
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { IMPORT_TARGETS, type ImportColumn, type ImportTarget } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '560px' },
  header: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  samples: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  select: { minWidth: '200px' },
  error: { color: tokens.colorPaletteRedForeground1, display: 'block', marginTop: tokens.spacingVerticalXXS },
  ignored: { color: tokens.colorNeutralForeground3 },
});

export interface ColumnMappingProps {
  columns: readonly ImportColumn[];
  /** Targets in column order (the PATCH's `mapping`). */
  mapping: readonly ImportTarget[];
  /** Column positions whose field another column has too: the message stands at each of them. */
  doubles: ReadonlySet<number>;
  onChange: (position: number, target: ImportTarget) => void;
}

// The file's columns, a few sample values each, and what each becomes: a select per column whose
// accessible name is the column's header ("E-Mail-Adresse"), its samples as its description.
export function ColumnMapping({ columns, mapping, doubles, onChange }: ColumnMappingProps) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { t } = useUiText();
  return (
    <div className={styles.scroll}>
      <Table size="small" className={styles.table} aria-label={xt('mapping.table')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{xt('mapping.column')}</TableHeaderCell>
            <TableHeaderCell>{xt('mapping.samples')}</TableHeaderCell>
            <TableHeaderCell>{xt('mapping.target')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {columns.map((column, position) => {
            const target = mapping[position] ?? 'ignore';
            const headerId = `import-column-${column.index}`;
            const samplesId = `import-samples-${column.index}`;
            const errorId = `import-column-error-${column.index}`;
            const double = doubles.has(position);
            const header = column.header || xt('mapping.noHeader', { number: column.index + 1 });
            return (
              <TableRow key={column.index}>
                <TableCell>
                  <Text id={headerId} className={styles.header}>
                    {header}
                  </Text>
                </TableCell>
                <TableCell>
                  <Text id={samplesId} size={200} className={styles.samples}>
                    {column.samples.filter(Boolean).join(' · ') || xt('mapping.noSamples')}
                  </Text>
                </TableCell>
                <TableCell>
                  <Select
                    className={styles.select}
                    aria-labelledby={headerId}
                    aria-describedby={double ? `${samplesId} ${errorId}` : samplesId}
                    aria-invalid={double || undefined}
                    value={target}
                    onChange={(_event, data) => onChange(position, data.value as ImportTarget)}
                  >
                    {IMPORT_TARGETS.map((option) => (
                      <option key={option} value={option}>
                        {t(`importTarget.${option}`)}
                      </option>
                    ))}
                  </Select>
                  {double && (
                    <Text id={errorId} size={200} className={styles.error}>
                      {xt('mapping.double', { label: t(`importTarget.${target}`) })}
                    </Text>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
