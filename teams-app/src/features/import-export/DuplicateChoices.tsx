import { Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import type { ImportAction, ImportDefaults } from '@klarkonform/shared';
import { useImportExportText } from './useImportExportText';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}` },
});

/** The choices per verdict, the safe one first: a duplicate is skipped unless the user decides otherwise. */
const CHOICES: readonly ImportAction[] = ['skip', 'merge', 'create'];

export interface DuplicateChoicesProps {
  defaults: ImportDefaults;
  disabled: boolean;
  onChange: (change: Pick<ImportDefaults, 'onDuplicate'> | Pick<ImportDefaults, 'onFileDuplicate'>) => void;
}

// What happens to duplicates, per verdict: a duplicate of a contact in KlarKonform and a
// duplicate of an earlier row of the file each get skip, merge (fill empty fields only) or create
// anyway, as a radio group. A row's own choice in the table wins over these.
export function DuplicateChoices({ defaults, disabled, onChange }: DuplicateChoicesProps) {
  const styles = useStyles();
  const { xt } = useImportExportText();
  return (
    <div className={styles.root}>
      <Field label={xt('choices.onDuplicate')} hint={xt('choices.onDuplicateHint')}>
        <RadioGroup
          value={defaults.onDuplicate}
          disabled={disabled}
          onChange={(_event, data) => onChange({ onDuplicate: data.value as ImportAction })}
        >
          {CHOICES.map((action) => (
            <Radio key={action} value={action} label={xt(`choices.${action}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={xt('choices.onFileDuplicate')} hint={xt('choices.onFileDuplicateHint')}>
        <RadioGroup
          value={defaults.onFileDuplicate}
          disabled={disabled}
          onChange={(_event, data) => onChange({ onFileDuplicate: data.value as ImportAction })}
        >
          {CHOICES.map((action) => (
            <Radio key={action} value={action} label={xt(`choices.${action}`)} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
