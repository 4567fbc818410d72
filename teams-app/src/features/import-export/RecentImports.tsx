import {
  Badge,
  type BadgeProps,
  Link,
  makeStyles,
  shorthands,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ImportStatus, ImportSummary } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { ProblemBar } from '../../shell/ProblemBar';
import { isActive, progressOf } from './import-model';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', textAlign: 'start' },
  secondary: { color: tokens.colorNeutralForeground2 },
});

const STATUS_COLORS: Record<ImportStatus, BadgeProps['color']> = {
  ready: 'informative',
  queued: 'brand',
  running: 'brand',
  done: 'success',
  cancelled: 'warning',
  failed: 'danger',
};

export interface RecentImportsProps {
  items: readonly ImportSummary[] | undefined;
  error: unknown;
  onRetry: () => void;
  onOpen: (summary: ImportSummary) => void;
}

// "Letzte Importe": the tenant's newest imports with their state (a running one with its
// progress), each opening where it stands in the assistant.
export function RecentImports({ items, error, onRetry, onOpen }: RecentImportsProps) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  const { t, dateTime } = useUiText();
  return (
    <section className={styles.root} aria-labelledby="recent-imports-heading">
      <h4 id="recent-imports-heading" className={styles.heading}>
        {xt('recent.heading')}
      </h4>
      {error !== undefined && <ProblemBar error={error} onRetry={onRetry} />}
      {items === undefined && error === undefined && <Spinner size="tiny" label={xt('recent.loading')} />}
      {items?.length === 0 && <Text className={styles.secondary}>{xt('recent.empty')}</Text>}
      {items && items.length > 0 && (
        <ul className={styles.list} aria-labelledby="recent-imports-heading">
          {items.map((item) => (
            <li key={item.id} className={styles.item}>
              <Link as="button" className={styles.name} onClick={() => onOpen(item)}>
                {item.fileName}
              </Link>
              <Badge appearance="tint" color={STATUS_COLORS[item.status]}>
                {t(`importStatus.${item.status}`)}
              </Badge>
              {item.run?.mode === 'dryRun' && <Badge appearance="outline">{xt('recent.dryRun')}</Badge>}
              <Text size={200} className={styles.secondary}>
                {isActive(item.status) && item.run
                  ? xt('recent.progress', {
                      done: count(item.run.done),
                      total: count(item.run.total),
                      percent: Math.round(progressOf(item.run) * 100),
                    })
                  : xt('recent.meta', {
                      rows: count(item.rowCount),
                      when: dateTime(item.createdAt),
                      who: item.createdBy.name,
                    })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
