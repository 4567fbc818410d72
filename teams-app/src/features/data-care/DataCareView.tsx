import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ContactDrawer } from '../contact/ContactDrawer';
import type { ContactTarget } from '../contact/load-card';
import { DuplicateGroups } from './DuplicateGroups';
import { QualityWorklist } from './QualityWorklist';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

// Datenpflege: the data-quality worklist and the duplicate check, for the admin's monthly round.
export function DataCareView() {
  const styles = useStyles();
  const [open, setOpen] = useState<ContactTarget | undefined>();
  // A merge changes findings (people moved, gaps filled): the worklist starts over.
  const [round, setRound] = useState(0);
  return (
    <div className={styles.root}>
      <DuplicateGroups onOpen={setOpen} onMerged={() => setRound((n) => n + 1)} />
      <QualityWorklist key={round} onOpen={setOpen} />
      <ContactDrawer target={open} onClose={() => setOpen(undefined)} />
    </div>
  );
}
