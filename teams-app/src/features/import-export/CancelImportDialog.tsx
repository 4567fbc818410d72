import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useImportExportText } from './useImportExportText';

export interface CancelImportDialogProps {
  open: boolean;
  /** Rows already done: they stay imported. */
  done: string;
  busy: boolean;
  onConfirm: () => void;
  onKeepRunning: () => void;
}

// "Import abbrechen?": what is imported stays, the rest is not imported; the safe choice
// (keep running) first, so a stray Enter does not stop the import.
export function CancelImportDialog({ open, done, busy, onConfirm, onKeepRunning }: CancelImportDialogProps) {
  const { xt } = useImportExportText();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && onKeepRunning()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{xt('cancel.title')}</DialogTitle>
          <DialogContent>{xt('cancel.text', { done })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeepRunning}>
              {xt('cancel.keep')}
            </Button>
            <Button appearance="secondary" disabledFocusable={busy} onClick={onConfirm}>
              {xt('cancel.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
