import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ERASURE_REASONS } from '@klarkonform/shared';
import { type ErasureReason, type PrivacyContactState, useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  covers: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: 0 },
});

export interface EraseDialogProps {
  state: PrivacyContactState;
  /** The request the erasure answers, when it was opened from one. */
  defaultReason: ErasureReason;
  busy: boolean;
  failure: unknown;
  onConfirm: (reason: ErasureReason, note: string) => void;
  onCancel: () => void;
}

// "Löschen" asks first and shows what the erasure will do (the API's preview, nothing changed
// yet): erased now; or restricted until TT.MM.JJJJ because retention periods (HGB §257, AO §147)
// still cover the records listed; or blocked by a legal hold (nothing to confirm then).
export function EraseDialog({ state, defaultReason, busy, failure, onConfirm, onCancel }: EraseDialogProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { date } = useUiText();
  const [reason, setReason] = useState<ErasureReason>(defaultReason);
  const [note, setNote] = useState('');
  const preview = state.erasurePreview;
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{pt('erase.title', { name: state.displayName })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={pt('erase.reason')} required>
              <RadioGroup value={reason} onChange={(_event, data) => setReason(data.value as ErasureReason)}>
                {ERASURE_REASONS.map((item) => (
                  <Radio key={item} value={item} label={pt(`erase.reason.${item}`)} />
                ))}
              </RadioGroup>
            </Field>
            <Field label={`${pt('erase.note')} ${pt('common.optional')}`}>
              <Textarea value={note} maxLength={1000} onChange={(_event, data) => setNote(data.value)} />
            </Field>
            <Text as="h3" weight="semibold" className={styles.heading}>
              {pt('erase.preview')}
            </Text>
            <MessageBar
              intent={preview.outcome === 'erased' ? 'error' : 'warning'}
              layout="multiline"
              data-testid="erasure-preview"
            >
              <MessageBarBody>
                {preview.outcome === 'erased'
                  ? pt('erase.previewErased')
                  : preview.outcome === 'restricted'
                    ? pt('erase.previewRestricted', { date: date(preview.eraseOn) })
                    : pt('erase.previewHeld', { reason: state.legalHold?.reason ?? '' })}
              </MessageBarBody>
            </MessageBar>
            {preview.coveredBy.length > 0 && (
              <div>
                <Text weight="semibold">{pt('erase.coveredBy')}</Text>
                <ul className={styles.covers}>
                  {preview.coveredBy.map((cover) => (
                    <li key={`${cover.record}:${cover.recordId}`}>
                      {pt('erase.cover', {
                        type: `${pt(`erase.record.${cover.record}`)} (${pt(`recordType.short.${cover.recordType}`)})`,
                        made: date(cover.madeOn),
                        until: date(cover.keepUntil),
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {failure !== undefined && <ProblemBar error={failure} />}
          </DialogContent>
          <DialogActions>
            {preview.outcome !== 'held' && (
              <Button appearance="primary" disabled={busy} onClick={() => onConfirm(reason, note.trim())}>
                {preview.outcome === 'erased' ? pt('erase.confirm') : pt('erase.confirmRestrict')}
              </Button>
            )}
            <Button onClick={onCancel}>{pt('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
