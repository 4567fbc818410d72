import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';

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
});

export interface ChoiceChecksProps<T extends string> {
  legend: string;
  options: readonly T[];
  label: (value: T) => string;
  value: readonly T[];
  onChange: (value: T[]) => void;
  disabled?: boolean;
}

// A set of checkboxes for a multi-valued enumeration (relationships, roles), in a fieldset.
export function ChoiceChecks<T extends string>({
  legend,
  options,
  label,
  value,
  onChange,
  disabled,
}: ChoiceChecksProps<T>) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      {options.map((option) => (
        <Checkbox
          key={option}
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
    </fieldset>
  );
}
