import { makeStyles, tokens } from '@fluentui/react-components';

// The layout every data-care section shares: a column of parts, and a grid of cards.
export const useSectionStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
  },
});
