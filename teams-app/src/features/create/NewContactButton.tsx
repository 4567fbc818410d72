import { Button } from '@fluentui/react-components';
import { NewContactDialog, primaryEmail, useUiText } from '@klarkonform/shared/ui';
import { Suspense, useState } from 'react';
import { usePermissions } from '../../shell/usePermissions';
import { ContactDrawer } from '../contact/ContactDrawer';
import type { ContactTarget } from '../contact/load-card';

// "Neuer Kontakt" in the tab's header: the shared create dialog (a person or a company, with or
// without an e-mail address); the new contact, or an existing one picked from the duplicate
// warning, opens in the contact drawer. The dialog's code loads on the first click.
export function NewContactButton({ compact }: { compact: boolean }) {
  const { t } = useUiText();
  const can = usePermissions();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const [shown, setShown] = useState<ContactTarget | undefined>();
  if (!can('contacts:write')) return null;
  const show = (target: ContactTarget) => {
    setOpen(false);
    setShown(target);
  };
  return (
    <>
      <Button
        appearance="primary"
        size={compact ? 'small' : 'medium'}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        {t('create.newButton')}
      </Button>
      {used && (
        <Suspense fallback={null}>
          <NewContactDialog
            open={open}
            onCreated={(contact) => show({ id: contact.id, email: primaryEmail(contact) })}
            onOpenExisting={(contact) => show({ id: contact.id, email: contact.email })}
            onCancel={() => setOpen(false)}
          />
        </Suspense>
      )}
      <ContactDrawer target={shown} onClose={() => setShown(undefined)} />
    </>
  );
}
