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
import type { LeadStaleness } from '../../contacts/contact.rules';
import { useUiText } from '../i18n/useUiText';
import type { LeadKey } from './lead-messages.de';

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

type Reason = 'untouched' | 'openTooLong' | 'noNeed' | 'competitor' | 'price' | 'noBudget';

// The usual reasons, one click away: for archiving the staleness that makes a lead overdue
// comes first (and is pre-filled); for a lost lead, why deals are lost.
const REASONS: Record<'archived' | 'lost', readonly Reason[]> = {
  archived: ['untouched', 'openTooLong', 'noNeed', 'competitor'],
  lost: ['competitor', 'price', 'noBudget', 'noNeed'],
};

/** The reason offered first in the archive dialog, from why the lead is overdue. */
export function suggestedReason(staleness: LeadStaleness | undefined): 'untouched' | 'openTooLong' | undefined {
  return staleness === 'untouched' || staleness === 'openTooLong' ? staleness : undefined;
}

export interface LeadReasonDialogProps {
  name: string;
  /** Archived or lost: both archive the contact with the reason. */
  status: 'archived' | 'lost';
  staleness?: LeadStaleness | undefined;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

// Losing or archiving a lead needs a reason (at least 3 characters), kept on the contact's
// archive entry and in the audit trail.
export function LeadReasonDialog({ name, status, staleness, onConfirm, onCancel }: LeadReasonDialogProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const reasonText = (reason: Reason) => t(`leadReason.${reason}` as LeadKey);
  const first = status === 'archived' ? suggestedReason(staleness) : undefined;
  const order = [...new Set([...(first ? [first] : []), ...REASONS[status]])];
  const [reason, setReason] = useState(first ? reasonText(first) : '');
  const valid = reason.trim().length >= 3;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // React bubbles events through portals: the form this dialog opens from (the editor's)
    // must not see this submit as its own.
    event.stopPropagation();
    if (valid) onConfirm(reason.trim());
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>
              {t(status === 'archived' ? 'leadReason.archiveTitle' : 'leadReason.lostTitle', { name })}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <ul className={styles.chips} aria-label={t('leadReason.suggestions')}>
                {order.map((key) => (
                  <li key={key}>
                    <Button size="small" shape="circular" onClick={() => setReason(reasonText(key))}>
                      {reasonText(key)}
                    </Button>
                  </li>
                ))}
              </ul>
              <Field label={t('leadReason.reason')} hint={t('leadReason.hint')} required>
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
                {t('form.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={!valid}>
                {t(status === 'archived' ? 'leadReason.archiveConfirm' : 'leadReason.lostConfirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
