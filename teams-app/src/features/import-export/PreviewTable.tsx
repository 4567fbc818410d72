import {
  Badge,
  makeStyles,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ImportAction, ImportRowPreview } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { RowCheck } from './RowCheck';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '760px' },
  number: { width: '64px' },
  action: { width: '230px' },
  stored: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  name: { fontWeight: tokens.fontWeightSemibold },
  secondary: { color: tokens.colorNeutralForeground2 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
});

export interface PreviewTableProps {
  rows: readonly ImportRowPreview[];
  /** Actions can be chosen (nothing runs, the import is not done). */
  editable: boolean;
  onAction: (row: ImportRowPreview, action: ImportAction) => void;
}

// The preview's rows as they will be stored: what the row becomes (person or company, name,
// company link, e-mail, phones), the check (duplicate verdict, problems), and, where the row
// allows a choice, the action as a radio group named after the row.
export function PreviewTable({ rows, editable, onAction }: PreviewTableProps) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { t } = useUiText();
  return (
    <div className={styles.scroll}>
      <Table size="small" className={styles.table} aria-label={xt('preview.table')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.number}>{xt('preview.row')}</TableHeaderCell>
            <TableHeaderCell>{xt('preview.stored')}</TableHeaderCell>
            <TableHeaderCell>{xt('preview.check')}</TableHeaderCell>
            <TableHeaderCell className={styles.action}>{xt('preview.action')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const contact = row.contact;
            const phones = contact ? [...contact.businessPhones, contact.mobilePhone ?? '', ...contact.homePhones] : [];
            const actionLabel = xt('preview.actionFor', { row: row.row });
            return (
              <TableRow key={row.row} data-row={row.row}>
                <TableCell className={styles.cell}>
                  <Text>{row.row}</Text>
                </TableCell>
                <TableCell className={styles.cell}>
                  {contact ? (
                    <div className={styles.stored}>
                      <span className={styles.line}>
                        <Text className={styles.name}>{contact.displayName}</Text>
                        <Badge appearance="outline" size="small">
                          {t(`kind.${contact.kind}`)}
                        </Badge>
                      </span>
                      {row.company && (
                        <Text size={200} className={styles.secondary}>
                          {xt(row.company.action === 'create' ? 'preview.companyNew' : 'preview.companyLink', {
                            name: row.company.name,
                          })}
                        </Text>
                      )}
                      {contact.position && <Text size={200}>{contact.position}</Text>}
                      {contact.emails.length > 0 && <Text size={200}>{contact.emails.join(', ')}</Text>}
                      {phones.some(Boolean) && <Text size={200}>{phones.filter(Boolean).join(', ')}</Text>}
                      {(contact.relationships.length > 0 || contact.tags.length > 0) && (
                        <Text size={200} className={styles.secondary}>
                          {[
                            ...contact.relationships.map((relationship) => t(`relationship.${relationship}`)),
                            ...contact.tags.map((tag) => `#${tag}`),
                          ].join(' · ')}
                        </Text>
                      )}
                    </div>
                  ) : (
                    <Text className={styles.secondary}>{row.values.filter(Boolean).join(' · ')}</Text>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  <RowCheck row={row} />
                </TableCell>
                <TableCell className={styles.cell}>
                  {editable && row.actions.length > 1 ? (
                    <RadioGroup
                      aria-label={actionLabel}
                      value={row.action}
                      onChange={(_event, data) => onAction(row, data.value as ImportAction)}
                    >
                      {row.actions.map((action) => (
                        <Radio key={action} value={action} label={xt(`action.${action}`)} />
                      ))}
                    </RadioGroup>
                  ) : (
                    <Text>{xt(`action.${row.action}`)}</Text>
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
