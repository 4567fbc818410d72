import { makeStyles, tokens } from '@fluentui/react-components';
import type { Contact } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ContactDrawer } from '../contact/ContactDrawer';
import type { ContactTarget } from '../contact/load-card';
import { DuplicateGroups } from './DuplicateGroups';
import { QualityWorklist } from './QualityWorklist';
import { useWorklist } from './useWorklist';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

// Datenpflege: the data-quality worklist and the duplicate check, for the admin's monthly round.
export function DataCareView() {
  const styles = useStyles();
  const worklist = useWorklist();
  const [open, setOpen] = useState<ContactTarget | undefined>();

  // A change in the drawer can settle findings of the contact, of its company (a role, a new
  // person) and of the row the drawer was opened from: their rows are refreshed in place.
  const onChanged = (contact: Contact) => {
    const company = contact.kind === 'person' ? contact.companyId : undefined;
    const ids = [contact.id, ...(company ? [company] : []), ...(open ? [open.id] : [])];
    void worklist.refresh(ids, contact);
  };

  return (
    <div className={styles.root}>
      {/* A merge changes findings (people moved, gaps filled): the worklist starts over. */}
      <DuplicateGroups onOpen={setOpen} onMerged={() => void worklist.reload()} />
      <QualityWorklist worklist={worklist} onOpen={setOpen} />
      <ContactDrawer target={open} onClose={() => setOpen(undefined)} onChanged={onChanged} />
    </div>
  );
}
