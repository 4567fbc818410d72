import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { addCategory, type CategoryProblem, MAX_CATEGORIES, MAX_CATEGORY_LENGTH } from './send-check-form';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    margin: 0,
    padding: 0,
    border: 'none',
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  input: { flexGrow: 1, minWidth: '160px', maxWidth: '360px' },
  chips: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    maxWidth: '100%',
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
  none: { color: tokens.colorNeutralForeground2 },
});

export interface CategoryChipsProps {
  categories: readonly string[];
  /** The API's refusal of the list (e.g. a duplicate it found). */
  serverError: string | undefined;
  onChange: (categories: string[]) => void;
  /** The user typed in the category field (the parent drops the API's refusal then). */
  onInput: () => void;
  /** Changes after each successful save: the field's own message goes with it. */
  savedKey: number;
  /** True while the check is off: nothing here applies, so nothing can be changed. */
  disabled: boolean;
}

// The marketing categories as chips: typed and added (Enter or "Hinzufügen"), each removed by its
// own labelled button. A second spelling of a category already listed ("newsletter" after
// "Newsletter") is refused at the field; the first spelling stays.
export function CategoryChips({ categories, serverError, onChange, onInput, savedKey, disabled }: CategoryChipsProps) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<CategoryProblem | undefined>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `savedKey` changes after a save
  useEffect(() => setProblem(undefined), [savedKey]);
  const message: Record<CategoryProblem, string> = {
    empty: '',
    taken: mt('sendCheck.categoryTaken', { name: text.trim() }),
    tooMany: mt('sendCheck.categoryTooMany', { max: MAX_CATEGORIES }),
    tooLong: mt('sendCheck.categoryTooLong', { max: MAX_CATEGORY_LENGTH }),
  };

  const add = () => {
    const result = addCategory(categories, text);
    if ('problem' in result) {
      setProblem(result.problem === 'empty' ? undefined : result.problem);
      return;
    }
    onChange(result.categories);
    setText('');
    setProblem(undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{mt('sendCheck.categories')}</legend>
      <Text size={200} className={styles.none}>
        {mt('sendCheck.categoriesHint')}
      </Text>
      {categories.length === 0 ? (
        <Text className={styles.none}>{mt('sendCheck.noCategories')}</Text>
      ) : (
        <ul className={styles.chips} aria-label={mt('sendCheck.categories')}>
          {categories.map((name) => (
            <li key={name} className={styles.chip}>
              <span>{name}</span>
              <Button
                appearance="transparent"
                size="small"
                icon={<DismissRegular />}
                aria-label={mt('sendCheck.removeCategory', { name })}
                disabled={disabled}
                onClick={() => onChange(categories.filter((c) => c !== name))}
              />
            </li>
          ))}
        </ul>
      )}
      <div className={styles.add}>
        <Field
          label={mt('sendCheck.category')}
          className={styles.input}
          validationMessage={problem ? message[problem] : serverError}
        >
          <Input
            value={text}
            disabled={disabled}
            onKeyDown={onKeyDown}
            onChange={(_event, data) => {
              setText(data.value);
              setProblem(undefined);
              onInput();
            }}
          />
        </Field>
        <Button onClick={add} disabled={disabled}>
          {mt('sendCheck.addCategory')}
        </Button>
      </div>
    </fieldset>
  );
}
