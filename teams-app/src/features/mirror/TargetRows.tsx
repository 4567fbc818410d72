import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { MAX_FOLDER_LENGTH, MAX_MIRROR_TARGETS, newRow, type TargetRow } from './mirror-form';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  remove: { marginTop: tokens.spacingVerticalXXL },
  add: { alignSelf: 'flex-start' },
});

/** Problems shown at a row's fields (already worded). */
export type RowMessages = ReadonlyMap<number, { mailbox?: string | undefined; folderName?: string | undefined }>;

export interface TargetRowsProps {
  rows: readonly TargetRow[];
  messages: RowMessages;
  /** The group's own problem (e.g. "Zum Einschalten mindestens ein Zielpostfach eintragen."). */
  groupMessage?: string | undefined;
  /** The row whose mailbox takes the focus (a row just added). */
  focusKey?: number | undefined;
  onChange: (rows: TargetRow[], added?: number) => void;
}

// The target mailboxes as rows of mailbox address and folder name (default "KlarKonform CRM"),
// each removable; "Zielpostfach hinzufügen" up to MAX_MIRROR_TARGETS.
export function TargetRows({ rows, messages, groupMessage, focusKey, onChange }: TargetRowsProps) {
  const styles = useStyles();
  const { mt } = useMirrorText();
  const update = (key: number, change: Partial<TargetRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const full = rows.length >= MAX_MIRROR_TARGETS;
  return (
    <section className={styles.root} aria-labelledby="mirror-targets-form-heading">
      <Text as="h4" id="mirror-targets-form-heading" weight="semibold" className={styles.heading}>
        {mt('settings.targets')}
      </Text>
      <Text size={200} className={styles.hint}>
        {mt('settings.targetsHint')}
      </Text>
      {rows.length === 0 && <Text>{mt('settings.noTargets')}</Text>}
      {groupMessage && (
        <Text role="alert" className={styles.hint}>
          {groupMessage}
        </Text>
      )}
      {rows.map((row, index) => {
        const n = index + 1;
        const message = messages.get(row.key);
        return (
          <fieldset key={row.key} className={styles.row} data-testid="mirror-target-row">
            <legend className={styles.legend}>{mt('settings.target', { n })}</legend>
            <Field
              label={mt('settings.mailbox')}
              validationMessage={message?.mailbox}
              validationState={message?.mailbox ? 'error' : 'none'}
            >
              <Input
                type="email"
                value={row.mailbox}
                placeholder={mt('settings.mailboxPlaceholder')}
                autoFocus={row.key === focusKey}
                onChange={(_event, data) => update(row.key, { mailbox: data.value })}
              />
            </Field>
            <Field
              label={mt('settings.folder')}
              hint={mt('settings.folderHint')}
              validationMessage={message?.folderName}
              validationState={message?.folderName ? 'error' : 'none'}
            >
              <Input
                value={row.folderName}
                maxLength={MAX_FOLDER_LENGTH}
                onChange={(_event, data) => update(row.key, { folderName: data.value })}
              />
            </Field>
            <Button
              className={styles.remove}
              icon={<DeleteRegular />}
              aria-label={mt('settings.removeLabel', { n })}
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              {mt('settings.remove')}
            </Button>
          </fieldset>
        );
      })}
      <Button
        className={styles.add}
        icon={<AddRegular />}
        disabled={full}
        onClick={() => {
          const row = newRow();
          onChange([...rows, row], row.key);
        }}
      >
        {mt('settings.add')}
      </Button>
      {full && (
        <Text size={200} className={styles.hint}>
          {mt('settings.max', { max: MAX_MIRROR_TARGETS })}
        </Text>
      )}
    </section>
  );
}
