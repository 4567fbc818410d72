import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import type { EventCompletion } from '../office/demo-events-protocol';

const useStyles = makeStyles({ message: { whiteSpace: 'pre-wrap', margin: 0 } });

/** The add-in's name: Outlook titles the Smart Alerts dialog with it (manifest DisplayName). */
export const ADDIN_NAME = 'KlarKonform';

/**
 * The dialog's text from the handler's Markdown (Mailbox 1.15) as plain text with its line breaks:
 * emphasis markers dropped, escapes undone; else `errorMessage`.
 */
export function completionText(options: NonNullable<EventCompletion>): string {
  if (options.errorMessageMarkdown) {
    return options.errorMessageMarkdown.replace(/\\(.)|\*\*|__/g, (_match, escaped?: string) => escaped ?? '');
  }
  return options.errorMessage ?? '';
}

export interface SendCheckDialogProps {
  /** What the send handler completed with (`allowEvent: false`); null hides the dialog. */
  outcome: EventCompletion;
  texts: Record<string, string>;
  /** "Nicht senden": back to the message. */
  onClose: () => void;
  /** The `cancelLabel` button (with `commandId`): opens the compose pane. */
  onOpenPane: () => void;
  /** "Trotzdem senden" (only with `sendModeOverride: promptUser`). */
  onSendAnyway: () => void;
}

/** Outlook's Smart Alerts dialog as the demo shows it when the send check holds the mail back. */
export function SendCheckDialog({ outcome, texts, onClose, onOpenPane, onSendAnyway }: SendCheckDialogProps) {
  const styles = useStyles();
  const open = outcome !== null && outcome.allowEvent === false;
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface data-testid="send-check-dialog">
        <DialogBody>
          <DialogTitle>{ADDIN_NAME}</DialogTitle>
          <DialogContent>
            <p className={styles.message} data-testid="send-check-message">
              {outcome ? completionText(outcome) : ''}
            </p>
          </DialogContent>
          <DialogActions>
            {outcome?.sendModeOverride === 'promptUser' && (
              <Button appearance="primary" onClick={onSendAnyway}>
                {texts.sendAnyway}
              </Button>
            )}
            {outcome?.commandId && outcome.cancelLabel && (
              <Button
                appearance={outcome.sendModeOverride === 'promptUser' ? 'secondary' : 'primary'}
                onClick={onOpenPane}
              >
                {outcome.cancelLabel}
              </Button>
            )}
            <Button onClick={onClose}>{texts.dontSend}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
