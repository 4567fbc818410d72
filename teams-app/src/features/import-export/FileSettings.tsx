import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  CSV_DELIMITERS,
  type CsvDelimiter,
  IMPORT_ENCODINGS,
  IMPORT_PRESETS,
  type Import,
  type ImportEncoding,
  type ImportPreset,
  type ImportSettingsPatch,
} from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  field: { minWidth: '220px' },
  secondary: { color: tokens.colorNeutralForeground2 },
});

/** The presets a user may choose for a table; `vcard` belongs to vCard files alone. */
const TABLE_PRESETS = IMPORT_PRESETS.filter((preset) => preset !== 'vcard');

export interface FileSettingsProps {
  imp: Import;
  /** A change re-reads the stored file (encoding, delimiter, sheet) or re-applies a preset. */
  onChange: (patch: ImportSettingsPatch) => void;
}

// How the file was read: for CSV the character set (detected, with a BOM or not) and the
// delimiter, for Excel the sheet; and which mapping preset the header was recognised as. Each
// can be overridden; the API reads the stored file again.
export function FileSettings({ imp, onChange }: FileSettingsProps) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  const { t } = useUiText();
  const detected = (label: string, isDetected: boolean) => (isDetected ? xt('mapping.detected', { label }) : label);

  return (
    <div className={styles.root}>
      <Text className={styles.secondary}>
        {xt('mapping.fileSummary', {
          file: imp.fileName,
          format: t(`importFormat.${imp.format}`),
          rows: count(imp.rowCount),
          columns: count(imp.columns.length),
        })}
      </Text>
      {imp.format === 'vcard' ? (
        <MessageBar intent="info">
          <MessageBarBody>{xt('mapping.vcard')}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent={imp.preset === 'guessed' ? 'info' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {imp.preset === 'guessed'
                ? xt('mapping.guessedTitle')
                : xt('mapping.presetTitle', { preset: t(`importPreset.${imp.preset}`) })}
            </MessageBarTitle>
            {imp.preset === 'guessed' ? xt('mapping.guessed') : xt('mapping.recognised')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.fields}>
        {imp.format === 'csv' && (
          <>
            <Field
              label={xt('mapping.encoding')}
              hint={imp.bom ? xt('mapping.bom') : undefined}
              className={styles.field}
            >
              <Select
                value={imp.encoding ?? imp.detectedEncoding ?? 'utf-8'}
                onChange={(_event, data) => onChange({ encoding: data.value as ImportEncoding })}
              >
                {IMPORT_ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {detected(t(`importEncoding.${encoding}`), encoding === imp.detectedEncoding)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={xt('mapping.delimiter')} className={styles.field}>
              <Select
                value={imp.delimiter ?? imp.detectedDelimiter ?? 'semicolon'}
                onChange={(_event, data) => onChange({ delimiter: data.value as CsvDelimiter })}
              >
                {CSV_DELIMITERS.map((delimiter) => (
                  <option key={delimiter} value={delimiter}>
                    {detected(t(`csvDelimiter.${delimiter}`), delimiter === imp.detectedDelimiter)}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        )}
        {imp.format === 'xlsx' && imp.sheets && imp.sheets.length > 0 && (
          <Field label={xt('mapping.sheet')} className={styles.field}>
            <Select value={imp.sheet ?? imp.sheets[0]} onChange={(_event, data) => onChange({ sheet: data.value })}>
              {imp.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {imp.format !== 'vcard' && (
          <Field label={xt('mapping.preset')} hint={xt('mapping.presetHint')} className={styles.field}>
            <Select value={imp.preset} onChange={(_event, data) => onChange({ preset: data.value as ImportPreset })}>
              {TABLE_PRESETS.map((preset) => (
                <option key={preset} value={preset}>
                  {t(`importPreset.${preset}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
    </div>
  );
}
