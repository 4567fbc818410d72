import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ContactTimeline, useUiText } from '@klarkonform/shared/ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  back: { alignSelf: 'flex-start' },
});

export interface TimelineViewProps {
  contactId: string;
  name: string;
  onBack: () => void;
}

/** "Gesamte Historie" in the pane: the contact's whole Kontakthistorie over the card, page by page. */
export function TimelineView({ contactId, name, onBack }: TimelineViewProps) {
  const styles = useStyles();
  const { t } = useUiText();
  return (
    <div className={styles.root}>
      <Button appearance="subtle" className={styles.back} onClick={onBack}>
        ← {t('pane.back')}
      </Button>
      <ContactTimeline contactId={contactId} name={name} />
    </div>
  );
}
