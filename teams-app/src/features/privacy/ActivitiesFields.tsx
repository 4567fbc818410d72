import { Button, Field, Input, makeStyles, shorthands, Text, Textarea, tokens } from '@fluentui/react-components';
import type { ProcessingActivity } from '@klarkonform/shared/ui';
import type { PrivacyKey } from './privacy-messages.de';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  activity: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    padding: tokens.spacingVerticalM,
    margin: 0,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  remove: { alignSelf: 'end', justifySelf: 'start' },
});

/** Text fields of an activity, single-line ones first (Art. 30(1)(b)–(g) DSGVO). */
const FIELDS: readonly { name: keyof ProcessingActivity; max: number; multiline: boolean; required: boolean }[] = [
  { name: 'name', max: 200, multiline: false, required: true },
  { name: 'legalBasis', max: 300, multiline: false, required: true },
  { name: 'purposes', max: 2000, multiline: true, required: true },
  { name: 'dataSubjects', max: 1000, multiline: true, required: true },
  { name: 'dataCategories', max: 1000, multiline: true, required: true },
  { name: 'recipients', max: 1000, multiline: true, required: true },
  { name: 'thirdCountryTransfers', max: 1000, multiline: true, required: false },
  { name: 'retention', max: 1000, multiline: true, required: true },
];

const EMPTY: ProcessingActivity = {
  name: '',
  purposes: '',
  legalBasis: '',
  dataSubjects: '',
  dataCategories: '',
  recipients: '',
  thirdCountryTransfers: '',
  retention: '',
};

export interface ActivitiesFieldsProps {
  value: readonly ProcessingActivity[];
  onChange: (value: ProcessingActivity[]) => void;
  /** Field errors of the last save, keyed "index.field" (from the API's `activities.0.name`). */
  errors: ReadonlyMap<string, string>;
}

// The processing activities of the records of processing: each a group of its Art. 30 fields,
// added and removed here (at most 30).
export function ActivitiesFields({ value, onChange, errors }: ActivitiesFieldsProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const set = (index: number, patch: Partial<ProcessingActivity>) =>
    onChange(value.map((activity, i) => (i === index ? { ...activity, ...patch } : activity)));
  return (
    <div className={styles.list}>
      <Text weight="semibold">{pt('settings.activities')}</Text>
      {value.map((activity, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: activities have no id; their place is their identity
        <fieldset key={index} className={styles.activity}>
          <legend className={styles.legend}>{pt('settings.activity', { n: index + 1 })}</legend>
          {FIELDS.map((field) => {
            const error = errors.get(`${index}.${field.name}`);
            const label = pt(`activity.${field.name}` as PrivacyKey);
            return (
              <Field
                key={field.name}
                label={label}
                required={field.required}
                validationState={error ? 'error' : 'none'}
                validationMessage={error}
              >
                {field.multiline ? (
                  <Textarea
                    value={activity[field.name]}
                    maxLength={field.max}
                    resize="vertical"
                    onChange={(_event, data) => set(index, { [field.name]: data.value })}
                  />
                ) : (
                  <Input
                    value={activity[field.name]}
                    maxLength={field.max}
                    onChange={(_event, data) => set(index, { [field.name]: data.value })}
                  />
                )}
              </Field>
            );
          })}
          <Button className={styles.remove} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            {pt('settings.activityRemove', { n: index + 1 })}
          </Button>
        </fieldset>
      ))}
      {value.length < 30 && (
        <div>
          <Button onClick={() => onChange([...value, { ...EMPTY }])}>{pt('settings.activityAdd')}</Button>
        </div>
      )}
    </div>
  );
}
