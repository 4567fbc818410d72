import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useUiText } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { usePipelineText } from './usePipelineText';
import type { useWonLead } from './useWonLead';

// What a win of a lead's opportunity shows: the offer to make the lead a customer, then the
// lead state machine's confirm dialog, its result with "Rückgängig", or its problem.
export function WonLeadBars({ won }: { won: ReturnType<typeof useWonLead> }) {
  const { pt } = usePipelineText();
  const { tt } = useTabText();
  const { t } = useUiText();
  return (
    <>
      {won.offer && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {pt('won.offer', { title: won.offer.opportunity.title, contact: won.offer.contact.displayName })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={won.convert}>
              {pt('won.convert')}
            </Button>
            <Button appearance="transparent" onClick={won.dismiss}>
              {tt('common.close')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {won.status.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{won.status.notice.text}</MessageBarBody>
          <MessageBarActions>
            {won.status.notice.undo && <Button onClick={won.status.notice.undo}>{t('leadDone.undo')}</Button>}
            <Button appearance="transparent" onClick={won.status.dismissNotice}>
              {tt('common.close')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {won.status.failure && <ProblemBar error={won.status.failure.error} onDismiss={won.status.dismissFailure} />}
      {won.status.dialog}
    </>
  );
}
