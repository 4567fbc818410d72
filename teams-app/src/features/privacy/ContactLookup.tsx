import { Button, Combobox, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { type ContactListItem, RestrictedBadge } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useServices } from '../../shell/services';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  combobox: { minWidth: 0, width: '100%' },
  secondary: { color: tokens.colorNeutralForeground2, display: 'block' },
  chosen: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  chip: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** A linked contact as the form keeps it. */
export interface LinkedContact {
  id: string;
  name: string;
}

const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;

type Search = { status: 'idle' | 'searching' | 'done' | 'failed'; items: ContactListItem[] };

/** Contacts of any kind matching `text` (the contact search, GET /contacts?q=…), once typing pauses. */
function useLookup(text: string): Search {
  const { api } = useServices();
  const [search, setSearch] = useState<Search>({ status: 'idle', items: [] });
  const query = text.trim();
  useEffect(() => {
    if (query.length < MIN_QUERY) {
      setSearch({ status: 'idle', items: [] });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearch((current) => ({ status: 'searching', items: current.items }));
      api.listContacts({ q: query, limit: 8 }, controller.signal).then(
        (page) => !controller.signal.aborted && setSearch({ status: 'done', items: page.items }),
        () => !controller.signal.aborted && setSearch({ status: 'failed', items: [] }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query]);
  return search;
}

export interface ContactLookupProps {
  label: string;
  value: readonly LinkedContact[];
  onChange: (value: LinkedContact[]) => void;
  max: number;
}

// Links contacts to a request: type a name, e-mail address or customer number, pick with the
// arrow keys and Enter; each linked contact has a button to remove it.
export function ContactLookup({ label, value, onChange, max }: ContactLookupProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const search = useLookup(text);
  const full = value.length >= max;
  const hint = full
    ? pt('picker.max', { max })
    : search.status === 'searching'
      ? pt('picker.searching')
      : search.status === 'failed'
        ? pt('picker.failed')
        : search.status === 'done' && search.items.length === 0
          ? pt('picker.noMatch')
          : undefined;
  return (
    <div className={styles.root}>
      <Field label={label} hint={hint}>
        <Combobox
          freeform
          className={styles.combobox}
          placeholder={pt('picker.placeholder')}
          value={text}
          open={open && search.items.length > 0}
          onOpenChange={(_event, data) => setOpen(data.open)}
          disabled={full}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onOptionSelect={(_event, data) => {
            const item = search.items.find((candidate) => candidate.id === data.optionValue);
            if (!item) return;
            if (!value.some((linked) => linked.id === item.id)) {
              onChange([...value, { id: item.id, name: item.displayName }]);
            }
            setText('');
            setOpen(false);
          }}
          onKeyDown={(event) => {
            // Enter picks an option; it must not submit the form around.
            if (event.key === 'Enter') event.preventDefault();
          }}
        >
          {search.items.map((item) => (
            <Option key={item.id} value={item.id} text={item.displayName}>
              <span>
                {item.displayName}
                <Text size={200} className={styles.secondary}>
                  {[item.contactNumber, item.email, item.companyName].filter(Boolean).join(' · ')}
                </Text>
                {item.restricted && <RestrictedBadge />}
              </span>
            </Option>
          ))}
        </Combobox>
      </Field>
      {value.length > 0 && (
        <ul className={styles.chosen} aria-label={pt('picker.linked')}>
          {value.map((linked) => (
            <li key={linked.id} className={styles.chip}>
              <Text>{linked.name}</Text>
              <Button
                size="small"
                appearance="subtle"
                aria-label={pt('picker.remove', { name: linked.name })}
                icon={<DismissRegular />}
                onClick={() => onChange(value.filter((other) => other.id !== linked.id))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
