import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type MirrorProblem, mirrorProblemText, useUiText } from '@klarkonform/shared/ui';
import type { ReactNode } from 'react';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

/** Transient problems are retried by the next run: a warning, not an error. */
const TRANSIENT = new Set<MirrorProblem['code']>(['throttled', 'unavailable']);

// A mirror problem as a message bar: its title, what to do (the catalog's help), Microsoft's own
// message and since when. `actions` go below (e.g. "Zu den Einstellungen").
export function MirrorProblemBar({ problem, actions }: { problem: MirrorProblem; actions?: ReactNode }) {
  const styles = useStyles();
  const text = useUiText();
  const { mt } = useMirrorText();
  const { title, help, detail } = mirrorProblemText(problem, text);
  return (
    <MessageBar intent={TRANSIENT.has(problem.code) ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title}</MessageBarTitle>
        <span>{help}</span>
        {detail && (
          <Text size={200} className={styles.secondary}>
            {mt('problem.detail', { detail })}
          </Text>
        )}
        <Text size={200} className={styles.secondary}>
          {mt('problem.since', { at: text.dateTime(problem.at) })}
        </Text>
        {actions}
      </MessageBarBody>
    </MessageBar>
  );
}
