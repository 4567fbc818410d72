import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type MirrorSettings } from '@klarkonform/shared/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import {
  bodyOf,
  type FormProblems,
  formProblems,
  hasProblems,
  isDirty,
  MAX_FOLDER_LENGTH,
  type MirrorForm,
  type PlacedErrors,
  placeServerErrors,
} from './mirror-form';
import { TargetRows } from './TargetRows';
import type { MirrorSettingsState } from './useMirrorSettings';
import { useMirrorText } from './useMirrorText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '840px', minWidth: 0 },
  heading: { display: 'block', margin: 0 },
  intro: { display: 'block', margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface MirrorSettingsFormProps {
  /** Whether the server has Graph credentials (from the status; undefined while unknown). */
  configured: boolean | undefined;
  /** The settings as this view holds them (kept by the section so a view switch keeps edits). */
  settings: MirrorSettingsState;
  onSaved: (settings: MirrorSettings) => void;
}

type Messages = Pick<PlacedErrors, 'enabled' | 'targets' | 'rows'>;
const NO_MESSAGES: Messages = { rows: new Map() };

// "Einstellungen": on/off and the target mailboxes, saved with If-Match on the version shown
// (0 before the first save); 412 offers "Neu laden". Problems show at their fields, the client's
// own checks first and the API's field errors after. When the server has no Graph credentials the
// form says so above everything: saving works, syncing will not until the operator sets them.
export function MirrorSettingsForm({ configured, settings: state, onSaved }: MirrorSettingsFormProps) {
  const styles = useStyles();
  const { mt } = useMirrorText();
  const { saved, form, setForm, loadError, reload, save } = state;
  const [messages, setMessages] = useState<Messages>(NO_MESSAGES);
  const [failure, setFailure] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const [focusKey, setFocusKey] = useState<number | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);

  // After a refused save the first marked field takes the focus (keyboard and screen readers).
  useEffect(() => {
    if (focusInvalid === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  if (loadError !== undefined && !form) return <ProblemBar error={loadError} onRetry={() => void reload()} />;
  if (!saved || !form) return <Spinner size="small" label={mt('settings.loading')} />;

  const change = (next: MirrorForm, added?: number) => {
    setForm(next);
    setFocusKey(added);
    setNotice('');
    setFailure(undefined);
    setMessages(NO_MESSAGES);
  };

  const worded = (problems: FormProblems): Messages => ({
    enabled: problems.enabled && mt(`field.${problems.enabled}`),
    rows: new Map(
      [...problems.rows].map(([key, row]) => [
        key,
        {
          mailbox: row.mailbox && mt(`field.${row.mailbox}`),
          folderName: row.folderName && mt(`field.${row.folderName}`, { max: MAX_FOLDER_LENGTH }),
        },
      ]),
    ),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = formProblems(form);
    if (hasProblems(problems)) {
      setMessages(worded(problems));
      setNotice(mt('settings.invalid'));
      setFocusInvalid((n) => n + 1);
      return;
    }
    setSaving(true);
    setFailure(undefined);
    setNotice('');
    try {
      const next = await save(bodyOf(form));
      setMessages(NO_MESSAGES);
      setNotice(
        mt(
          configured === false
            ? 'settings.savedNotConfigured'
            : next.enabled
              ? 'settings.savedRunning'
              : 'settings.saved',
        ),
      );
      onSaved(next);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 412 || error.code === 'preconditionFailed')) {
        setConflict(true);
      } else {
        const placed = placeServerErrors(error instanceof ApiError ? (error.problem?.errors ?? []) : [], form);
        const atFields = placed.enabled || placed.targets || placed.rows.size > 0;
        if (atFields) {
          setMessages(placed);
          setNotice(mt('settings.invalid'));
          setFocusInvalid((n) => n + 1);
        }
        if (!atFields || placed.rest.length > 0) setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const enabledMessage = messages.enabled;
  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="mirror-settings-heading"
    >
      <div>
        <Text as="h3" id="mirror-settings-heading" size={400} weight="semibold" className={styles.heading}>
          {mt('settings.heading')}
        </Text>
        <Text as="p" className={styles.intro}>
          {mt('settings.intro')}
        </Text>
      </div>
      {configured === false && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{mt('notConfigured.title')}</MessageBarTitle>
            {mt('notConfigured.text')}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field
        hint={enabledMessage ? undefined : mt(form.enabled ? 'settings.enabledHintOn' : 'settings.enabledHintOff')}
        validationMessage={enabledMessage}
        validationState={enabledMessage ? 'error' : 'none'}
      >
        <Switch
          checked={form.enabled}
          label={mt('settings.enabled')}
          onChange={(_event, data) => change({ ...form, enabled: data.checked })}
        />
      </Field>
      <TargetRows
        rows={form.targets}
        messages={messages.rows}
        groupMessage={messages.targets}
        focusKey={focusKey}
        onChange={(targets, added) => change({ ...form, targets }, added)}
      />
      {conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{mt('settings.conflictTitle')}</MessageBarTitle>
            {mt('settings.conflict')}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setConflict(false);
                setMessages(NO_MESSAGES);
                setNotice('');
                void reload();
              }}
            >
              {mt('settings.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving || !isDirty(form, saved)}>
          {mt('settings.save')}
        </Button>
        <Text role="status">{saving ? '' : notice}</Text>
      </div>
    </form>
  );
}
