import { Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useUiText } from '@klarkonform/shared/ui';
import type { HostFailure } from '../office/mailbox-host';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM },
});

// What the pane says when Outlook does not answer, or when the page is opened outside Outlook.
export function HostProblem({ reason }: { reason: HostFailure }) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <div className={styles.root}>
      <MessageBar intent={reason === 'notInOutlook' ? 'info' : 'error'} layout="multiline">
        <MessageBarBody>
          {reason === 'notInOutlook' ? t('pane.notInOutlook') : t('pane.hostTimeout')}{' '}
          {reason === 'notInOutlook' && <Link href="/addin/demo.html">{t('pane.openDemo')}</Link>}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
