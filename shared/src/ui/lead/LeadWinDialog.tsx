import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface LeadWinDialogProps {
  contact: Contact;
  /** Today as YYYY-MM-DD (Berlin): the "Kunde seit" the win sets. */
  today: string;
  onConfirm: (options: { includePeople: boolean }) => void;
  onCancel: () => void;
}

// "Zum Kunden machen" asks first and says what happens: Lead → Kunde, "Kunde seit" today (or
// the date it already has), out of the lead review, undoable right after. For a company it
// asks whether its people that are leads change along (checked by default).
export function LeadWinDialog({ contact, today, onConfirm, onCancel }: LeadWinDialogProps) {
  const styles = useStyles();
  const { t, date } = useUiText();
  const [includePeople, setIncludePeople] = useState(true);
  const isCompany = contact.kind === 'company';
  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('leadWin.title', { name: contact.displayName })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              {contact.customerSince
                ? t('leadWin.textSince', { date: date(contact.customerSince) })
                : t('leadWin.text', { date: date(today) })}
            </Text>
            <Text>{t('leadWin.undoHint')}</Text>
            {isCompany && (
              <Checkbox
                checked={includePeople}
                label={t('leadWin.people')}
                onChange={(_event, data) => setIncludePeople(data.checked === true)}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t('form.cancel')}
            </Button>
            <Button appearance="primary" onClick={() => onConfirm({ includePeople: isCompany && includePeople })}>
              {t('leadWin.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
