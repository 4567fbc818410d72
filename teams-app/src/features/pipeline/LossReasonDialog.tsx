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
import { useTabText } from '../../i18n/useTabText';
import { usePipelineText } from './usePipelineText';

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

const SUGGESTIONS = ['lost.price', 'lost.competitor', 'lost.noBudget', 'lost.noNeed'] as const;

export interface LossReasonDialogProps {
  title: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

// Verloren needs a reason (the API refuses the stage without one): asked before the move,
// with the usual reasons one click away.
export function LossReasonDialog({ title, onConfirm, onCancel }: LossReasonDialogProps) {
  const styles = useStyles();
  const { pt } = usePipelineText();
  const { tt } = useTabText();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = reason.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setTried(true);
    if (!missing) onConfirm(reason.trim());
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{pt('lost.title', { title })}</DialogTitle>
            <DialogContent className={styles.content}>
              <ul className={styles.chips} aria-label={pt('lost.suggestions')}>
                {SUGGESTIONS.map((key) => (
                  <li key={key}>
                    <Button size="small" shape="circular" onClick={() => setReason(pt(key))}>
                      {pt(key)}
                    </Button>
                  </li>
                ))}
              </ul>
              <Field
                label={pt('lost.reason')}
                hint={pt('lost.hint')}
                required
                validationState={tried && missing ? 'error' : 'none'}
                validationMessage={tried && missing ? pt('lost.required') : undefined}
              >
                <Textarea
                  value={reason}
                  maxLength={1000}
                  resize="vertical"
                  onChange={(_event, data) => setReason(data.value)}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel}>
                {tt('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit">
                {pt('lost.confirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
