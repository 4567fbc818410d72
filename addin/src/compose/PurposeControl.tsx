import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { TemplatePurpose } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { PURPOSE_RANK } from './compose-session';
import { useComposeText } from './useComposeText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  field: { minWidth: 0 },
  selectRoot: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const PURPOSES: readonly TemplatePurpose[] = ['marketing', 'transactional', 'personal'];

export interface PurposeControlProps {
  purpose: TemplatePurpose;
  /** Writes the mail's purpose to the session data (the send check reads it). */
  onChange: (purpose: TemplatePurpose) => Promise<void>;
  /** The tenant switched the send check off: a marketing mail is not checked, and the pane says so. */
  checkOff?: boolean;
}

/**
 * The mail's current purpose ("Zweck dieser E-Mail: Marketing – wird beim Senden geprüft") and
 * "Zweck ändern": raising applies at once; leaving marketing needs the user's confirmation that the
 * mail no longer contains advertising (inserting templates never lowers it, see compose-session).
 */
export function PurposeControl({ purpose, onChange, checkOff = false }: PurposeControlProps) {
  const styles = useStyles();
  const { c } = useComposeText();
  const [pending, setPending] = useState<TemplatePurpose | undefined>();
  const [failed, setFailed] = useState(false);

  async function apply(next: TemplatePurpose) {
    setPending(undefined);
    setFailed(false);
    await onChange(next).catch(() => setFailed(true));
  }

  function choose(next: TemplatePurpose) {
    if (next === purpose) return setPending(undefined);
    if (purpose === 'marketing' && PURPOSE_RANK[next] < PURPOSE_RANK[purpose]) return setPending(next);
    void apply(next);
  }

  return (
    <div className={styles.root}>
      <Text data-testid="mail-purpose" weight="semibold">
        {c(
          purpose === 'marketing' && checkOff
            ? 'compose.mailPurpose.marketingUnchecked'
            : `compose.mailPurpose.${purpose}`,
        )}
      </Text>
      <Field label={c('compose.changePurpose')} className={styles.field}>
        <Select
          className={styles.selectRoot}
          select={{ className: styles.select }}
          value={pending ?? purpose}
          onChange={(_, d) => choose(d.value as TemplatePurpose)}
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {c(`compose.purpose.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      {pending && (
        <MessageBar intent="warning" layout="multiline" data-testid="purpose-confirm">
          <MessageBarBody>
            {c('compose.lowerPurposeConfirm', { purpose: c(`compose.purpose.${pending}`) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void apply(pending)}>
              {c('compose.lowerPurposeYes')}
            </Button>
            <Button size="small" onClick={() => setPending(undefined)}>
              {c('compose.lowerPurposeNo')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{c('compose.purposeFailed')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
