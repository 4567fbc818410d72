import { Button, Checkbox, Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import { useApi } from '../api-context';
import { DateField } from '../forms/DateField';
import { FormActions } from '../forms/FormActions';
import { useFormStyles } from '../forms/form-styles';
import { useFocusOnMount } from '../forms/useFocusOnMount';
import { today } from '../forms/today';
import { parseUiDate } from '../i18n/date-format';
import { useUiText } from '../i18n/useUiText';

const useStyles = makeStyles({
  items: { listStyleType: 'none', margin: 0, padding: 0 },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface NotesEditorProps {
  contact: Contact;
  onChanged: (contact: Contact) => void;
  onClose: () => void;
}

// History entries, open items (tick off or add) and free notes. Each is its own append
// endpoint, so nothing here can overwrite a colleague's note. Besonderheiten are edited in
// the contact editor (they are one text with a version check).
export function NotesEditor({ contact, onChanged, onClose }: NotesEditorProps) {
  const form = useFormStyles();
  const styles = useStyles();
  const { t } = useUiText();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const api = useApi();
  const headingId = useId();
  const [historyDate, setHistoryDate] = useState(today());
  const [historyEvent, setHistoryEvent] = useState('');
  const [openItem, setOpenItem] = useState('');
  const [freeNote, setFreeNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function run(action: () => Promise<Contact>, clear: () => void) {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await action());
      clear();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={form.form} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={form.heading} ref={headingRef} tabIndex={-1}>
        {t('notes.heading')}
      </Text>
      <form
        className={styles.block}
        onSubmit={(event) => {
          event.preventDefault();
          const text = historyEvent.trim();
          if (!text) return;
          void run(
            () => api.addHistoryEntry(contact.id, { event: text, ...(historyDate ? { date: historyDate } : {}) }),
            () => setHistoryEvent(''),
          );
        }}
      >
        <DateField label={t('notes.historyDate')} value={historyDate} onChange={setHistoryDate} />
        <Field label={t('notes.historyEvent')}>
          <Textarea value={historyEvent} resize="vertical" onChange={(_, d) => setHistoryEvent(d.value)} />
        </Field>
        <Button
          type="submit"
          disabled={busy || !historyEvent.trim() || (historyDate !== '' && parseUiDate(historyDate) === undefined)}
        >
          {t('notes.addHistory')}
        </Button>
      </form>
      <div className={styles.block}>
        <Text weight="semibold">{t('field.openItems')}</Text>
        <ul className={styles.items}>
          {contact.notes.openItems.map((item) => (
            <li key={item.id}>
              <Checkbox
                label={item.text}
                checked={item.done}
                disabled={busy}
                onChange={(_, d) =>
                  void run(
                    () => api.setOpenItemDone(contact.id, item.id, d.checked === true),
                    () => {},
                  )
                }
              />
            </li>
          ))}
        </ul>
        <form
          className={form.form}
          onSubmit={(event) => {
            event.preventDefault();
            const text = openItem.trim();
            if (text)
              void run(
                () => api.addOpenItem(contact.id, { text }),
                () => setOpenItem(''),
              );
          }}
        >
          <Field label={t('notes.openItem')}>
            <Input value={openItem} onChange={(_, d) => setOpenItem(d.value)} />
          </Field>
          <Button type="submit" disabled={busy || !openItem.trim()}>
            {t('notes.addOpenItem')}
          </Button>
        </form>
      </div>
      <form
        className={styles.block}
        onSubmit={(event) => {
          event.preventDefault();
          const text = freeNote.trim();
          if (text)
            void run(
              () => api.addFreeNote(contact.id, text),
              () => setFreeNote(''),
            );
        }}
      >
        <Field label={t('notes.freeNote')}>
          <Textarea value={freeNote} resize="vertical" onChange={(_, d) => setFreeNote(d.value)} />
        </Field>
        <Button type="submit" disabled={busy || !freeNote.trim()}>
          {t('notes.addFreeNote')}
        </Button>
      </form>
      {error && (
        <Text role="alert" data-testid="form-error">
          {t('form.saveFailed', { reason: error })}
        </Text>
      )}
      <FormActions>
        <Button appearance="primary" onClick={onClose}>
          {t('pane.back')}
        </Button>
      </FormActions>
    </section>
  );
}
