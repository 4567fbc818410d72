import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { Activity } from '../../activities/activity.schema';
import { ApiError } from '../../http/api-client';
import { useApi } from '../api-context';
import { DateField } from '../forms/DateField';
import { FormActions } from '../forms/FormActions';
import { today } from '../forms/today';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { berlinDateTime } from '../i18n/date-format';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  form: {
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Date and time side by side, both shrinking with a 320 px pane (an input's intrinsic width would not).
  when: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 7em)',
    gap: tokens.spacingHorizontalS,
    '& > *': { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
    '& input': { minWidth: 0 },
  },
  heading: { margin: 0 },
});

export type QuickEntryType = 'call' | 'note';

export interface QuickEntryFormProps {
  type: QuickEntryType;
  contactId: string;
  /** The contact's name for the heading ("Anruf mit Max Muster"). */
  contactName: string;
  onSaved: (activity: Activity) => void;
  onCancel: () => void;
}

/** The wall-clock time in Berlin now, HH:MM. */
function nowTime(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

/**
 * "Anruf notieren" / "Notiz": subject, text and time (now by default) of an entry for one contact,
 * stored through POST /activities under one Idempotency-Key per form, so a double click or a
 * retry stores it once. The API's problem text shows when it refuses.
 */
export function QuickEntryForm({ type, contactId, contactName, onSaved, onCancel }: QuickEntryFormProps) {
  const styles = useStyles();
  const api = useApi();
  const { t } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const key = useRef(crypto.randomUUID());
  const [subject, setSubject] = useState(
    t(type === 'call' ? 'activity.form.callSubject' : 'activity.form.noteSubject'),
  );
  const [text, setText] = useState('');
  const [day, setDay] = useState(today());
  const [time, setTime] = useState(nowTime());
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const submit = async () => {
    let occurredAt: Date;
    try {
      occurredAt = berlinDateTime(day, time.trim());
    } catch {
      setProblem(t('activity.form.invalidTime'));
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      const { activity } = await api.createActivity(
        { type, subject: subject.trim(), text, occurredAt: occurredAt.toISOString(), contactIds: [contactId] },
        key.current,
      );
      onSaved(activity);
    } catch (err) {
      setProblem(err instanceof ApiError && err.problem?.detail ? err.problem.detail : t('activity.form.failed'));
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Text as="h3" id={headingId} ref={headingRef} tabIndex={-1} weight="semibold" className={styles.heading}>
        {t(type === 'call' ? 'activity.form.callTitle' : 'activity.form.noteTitle', { name: contactName })}
      </Text>
      <Field label={t('activity.form.subject')} required>
        <Input value={subject} maxLength={500} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <Field label={t('activity.form.text')}>
        <Textarea value={text} maxLength={10_000} resize="vertical" onChange={(_, data) => setText(data.value)} />
      </Field>
      <div className={styles.when}>
        <DateField label={t('activity.form.date')} value={day} onChange={setDay} required />
        <Field label={t('activity.form.time')} hint={t('activity.form.timeHint')} required>
          <Input value={time} inputMode="numeric" maxLength={5} onChange={(_, data) => setTime(data.value)} />
        </Field>
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <FormActions>
        <Button appearance="primary" type="submit" disabled={saving || subject.trim() === ''}>
          {saving ? t('activity.form.saving') : t('activity.form.save')}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {t('activity.form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}
