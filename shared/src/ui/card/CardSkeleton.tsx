import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
});

export function CardSkeleton() {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <div className={styles.root}>
      <Spinner size="small" label={t('pane.loadingCard')} />
    </div>
  );
}
