import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
} from '@fluentui/react-components';
import { type Contact, DiscardNotesDialog } from '@klarkonform/shared/ui';
import { Suspense, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ContactDetails } from './ContactDetails';
import type { ContactTarget } from './load-card';

const useStyles = makeStyles({
  drawer: { width: 'min(480px, 100vw)' },
});

export interface ContactDrawerProps {
  target: ContactTarget | undefined;
  onClose: () => void;
  onChanged?: ((contact: Contact) => void) | undefined;
}

// The contact card over a list (leads, data care): the list stays where it was. Closing it
// (button, Escape, a click beside it) with unsaved notes asks first.
export function ContactDrawer({ target, onClose, onChanged }: ContactDrawerProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const [opened, setOpened] = useState<ContactTarget | undefined>();
  const [notesDirty, setNotesDirty] = useState(false);
  const [askDiscard, setAskDiscard] = useState(false);
  const shown = opened ?? target;
  const close = () => {
    setOpened(undefined);
    onClose();
  };
  const requestClose = () => (notesDirty ? setAskDiscard(true) : close());
  return (
    <OverlayDrawer
      position="end"
      className={styles.drawer}
      open={target !== undefined}
      onOpenChange={(_event, data) => {
        if (!data.open) requestClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" onClick={requestClose}>
              {tt('common.close')}
            </Button>
          }
        >
          {tt('card.title')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {shown && (
          <ContactDetails target={shown} onOpenContact={setOpened} onChanged={onChanged} onNotesDirty={setNotesDirty} />
        )}
      </DrawerBody>
      {(notesDirty || askDiscard) && (
        <Suspense fallback={null}>
          <DiscardNotesDialog
            open={askDiscard}
            onKeepEditing={() => setAskDiscard(false)}
            onDiscard={() => {
              setAskDiscard(false);
              close();
            }}
          />
        </Suspense>
      )}
    </OverlayDrawer>
  );
}
