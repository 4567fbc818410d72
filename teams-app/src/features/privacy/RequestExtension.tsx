import { Button, Field, makeStyles, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface RequestExtensionProps {
  busy: boolean;
  /** Saves the extension; resolves true when saved. */
  onSave: (extension: { months: 1 | 2; reason: string }) => Promise<boolean>;
}

// "Frist verlängern" (Art. 12(3) DSGVO): by one or two months, once, with the reason the person
// is told; offered while the request is open and not yet overdue.
export function RequestExtension({ busy, onSave }: RequestExtensionProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const [open, setOpen] = useState(false);
  const [months, setMonths] = useState<1 | 2>(1);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  if (!open) {
    return (
      <div className={styles.actions}>
        <Button onClick={() => setOpen(true)}>{pt('detail.extend')}</Button>
      </div>
    );
  }
  return (
    <form
      className={styles.form}
      aria-label={pt('detail.extend')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') {
          setMissing(true);
          return;
        }
        void onSave({ months, reason: reason.trim() }).then((saved) => saved && setOpen(false));
      }}
    >
      <Field label={pt('detail.extendMonths')} hint={pt('detail.extendHint')}>
        <RadioGroup
          layout="horizontal"
          value={String(months)}
          onChange={(_event, data) => setMonths(data.value === '2' ? 2 : 1)}
        >
          <Radio value="1" label={pt('detail.extendOne')} />
          <Radio value="2" label={pt('detail.extendTwo')} />
        </RadioGroup>
      </Field>
      <Field
        label={pt('detail.extendReason')}
        required
        validationState={missing ? 'error' : 'none'}
        validationMessage={missing ? pt('detail.extendReasonRequired') : undefined}
      >
        <Textarea
          value={reason}
          maxLength={1000}
          onChange={(_event, data) => {
            setReason(data.value);
            setMissing(false);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {pt('detail.extendSave')}
        </Button>
        <Button onClick={() => setOpen(false)}>{pt('common.cancel')}</Button>
      </div>
    </form>
  );
}
