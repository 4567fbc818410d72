import { Combobox, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import type { ContactSummary } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useServices } from '../../shell/services';
import { usePipelineText } from './usePipelineText';

const SEARCH_DELAY_MS = 250;
const MIN_CHARS = 2;
const MAX_HITS = 8;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  secondary: { color: tokens.colorNeutralForeground2 },
  option: { display: 'flex', flexDirection: 'column' },
});

type SearchState =
  | { phase: 'idle' }
  | { phase: 'searching' }
  | { phase: 'done'; hits: ContactSummary[] }
  | { phase: 'failed' };

export interface ContactPickerProps {
  picked: ContactSummary | undefined;
  onPick: (contact: ContactSummary | undefined) => void;
  validationMessage?: string | undefined;
  /** Another label and hint, and whether a contact is required (the opportunity's: "Kontakt", required). */
  label?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
}

// The contact an opportunity is with, person or company, searched like the create form's
// company search (GET /contacts?q=…): each keystroke aborts the search before it.
export function ContactPicker({ picked, onPick, validationMessage, label, hint, required = true }: ContactPickerProps) {
  const styles = useStyles();
  const { api } = useServices();
  const { pt } = usePipelineText();
  const [text, setText] = useState(picked?.displayName ?? '');
  const [state, setState] = useState<SearchState>({ phase: 'idle' });
  const [open, setOpen] = useState(false);
  const query = text.trim();
  const searchFor = query.length >= MIN_CHARS && query !== picked?.displayName ? query : '';

  useEffect(() => {
    if (!searchFor) {
      setState({ phase: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ phase: 'searching' });
    const timer = setTimeout(() => {
      api.listContacts({ q: searchFor, limit: MAX_HITS }, controller.signal).then(
        (page) => setState({ phase: 'done', hits: page.items }),
        () => {
          if (!controller.signal.aborted) setState({ phase: 'failed' });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, searchFor]);

  const hits = state.phase === 'done' ? state.hits : [];
  const status =
    state.phase === 'searching'
      ? pt('contact.searching')
      : state.phase === 'failed'
        ? pt('contact.failed')
        : state.phase === 'done' && hits.length === 0
          ? pt('contact.none', { q: searchFor })
          : '';

  return (
    <div className={styles.root}>
      <Field
        label={label ?? pt('field.contact')}
        hint={hint ?? pt('contact.searchHint')}
        required={required}
        validationMessage={validationMessage}
      >
        <Combobox
          freeform
          value={text}
          placeholder={pt('contact.search')}
          open={open && hits.length > 0}
          onOpenChange={(_event, data) => setOpen(data.open)}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            if (picked && event.target.value.trim() !== picked.displayName) onPick(undefined);
          }}
          onOptionSelect={(_event, data) => {
            setOpen(false);
            const hit = hits.find((candidate) => candidate.id === data.optionValue);
            if (hit) {
              setText(hit.displayName);
              onPick(hit);
            }
          }}
        >
          {hits.map((hit) => (
            <Option key={hit.id} value={hit.id} text={hit.displayName}>
              <span className={styles.option}>
                <span>{hit.displayName}</span>
                <span className={styles.secondary}>{[hit.email, hit.contactNumber].filter(Boolean).join(' · ')}</span>
              </span>
            </Option>
          ))}
        </Combobox>
      </Field>
      <Text role="status" size={200} className={styles.secondary}>
        {status}
      </Text>
    </div>
  );
}
