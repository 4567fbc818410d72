import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useUiText } from '../i18n/useUiText';

export interface DiscardNotesDialogProps {
  open: boolean;
  /** Leave and lose the unsaved notes; called once the dialog has closed. */
  onDiscard: () => void;
  /** Stay in the editor (also Escape). */
  onKeepEditing: () => void;
  /** Other words for another editor (e.g. the Teams tab's templates); the notes' texts when left out. */
  texts?: { title: string; text: string; discard: string; keepEditing: string } | undefined;
}

/**
 * After the dialog is gone, Tabster lifts the aria-hidden it put on the page with a 250 ms delay
 * (tabster Modalizer.js `_hiddenUpdateTimer`); the host must stay mounted until then (ms).
 */
const ARIA_RESTORE_MS = 300;
/** Longest wait for the closing motion and the restore before the host leaves anyway (ms). */
const LEAVE_FALLBACK_MS = 1200;

// Asked before typed notes would be lost: "Zurück", closing the drawer, another mail item.
// "Weiter bearbeiten" comes first: a stray Enter keeps the text.
//
// "Verwerfen" closes the dialog first and tells the host only when the page is accessible again:
// a Fluent modal dialog unmounted while open, or within 250 ms after it closed, leaves aria-hidden
// on the page for good (microsoft/fluentui#35139, microsoft/tabster#530), which would hide the
// whole pane from screen readers and role queries. The host leaving at once would do that.
export function DiscardNotesDialog({ open, onDiscard, onKeepEditing, texts }: DiscardNotesDialogProps) {
  const { t } = useUiText();
  const words = texts ?? {
    title: t('notes.discardTitle'),
    text: t('notes.discardText'),
    discard: t('notes.discard'),
    keepEditing: t('notes.keepEditing'),
  };
  const [discarding, setDiscarding] = useState(false);
  const pending = useRef(false);
  const leave = useRef(onDiscard);
  leave.current = onDiscard;

  // Once per "Verwerfen": when the closing motion ends, or after the fallback time.
  const finish = useCallback(() => {
    if (!pending.current) return;
    pending.current = false;
    leave.current();
    setDiscarding(false);
  }, []);
  const restoreTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!discarding) return;
    const timer = setTimeout(finish, LEAVE_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [discarding, finish]);
  useEffect(() => () => clearTimeout(restoreTimer.current), []);

  return (
    <Dialog
      open={open && !discarding}
      modalType="alert"
      onOpenChange={(_event, data) => !data.open && onKeepEditing()}
      surfaceMotion={{
        onMotionFinish: (_event, data) => {
          if (data.direction === 'exit' && pending.current) restoreTimer.current = setTimeout(finish, ARIA_RESTORE_MS);
        },
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{words.title}</DialogTitle>
          <DialogContent>{words.text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeepEditing}>
              {words.keepEditing}
            </Button>
            <Button
              appearance="secondary"
              onClick={() => {
                pending.current = true;
                setDiscarding(true);
              }}
            >
              {words.discard}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
