import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  shorthands,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { RETENTION_RECORD_TYPES } from '@klarkonform/shared';
import { ApiError, type PrivacySettings } from '@klarkonform/shared/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { saveBlob } from '../import-export/download';
import { ActivitiesFields } from './ActivitiesFields';
import { NUMBER_BOUNDS, numberProblems, numbersOf, type SettingsNumbers, settingsBody } from './privacy-model';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px', minWidth: 0 },
  group: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    minWidth: 0,
  },
  fieldset: {
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  heading: { margin: 0 },
  number: { maxWidth: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Texts = Omit<PrivacySettings, 'version' | 'retentionYears' | 'consentReviewMonths' | 'doubleOptInValidHours'>;

/** The API's field errors by path ("body.activities.0.name" → "activities.0.name"). */
function fieldErrors(error: unknown): Map<string, string> {
  const errors = new Map<string, string>();
  if (!(error instanceof ApiError)) return errors;
  for (const item of error.problem?.errors ?? []) {
    errors.set(
      item.field
        .replace(/^body\./, '')
        .replace(/^\//, '')
        .replace(/\//g, '.'),
      item.message,
    );
  }
  return errors;
}

// "Einstellungen": retention years per record type (with their law), the consent review age,
// the double opt-in link's validity and the Art. 30 data — saved with If-Match on the version
// shown (0: the defaults, never saved; 412 offers "Neu laden") — and the records of processing
// as PDF or JSON.
export function PrivacySettingsForm() {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { api } = useServices();
  const [saved, setSaved] = useState<PrivacySettings | undefined>();
  const [numbers, setNumbers] = useState<SettingsNumbers | undefined>();
  const [texts, setTexts] = useState<Texts | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [failure, setFailure] = useState<unknown>();
  const [invalid, setInvalid] = useState<ReadonlySet<keyof SettingsNumbers>>(new Set());
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the reason to load again
  useEffect(() => {
    const controller = new AbortController();
    api.privacySettings(controller.signal).then(
      (settings) => {
        const {
          version: _v,
          retentionYears: _r,
          consentReviewMonths: _c,
          doubleOptInValidHours: _d,
          ...rest
        } = settings;
        setSaved(settings);
        setNumbers(numbersOf(settings));
        setTexts(rest);
        setLoadError(undefined);
      },
      (error: unknown) => !controller.signal.aborted && setLoadError(error),
    );
    return () => controller.abort();
  }, [api, round]);

  if (loadError !== undefined && !saved) return <ProblemBar error={loadError} onRetry={() => setRound((n) => n + 1)} />;
  if (!saved || !numbers || !texts) return <Spinner size="small" label={pt('common.loading')} />;

  const errors = fieldErrors(failure);
  const activityErrors = new Map(
    [...errors].filter(([path]) => path.startsWith('activities.')).map(([path, message]) => [path.slice(11), message]),
  );
  const edit = () => {
    setNotice('');
    setInvalid(new Set());
  };
  const setNumber = (key: keyof SettingsNumbers, value: string) => {
    setNumbers({ ...numbers, [key]: value });
    edit();
  };
  const setController = (key: keyof Texts['controller'], value: string) => {
    setTexts({ ...texts, controller: { ...texts.controller, [key]: value } });
    edit();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = numberProblems(numbers);
    if (problems.length > 0) {
      setInvalid(new Set(problems));
      return;
    }
    setSaving(true);
    setFailure(undefined);
    try {
      const next = await api.updatePrivacySettings(saved.version, settingsBody({ ...saved, ...texts }, numbers));
      setSaved(next);
      setNumbers(numbersOf(next));
      setNotice(pt('settings.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setConflict(true);
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const download = async (format: 'pdf' | 'json') => {
    setFailure(undefined);
    try {
      const file = await api.recordsOfProcessing(format);
      saveBlob(file.blob, file.fileName);
      setNotice(pt('settings.downloaded', { file: file.fileName }));
    } catch (error) {
      setFailure(error);
    }
  };

  const numberField = (key: keyof SettingsNumbers, label: string) => {
    const [min, max] = NUMBER_BOUNDS[key];
    const message = invalid.has(key) ? pt('settings.invalidNumber', { min, max }) : errors.get(key);
    return (
      <Field key={key} label={label} validationState={message ? 'error' : 'none'} validationMessage={message}>
        <Input
          className={styles.number}
          inputMode="numeric"
          value={numbers[key]}
          onChange={(_event, data) => setNumber(key, data.value)}
        />
      </Field>
    );
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="privacy-settings-heading"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <Text as="h3" id="privacy-settings-heading" size={400} weight="semibold" className={styles.heading}>
        {pt('settings.heading')}
      </Text>
      <div className={styles.actions}>
        <Button onClick={() => void download('pdf')}>{pt('settings.recordsPdf')}</Button>
        <Button onClick={() => void download('json')}>{pt('settings.recordsJson')}</Button>
      </div>
      <fieldset className={mergeClasses(styles.group, styles.fieldset)}>
        <legend className={styles.legend}>{pt('settings.retention')}</legend>
        {RETENTION_RECORD_TYPES.map((type) => numberField(type, pt(`recordType.${type}`)))}
      </fieldset>
      <div className={styles.group}>
        {numberField('consentReviewMonths', pt('settings.consentReviewMonths'))}
        {numberField('doubleOptInValidHours', pt('settings.doiHours'))}
      </div>
      <fieldset className={mergeClasses(styles.group, styles.fieldset)}>
        <legend className={styles.legend}>{pt('settings.controller')}</legend>
        <Field label={pt('settings.controllerName')}>
          <Input value={texts.controller.name} maxLength={200} onChange={(_e, d) => setController('name', d.value)} />
        </Field>
        <Field label={pt('settings.representative')}>
          <Input
            value={texts.controller.representative}
            maxLength={200}
            onChange={(_e, d) => setController('representative', d.value)}
          />
        </Field>
        <Field label={pt('settings.controllerAddress')}>
          <Textarea
            value={texts.controller.address}
            maxLength={500}
            onChange={(_e, d) => setController('address', d.value)}
          />
        </Field>
        <Field label={pt('settings.dpoContact')}>
          <Textarea
            value={texts.controller.dpoContact}
            maxLength={500}
            onChange={(_e, d) => setController('dpoContact', d.value)}
          />
        </Field>
      </fieldset>
      <ActivitiesFields
        value={texts.activities}
        errors={activityErrors}
        onChange={(activities) => {
          setTexts({ ...texts, activities });
          edit();
        }}
      />
      <Field label={pt('settings.technicalMeasures')}>
        <Textarea
          value={texts.technicalMeasures}
          maxLength={4000}
          resize="vertical"
          rows={6}
          onChange={(_e, d) => {
            setTexts({ ...texts, technicalMeasures: d.value });
            edit();
          }}
        />
      </Field>
      {conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{pt('settings.conflict')}</MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setConflict(false);
                setRound((n) => n + 1);
              }}
            >
              {pt('settings.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {pt('settings.save')}
        </Button>
        <Text role="status">{notice}</Text>
      </div>
    </form>
  );
}
