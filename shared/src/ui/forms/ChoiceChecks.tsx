import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';

const useStyles = makeStyles({
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  hint: { flexBasis: '100%', color: tokens.colorNeutralForeground2 },
});

export interface ChoiceChecksProps<T extends string> {
  legend: string;
  options: readonly T[];
  label: (value: T) => string;
  value: readonly T[];
  onChange: (value: T[]) => void;
  disabled?: boolean;
  /** `data-field` of the first checkbox: where a form puts the cursor to point at the group. */
  field?: string;
  /** Shown under the group (e.g. why the form points at it). */
  hint?: string;
}

// A set of checkboxes for a multi-valued enumeration (relationships, roles), in a fieldset.
export function ChoiceChecks<T extends string>({
  legend,
  options,
  label,
  value,
  onChange,
  disabled,
  field,
  hint,
}: ChoiceChecksProps<T>) {
  const styles = useStyles();
  const hintId = useId();
  return (
    <fieldset className={styles.group} aria-describedby={hint ? hintId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {options.map((option, index) => (
        <Checkbox
          key={option}
          data-field={index === 0 ? field : undefined}
          label={label(option)}
          checked={value.includes(option)}
          disabled={disabled}
          onChange={(_, data) =>
            onChange(
              data.checked
                ? options.filter((o) => o === option || value.includes(o))
                : value.filter((o) => o !== option),
            )
          }
        />
      ))}
      {hint && (
        <Text id={hintId} size={200} className={styles.hint}>
          {hint}
        </Text>
      )}
    </fieldset>
  );
}
