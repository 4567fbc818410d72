import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useTemplatesText } from './useTemplatesText';

export interface DeleteTemplateDialogProps {
  name: string | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Called once the closed dialog has given the page back (see DiscardNotesDialog: tabster's aria-hidden). */
  onClosed?: () => void;
}

/** Tabster lifts its aria-hidden 250 ms after a modal closed; the host leaves only after that (ms). */
const ARIA_RESTORE_MS = 300;

// "Vorlage löschen?": the safe choice first, so a stray Enter keeps the template.
export function DeleteTemplateDialog({ name, busy, onConfirm, onCancel, onClosed }: DeleteTemplateDialogProps) {
  const { mt } = useTemplatesText();
  return (
    <Dialog
      open={name !== undefined}
      modalType="alert"
      onOpenChange={(_event, data) => !data.open && onCancel()}
      surfaceMotion={{
        onMotionFinish: (_event, data) => {
          if (data.direction === 'exit' && onClosed) setTimeout(onClosed, ARIA_RESTORE_MS);
        },
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{mt('delete.title')}</DialogTitle>
          <DialogContent>{mt('delete.text', { name: name ?? '' })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onCancel}>
              {mt('delete.cancel')}
            </Button>
            <Button appearance="secondary" disabled={busy} onClick={onConfirm}>
              {mt('delete.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
