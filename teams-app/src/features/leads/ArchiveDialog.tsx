import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type TabKey, useTabText } from '../../i18n/useTabText';
import type { LeadStaleness } from './lead-model';
import { suggestedReason } from './lead-model';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

const REASONS: Record<'untouched' | 'openTooLong' | 'noNeed' | 'competitor', TabKey> = {
  untouched: 'archive.reasonUntouched',
  openTooLong: 'archive.reasonOpenTooLong',
  noNeed: 'archive.reasonNoNeed',
  competitor: 'archive.reasonCompetitor',
};

export interface ArchiveDialogProps {
  name: string;
  staleness: LeadStaleness | undefined;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

// Archiving needs a reason (kept on the contact and in the audit trail). The usual reasons are
// one click away, the one matching the lead's staleness first and pre-filled.
export function ArchiveDialog({ name, staleness, onConfirm, onCancel }: ArchiveDialogProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const first = suggestedReason(staleness);
  const order = [...new Set([first, 'untouched', 'openTooLong', 'noNeed', 'competitor'] as const)].filter(
    (key): key is keyof typeof REASONS => key !== undefined,
  );
  const [reason, setReason] = useState(first ? tt(REASONS[first]) : '');
  const valid = reason.trim().length >= 3;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onConfirm(reason.trim());
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{tt('archive.title', { name })}</DialogTitle>
            <DialogContent className={styles.content}>
              <ul className={styles.chips} aria-label={tt('archive.suggestions')}>
                {order.map((key) => (
                  <li key={key}>
                    <Button size="small" shape="circular" onClick={() => setReason(tt(REASONS[key]))}>
                      {tt(REASONS[key])}
                    </Button>
                  </li>
                ))}
              </ul>
              <Field label={tt('archive.reason')} hint={tt('archive.reasonHint')} required>
                <Textarea
                  value={reason}
                  maxLength={500}
                  resize="vertical"
                  onChange={(_e, data) => setReason(data.value)}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel}>
                {tt('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={!valid}>
                {tt('archive.confirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
