import {
  Button,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { BracesVariableRegular } from '@fluentui/react-icons';
import type { TemplatePlaceholder } from '@klarkonform/shared/ui';
import { PLACEHOLDERS, placeholderToken } from './template-form';
import { useTemplatesText } from './useTemplatesText';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  token: { fontFamily: tokens.fontFamilyMonospace },
  secondary: { color: tokens.colorNeutralForeground2 },
  list: { maxWidth: 'min(380px, 90vw)' },
});

export interface PlaceholderMenuProps {
  /** The field's label the placeholder goes into (the one that had the focus last). */
  targetLabel: string;
  disabled: boolean;
  onInsert: (placeholder: TemplatePlaceholder) => void;
}

// "Platzhalter einfügen": every placeholder of the contract with what it stands for and an example.
export function PlaceholderMenu({ targetLabel, disabled, onInsert }: PlaceholderMenuProps) {
  const styles = useStyles();
  const { mt } = useTemplatesText();
  return (
    <Menu positioning="below-start">
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<BracesVariableRegular />} disabled={disabled}>
          {mt('placeholder.insert')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList className={styles.list}>
          <MenuGroup>
            <MenuGroupHeader>{mt('placeholder.target', { field: targetLabel })}</MenuGroupHeader>
            {PLACEHOLDERS.map((name) => (
              <MenuItem key={name} onClick={() => onInsert(name)}>
                <span className={styles.item}>
                  <span>
                    <span className={styles.token}>{placeholderToken(name)}</span> – {mt(`placeholder.${name}`)}
                  </span>
                  <Text size={200} className={styles.secondary}>
                    {mt('placeholder.example', { example: mt(`placeholder.${name}Example`) })}
                  </Text>
                </span>
              </MenuItem>
            ))}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
