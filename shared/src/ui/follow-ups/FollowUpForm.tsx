import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import {
  berlinToday,
  QUICK_DUE_CHOICES,
  type QuickDueChoice,
  quickDueDate,
} from '../../follow-ups/follow-up-due.rules';
import type { FollowUp, FollowUpCreate } from '../../follow-ups/follow-up.schema';
import { useApi } from '../api-context';
import { useTenantUsers } from '../edit/useTenantUsers';
import { DateField } from '../forms/DateField';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { useUiText } from '../i18n/useUiText';
import { normalTime, weekdayDate } from './follow-up-form.model';

export interface FollowUpFormProps {
  contact: Pick<Contact, 'id' | 'displayName' | 'ownerId'>;
  /** The Betreuer's name, when known (the card's owner): the assignee the form starts with. */
  ownerName?: string | undefined;
  onSaved: (followUp: FollowUp) => void;
  onCancel: () => void;
}

type Choice = QuickDueChoice | 'other';

// "Wiedervorlage": what, when (morgen / in 3 Tagen / in einer Woche, or another date), an
// optional time and who (the Betreuer by default). Quick choices skip weekends
// (follow-up-due.rules.ts) and show the day they mean. One Idempotency-Key per opened form, so a
// double click or a retry stores one follow-up.
export function FollowUpForm({ contact, ownerName, onSaved, onCancel }: FollowUpFormProps) {
  const styles = useFormStyles();
  const text = useUiText();
  const { t, language } = text;
  const api = useApi();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { users } = useTenantUsers();
  const [key] = useState(() => crypto.randomUUID());
  const [title, setTitle] = useState('');
  const [choice, setChoice] = useState<Choice>('tomorrow');
  const [other, setOther] = useState('');
  const [time, setTime] = useState('');
  const [timeLeft, setTimeLeft] = useState(false);
  const [assigneeId, setAssigneeId] = useState(contact.ownerId ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const today = berlinToday(new Date());
  const dueDate = choice === 'other' ? other : quickDueDate(choice, today);
  const dueTime = normalTime(time);
  const timeInvalid = time.trim() !== '' && dueTime === undefined;
  const valid = title.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && !timeInvalid;
  const ownerKnown = users.some((u) => u.id === contact.ownerId);

  const submit = async () => {
    if (!valid || saving) return;
    setSaving(true);
    setError(undefined);
    const body: FollowUpCreate = {
      title: title.trim(),
      dueDate,
      ...(dueTime ? { dueTime } : {}),
      ...(assigneeId ? { assigneeId } : {}),
      contactId: contact.id,
    };
    try {
      onSaved(await api.createFollowUp(body, key));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={t('followUp.formTitle', { name: contact.displayName })}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Text as="h2" size={500} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
        {t('followUp.formTitle', { name: contact.displayName })}
      </Text>
      <Field label={t('followUp.title')} required>
        <Input
          value={title}
          maxLength={200}
          placeholder={t('followUp.titlePlaceholder')}
          onChange={(_, data) => setTitle(data.value)}
        />
      </Field>
      <Field label={t('followUp.when')} hint={t('followUp.weekendHint')}>
        <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value as Choice)}>
          {QUICK_DUE_CHOICES.map((quick) => (
            <Radio
              key={quick}
              value={quick}
              label={`${t(`followUp.${quick}`)} (${weekdayDate(quickDueDate(quick, today), language, text.date)})`}
            />
          ))}
          <Radio value="other" label={t('followUp.otherDate')} />
        </RadioGroup>
      </Field>
      {choice === 'other' && <DateField label={t('followUp.otherDate')} value={other} onChange={setOther} required />}
      <div className={styles.row}>
        <Field
          label={t('followUp.time')}
          hint={t('followUp.timeHint')}
          validationState={timeLeft && timeInvalid ? 'error' : 'none'}
          validationMessage={timeLeft && timeInvalid ? t('followUp.timeInvalid') : undefined}
        >
          <Input
            value={time}
            inputMode="numeric"
            onChange={(_, data) => setTime(data.value)}
            onBlur={() => setTimeLeft(true)}
          />
        </Field>
        <Field label={t('followUp.assignee')}>
          <Select value={assigneeId} onChange={(_, data) => setAssigneeId(data.value)}>
            {!contact.ownerId && <option value="">—</option>}
            {contact.ownerId && !ownerKnown && (
              <option value={contact.ownerId}>
                {t('followUp.assigneeOwner', { name: ownerName ?? contact.ownerId })}
              </option>
            )}
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.id === contact.ownerId ? t('followUp.assigneeOwner', { name: user.name }) : user.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('followUp.failed', { message: error })}</MessageBarBody>
        </MessageBar>
      )}
      <FormActions>
        <Button appearance="primary" type="submit" disabled={!valid || saving}>
          {saving ? <Spinner size="tiny" label={t('followUp.saving')} /> : t('followUp.save')}
        </Button>
        <Button onClick={onCancel}>{t('followUp.cancel')}</Button>
      </FormActions>
    </form>
  );
}
