import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ImportRowPage } from '@klarkonform/shared';
import { PREVIEW_PAGE } from './useImportRows';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

/** "Zeilen 1–20 von 134" (or why none are listed), announced when it changes. */
export function RowsStatus({
  page,
  loading,
  empty,
}: {
  page: ImportRowPage | undefined;
  loading: boolean;
  empty: string;
}) {
  const styles = useStyles();
  const { xt, count } = useImportExportText();
  let text = '';
  if (loading) text = xt('preview.loading');
  else if (page && !page.analysed) text = xt('preview.needsDryRun');
  else if (page && page.total > 0)
    text = xt('preview.range', {
      from: count(page.offset + 1),
      to: count(page.offset + page.items.length),
      total: count(page.total),
    });
  else if (page) text = empty;
  return (
    <Text role="status" className={styles.secondary}>
      {text}
    </Text>
  );
}

/** "Vorherige" / "Nächste" when the rows fill more than one page. */
export function RowsPager({
  page,
  offset,
  onOffset,
}: {
  page: ImportRowPage | undefined;
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  if (!page || page.total <= PREVIEW_PAGE) return null;
  return (
    <div className={styles.actions}>
      <Button
        size="small"
        disabledFocusable={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - PREVIEW_PAGE))}
      >
        {xt('preview.previous')}
      </Button>
      <Button
        size="small"
        disabledFocusable={offset + PREVIEW_PAGE >= page.total}
        onClick={() => onOffset(offset + PREVIEW_PAGE)}
      >
        {xt('preview.next')}
      </Button>
    </div>
  );
}
