import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalS,
  },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
});

export function SectionHeader({ id, title, intro }: { id: string; title: string; intro?: string | undefined }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text as="h2" id={id} size={500} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {intro && <Text className={styles.intro}>{intro}</Text>}
    </div>
  );
}
