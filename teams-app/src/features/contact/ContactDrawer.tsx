import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
} from '@fluentui/react-components';
import type { Contact } from '@klarkonform/shared/ui';
import { useState } from 'react';
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

// The contact card over a list (leads, data care): the list stays where it was.
export function ContactDrawer({ target, onClose, onChanged }: ContactDrawerProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const [opened, setOpened] = useState<ContactTarget | undefined>();
  const shown = opened ?? target;
  return (
    <OverlayDrawer
      position="end"
      className={styles.drawer}
      open={target !== undefined}
      onOpenChange={(_event, data) => {
        if (!data.open) {
          setOpened(undefined);
          onClose();
        }
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              onClick={() => {
                setOpened(undefined);
                onClose();
              }}
            >
              {tt('common.close')}
            </Button>
          }
        >
          {tt('card.title')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {shown && <ContactDetails target={shown} onOpenContact={setOpened} onChanged={onChanged} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}
