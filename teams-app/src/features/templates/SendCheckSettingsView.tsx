import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type SendCheckSettings, type SendCheckSettingsUpdate } from '@klarkonform/shared/ui';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { CategoryChips } from './CategoryChips';
import { MODES, settingsFormOf, UNAVAILABLE } from './send-check-form';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px', minWidth: 0 },
  radioLabel: { display: 'flex', flexDirection: 'column' },
  hint: { color: tokens.colorNeutralForeground2 },
  heading: { display: 'block', margin: 0 },
  intro: { display: 'block', margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

// "Versandprüfung" (CRM.Admin): whether Outlook checks marketing mail at send time, how it holds
// a mail back, which Outlook categories make a mail marketing, and what happens when it cannot
// check. Saved with If-Match on the version shown (0: the defaults, never saved); 412 offers a reload.
// `onSaved` after a save (the template list shows whether the check is on).
export function SendCheckSettingsView({ onSaved }: { onSaved?: () => void } = {}) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  const { api } = useServices();
  const [saved, setSaved] = useState<SendCheckSettings | undefined>();
  const [form, setForm] = useState<SendCheckSettingsUpdate | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [failure, setFailure] = useState<unknown>();
  const [categoriesError, setCategoriesError] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const settings = await api.sendCheckSettings(signal);
        setSaved(settings);
        setForm(settingsFormOf(settings));
        setLoadError(undefined);
        setConflict(false);
      } catch (error) {
        if (!signal?.aborted) setLoadError(error);
      }
    },
    [api],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (loadError !== undefined && !form) return <ProblemBar error={loadError} onRetry={() => void load()} />;
  if (!saved || !form) return <Spinner size="small" label={mt('sendCheck.loading')} />;

  const change = (next: Partial<SendCheckSettingsUpdate>) => {
    setForm({ ...form, ...next });
    setDone(false);
    setFailure(undefined);
    if (next.marketingCategories) setCategoriesError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    setDone(false);
    try {
      const next = await api.updateSendCheckSettings(saved.version, form);
      setSaved(next);
      setForm(settingsFormOf(next));
      setCategoriesError(undefined);
      setDone(true);
      onSaved?.();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const categories = problem?.errors?.find((item) => item.field.includes('marketingCategories'));
      if (error instanceof ApiError && (error.status === 412 || error.code === 'preconditionFailed')) {
        setConflict(true);
      } else if (categories) {
        setCategoriesError(categories.message);
      } else {
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const option = (value: string, label: string, hint: string) => (
    <Radio
      key={value}
      value={value}
      label={
        <span className={styles.radioLabel}>
          <span>{label}</span>
          <Text size={200} className={styles.hint}>
            {hint}
          </Text>
        </span>
      }
    />
  );

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="send-check-heading"
    >
      <div>
        <Text as="h3" id="send-check-heading" size={400} weight="semibold" className={styles.heading}>
          {mt('sendCheck.heading')}
        </Text>
        <Text as="p" className={styles.intro}>
          {mt('sendCheck.intro')}
        </Text>
      </div>
      <Field hint={mt(form.enabled ? 'sendCheck.enabledHintOn' : 'sendCheck.enabledHintOff')}>
        <Switch
          checked={form.enabled}
          label={mt('sendCheck.enabled')}
          onChange={(_event, data) => change({ enabled: data.checked })}
        />
      </Field>
      <Field label={mt('sendCheck.mode')} hint={mt('sendCheck.blockNote')}>
        <RadioGroup
          value={form.mode}
          disabled={!form.enabled}
          onChange={(_event, data) => change({ mode: data.value as SendCheckSettingsUpdate['mode'] })}
        >
          {MODES.map((mode) => option(mode, mt(`sendCheck.${mode}`), mt(`sendCheck.${mode}Hint`)))}
        </RadioGroup>
      </Field>
      <CategoryChips
        categories={form.marketingCategories}
        serverError={categoriesError}
        onChange={(marketingCategories) => change({ marketingCategories })}
        onInput={() => setCategoriesError(undefined)}
        savedKey={saved.version}
        disabled={!form.enabled}
      />
      <Field label={mt('sendCheck.whenUnavailable')} hint={mt('sendCheck.whenUnavailableHint')}>
        <RadioGroup
          value={form.whenUnavailable}
          disabled={!form.enabled}
          onChange={(_event, data) =>
            change({ whenUnavailable: data.value as SendCheckSettingsUpdate['whenUnavailable'] })
          }
        >
          {UNAVAILABLE.map((value) => option(value, mt(`sendCheck.${value}`), mt(`sendCheck.${value}Hint`)))}
        </RadioGroup>
      </Field>
      {conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{mt('editor.conflictTitle')}</MessageBarTitle>
            {mt('sendCheck.conflict')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void load()}>{mt('editor.reload')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {mt('sendCheck.save')}
        </Button>
        <Text role="status">{done && !saving ? mt('sendCheck.saved') : ''}</Text>
      </div>
    </form>
  );
}
