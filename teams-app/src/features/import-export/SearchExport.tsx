import {
  Menu,
  MenuButton,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { EXPORT_FORMATS, type ContactListQuery } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { ProblemBar } from '../../shell/ProblemBar';
import { exportRequestOf } from './export-model';
import { useExport } from './useExport';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface SearchExportProps {
  /** The search's current query (text and filters); undefined while nothing is searched. */
  query: Partial<ContactListQuery> | null;
  /** The contact whose card is open: offered as a vCard of its own. */
  selected: { id: string; name: string } | undefined;
}

// "Exportieren" in the search section (data:export): the current result in any format, or the
// open contact as a vCard. Loaded only for those who may export.
export function SearchExport({ query, selected }: SearchExportProps) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  const { t } = useUiText();
  const exporter = useExport();
  if (!query && !selected) return null;
  return (
    <div className={styles.root}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton size="small" icon={<ArrowDownloadRegular />} disabledFocusable={exporter.busy}>
            {xt('exportMenu.button')}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {query && (
              <MenuGroup>
                <MenuGroupHeader>{xt('exportMenu.result')}</MenuGroupHeader>
                {EXPORT_FORMATS.map((format) => (
                  <MenuItem
                    key={format}
                    onClick={() => void exporter.run(exportRequestOf({ kind: 'query', query }, format, '3.0'))}
                  >
                    {t(`exportFormat.${format}`)}
                  </MenuItem>
                ))}
              </MenuGroup>
            )}
            {query && selected && <MenuDivider />}
            {selected && (
              <MenuItem
                onClick={() => void exporter.run(exportRequestOf({ kind: 'ids', ids: [selected.id] }, 'vcard', '3.0'))}
              >
                {xt('exportMenu.vcardOf', { name: selected.name })}
              </MenuItem>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Text role="status" size={200} className={styles.secondary}>
        {exporter.busy ? xt('export.running') : exporter.done ? xt('export.done', { ...exporter.done }) : ''}
      </Text>
      {exporter.failure !== undefined && <ProblemBar error={exporter.failure} onDismiss={exporter.clear} />}
    </div>
  );
}
