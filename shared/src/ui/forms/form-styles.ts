import { makeStyles, tokens } from '@fluentui/react-components';

export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
    // A message under one field must not stretch its neighbour's input.
    alignItems: 'start',
    // Inputs have an intrinsic width; in a narrow pane a field must shrink with its column.
    '& > *': { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  heading: { margin: 0 },
  radioGroup: { display: 'flex', flexDirection: 'column' },
});
