import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  RELATIONSHIPS,
  VCARD_VERSIONS,
  type VCardVersion,
} from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { OwnerSelect } from '../search/OwnerSelect';
import { type ExportScope, exportRequestOf } from './export-model';
import { RecentExports } from './RecentExports';
import { useExport } from './useExport';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '880px' },
  filters: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  field: { minWidth: '160px' },
  text: { minWidth: '240px' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

// Export: everything, or what the search's filters find (text, relationship, tag, Betreuer), as
// CSV for German Excel, .xlsx or vCard (3.0 for Outlook, 4.0 on request). Consent state per
// channel and tags are in every format. Each export is recorded (who, what, how many).
export function ExportPanel() {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { t } = useUiText();
  const [scope, setScope] = useState<ExportScope>({ kind: 'all' });
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [vcardVersion, setVcardVersion] = useState<VCardVersion>('3.0');
  const exporter = useExport();
  const filters = scope.kind === 'filter' ? scope : undefined;
  const setFilter = (change: Partial<Omit<Extract<ExportScope, { kind: 'filter' }>, 'kind'>>) =>
    setScope((before) => ({ ...(before.kind === 'filter' ? before : { kind: 'filter' as const }), ...change }));

  return (
    <div className={styles.root}>
      <Text>{xt('export.intro')}</Text>
      <Field label={xt('export.scope')}>
        <RadioGroup
          value={scope.kind}
          onChange={(_event, data) => setScope(data.value === 'all' ? { kind: 'all' } : { kind: 'filter' })}
        >
          <Radio value="all" label={xt('export.scopeAll')} />
          <Radio value="filter" label={xt('export.scopeFilter')} />
        </RadioGroup>
      </Field>
      {filters && (
        <fieldset className={styles.filters} aria-label={xt('export.filters')}>
          <Field label={xt('export.text')} size="small" className={styles.text}>
            <Input
              size="small"
              value={filters.q ?? ''}
              placeholder={xt('export.textPlaceholder')}
              onChange={(_event, data) => setFilter({ q: data.value })}
            />
          </Field>
          <Field label={xt('export.relationship')} size="small" className={styles.field}>
            <Select
              size="small"
              value={filters.relationship ?? ''}
              onChange={(_event, data) =>
                setFilter({ relationship: (data.value || undefined) as (typeof RELATIONSHIPS)[number] | undefined })
              }
            >
              <option value="">{xt('export.all')}</option>
              {RELATIONSHIPS.map((relationship) => (
                <option key={relationship} value={relationship}>
                  {t(`relationship.${relationship}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={xt('export.tag')} size="small" className={styles.field}>
            <Input size="small" value={filters.tag ?? ''} onChange={(_event, data) => setFilter({ tag: data.value })} />
          </Field>
          <OwnerSelect
            className={styles.field}
            value={filters.owner ?? ''}
            onChange={(owner) => setFilter({ owner: owner || undefined })}
            mineLabel={xt('export.mine')}
          />
        </fieldset>
      )}
      <Field label={xt('export.format')}>
        <RadioGroup value={format} onChange={(_event, data) => setFormat(data.value as ExportFormat)}>
          {EXPORT_FORMATS.map((value) => (
            <Radio
              key={value}
              value={value}
              label={`${t(`exportFormat.${value}`)} – ${xt(`export.formatHint.${value}`)}`}
            />
          ))}
        </RadioGroup>
      </Field>
      {format === 'vcard' && (
        <Field label={xt('export.vcardVersion')} className={styles.field}>
          <Select value={vcardVersion} onChange={(_event, data) => setVcardVersion(data.value as VCardVersion)}>
            {VCARD_VERSIONS.map((version) => (
              <option key={version} value={version}>
                {xt(`export.vcard.${version === '3.0' ? 'v3' : 'v4'}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabledFocusable={exporter.busy}
          onClick={() => void exporter.run(exportRequestOf(scope, format, vcardVersion))}
        >
          {xt('export.run')}
        </Button>
        {exporter.busy && <Spinner size="tiny" label={xt('export.running')} />}
        <Text role="status">{exporter.done ? xt('export.done', { ...exporter.done }) : ''}</Text>
      </div>
      {exporter.failure !== undefined && <ProblemBar error={exporter.failure} onDismiss={exporter.clear} />}
      <RecentExports reloadKey={exporter.done?.fileName ?? ''} />
    </div>
  );
}
