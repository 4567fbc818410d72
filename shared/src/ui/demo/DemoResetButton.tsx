import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DemoResetResult } from '../../demo/demo.schema';
import { useApi } from '../api-context';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface DemoResetButtonProps {
  /** After a reset: show the fresh data (reload lists, the pane). */
  onReset: (result: DemoResetResult) => void;
  size?: 'small' | 'medium';
}

/**
 * "Demo zurücksetzen", with a confirmation: deletes the demo tenant's data and seeds it afresh
 * (POST /api/v1/demo/reset). Shown only to those who may (GET /api/v1/demo says so on the demo
 * tenant of a server that seeds the demo; elsewhere it answers 404 and nothing shows).
 */
export function DemoResetButton({ onReset, size = 'medium' }: DemoResetButtonProps) {
  const api = useApi();
  const { t } = useUiText();
  const styles = useStyles();
  const [resettable, setResettable] = useState(false);
  const [open, setOpen] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    api.demoStatus(controller.signal).then(
      (status) => setResettable(status.resettable),
      () => setResettable(false),
    );
    return () => controller.abort();
  }, [api]);

  if (!resettable) return null;

  const confirm = async () => {
    setResetting(true);
    setError(undefined);
    setDone('');
    try {
      const result = await api.resetDemo();
      setOpen(false);
      setDone(t('demo.resetDone', { count: result.createdContacts }));
      onReset(result);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setResetting(false);
    }
  };

  return (
    <span className={styles.root}>
      <Dialog
        modalType="alert"
        open={open}
        onOpenChange={(_event, data) => {
          if (!resetting) {
            setOpen(data.open);
            setError(undefined);
          }
        }}
      >
        <DialogTrigger disableButtonEnhancement>
          <Button size={size}>{t('demo.reset')}</Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('demo.resetTitle')}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t('demo.resetText')}</Text>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{t('demo.resetFailed', { reason: error })}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={resetting} onClick={() => void confirm()}>
                {t('demo.resetConfirm')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={resetting}>{t('form.cancel')}</Button>
              </DialogTrigger>
              {resetting && <Spinner size="tiny" label={t('demo.resetting')} />}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Text role="status" size={200}>
        {done}
      </Text>
    </span>
  );
}
