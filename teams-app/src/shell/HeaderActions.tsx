import { makeStyles, tokens } from '@fluentui/react-components';
import { DemoResetButton } from '@klarkonform/shared/ui';
import { NewContactButton } from '../features/create/NewContactButton';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The actions in the tab's header: "Neuer Kontakt", and "Demo zurücksetzen" on the demo tenant. */
export function HeaderActions({ compact, onDemoReset }: { compact: boolean; onDemoReset: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <NewContactButton compact={compact} />
      <DemoResetButton size={compact ? 'small' : 'medium'} onReset={onDemoReset} />
    </div>
  );
}
