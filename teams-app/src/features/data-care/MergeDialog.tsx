import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ContactSummary } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';

export interface MergeDialogProps {
  survivor: ContactSummary;
  duplicates: readonly ContactSummary[];
  onConfirm: () => void;
  onCancel: () => void;
}

// Merging cannot be undone from the tab, so it is confirmed with the names spelled out.
export function MergeDialog({ survivor, duplicates, onConfirm, onCancel }: MergeDialogProps) {
  const { tt } = useTabText();
  const label = (contact: ContactSummary) => `${contact.displayName} (${contact.contactNumber})`;
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{tt('duplicates.mergeTitle')}</DialogTitle>
          <DialogContent>
            {tt('duplicates.mergeText', {
              duplicates: duplicates.map(label).join(', '),
              survivor: label(survivor),
            })}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {tt('common.cancel')}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {tt('duplicates.mergeConfirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
