import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Contact } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ContactDrawer } from '../contact/ContactDrawer';
import type { ContactTarget } from '../contact/load-card';
import { useTabText } from '../../i18n/useTabText';
import { useOpenSection } from '../../shell/navigation';
import { usePermissions } from '../../shell/usePermissions';
import { DuplicateGroups } from './DuplicateGroups';
import { MirrorCareSection } from './MirrorCareSection';
import { QualityWorklist } from './QualityWorklist';
import { useMirrorList } from './useMirrorList';
import { useWorklist } from './useWorklist';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

// Datenpflege: the duplicate check, the Microsoft 365 mirror's sync errors and contacts created
// in Outlook to review (once there are any), and the data-quality worklist.
export function DataCareView() {
  const styles = useStyles();
  const worklist = useWorklist();
  const can = usePermissions();
  const mayRead = can('quality:read');
  const syncErrors = useMirrorList('error', mayRead);
  const fromOutlook = useMirrorList('review', mayRead);
  const [open, setOpen] = useState<ContactTarget | undefined>();
  const { tt } = useTabText();
  const openSection = useOpenSection();

  // A change in the drawer can settle findings of the contact, of its company (a role, a new
  // person) and of the row the drawer was opened from: their rows are refreshed in place.
  const onChanged = (contact: Contact) => {
    const company = contact.kind === 'person' ? contact.companyId : undefined;
    const ids = [contact.id, ...(company ? [company] : []), ...(open ? [open.id] : [])];
    void worklist.refresh(ids, contact);
    // A corrected contact is pushed again: its sync error may be gone.
    if (syncErrors.items.some((item) => ids.includes(item.contact.id))) void syncErrors.reload();
  };

  return (
    <div className={styles.root}>
      {worklist.privacyOverdue > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{tt('dataCare.privacyOverdue', { count: worklist.privacyOverdue })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => openSection('privacy')}>{tt('dataCare.privacyOpen')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {/* A merge changes findings (people moved, gaps filled): the worklist starts over. */}
      <DuplicateGroups onOpen={setOpen} onMerged={() => void worklist.reload()} />
      <MirrorCareSection list="error" state={syncErrors} onOpen={setOpen} />
      <MirrorCareSection list="review" state={fromOutlook} onOpen={setOpen} />
      <QualityWorklist worklist={worklist} onOpen={setOpen} />
      <ContactDrawer target={open} onClose={() => setOpen(undefined)} onChanged={onChanged} />
    </div>
  );
}
