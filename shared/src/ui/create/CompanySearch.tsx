import { Combobox, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ContactSummary } from '../../contacts/contact.schema';
import { useApi } from '../api-context';
import { useUiText } from '../i18n/useUiText';

const SEARCH_DELAY_MS = 250;
const MIN_CHARS = 2;
const MAX_HITS = 8;
/** The option that turns the typed text into a new company. */
const NEW_COMPANY = '\u0000new';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  secondary: { color: tokens.colorNeutralForeground2 },
  option: { display: 'flex', flexDirection: 'column' },
});

export interface CompanySearchProps {
  /** The company picked so far. */
  picked: { id: string; name: string } | undefined;
  /** A hit was picked, or (`undefined`) the text no longer names the picked company. */
  onPick: (company: ContactSummary | undefined) => void;
  /** "Neue Firma „…“ anlegen": the typed name becomes the new company's. */
  onCreateNew: (name: string) => void;
  validationMessage?: string | undefined;
}

type SearchState =
  | { phase: 'idle' }
  | { phase: 'searching' }
  | { phase: 'done'; hits: ContactSummary[] }
  | { phase: 'failed'; reason: string };

// Search an existing company by name, domain or contact number (GET /contacts?kind=company&q=).
// Each keystroke aborts the search before it, so a slower earlier answer never replaces a newer one.
export function CompanySearch({ picked, onPick, onCreateNew, validationMessage }: CompanySearchProps) {
  const api = useApi();
  const { t } = useUiText();
  const styles = useStyles();
  const [text, setText] = useState(picked?.name ?? '');
  const [state, setState] = useState<SearchState>({ phase: 'idle' });
  // Open while typing, so hits that arrive after the keystroke show without another key.
  const [open, setOpen] = useState(false);
  const query = text.trim();
  const searchFor = query.length >= MIN_CHARS && query !== picked?.name ? query : '';

  useEffect(() => {
    if (!searchFor) {
      setState({ phase: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ phase: 'searching' });
    const timer = setTimeout(() => {
      api.listContacts({ q: searchFor, kind: 'company', limit: MAX_HITS }, controller.signal).then(
        (page) => setState({ phase: 'done', hits: page.items }),
        (err: unknown) => {
          if (!controller.signal.aborted) {
            setState({ phase: 'failed', reason: err instanceof Error ? err.message : String(err) });
          }
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, searchFor]);

  const hits = state.phase === 'done' ? state.hits : [];
  const exact = hits.some((hit) => hit.displayName.toLocaleLowerCase('de') === query.toLocaleLowerCase('de'));
  const status =
    state.phase === 'searching'
      ? t('create.companySearching')
      : state.phase === 'failed'
        ? t('create.companySearchFailed', { reason: state.reason })
        : state.phase === 'done' && hits.length === 0
          ? t('create.companySearchNone', { q: searchFor })
          : '';

  return (
    <div className={styles.root}>
      <Field
        label={t('create.companySearch')}
        hint={t('create.companySearchHint')}
        required
        validationMessage={validationMessage}
      >
        <Combobox
          freeform
          value={text}
          open={open && state.phase === 'done'}
          onOpenChange={(_event, data) => setOpen(data.open)}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            if (picked && event.target.value.trim() !== picked.name) onPick(undefined);
          }}
          onOptionSelect={(_event, data) => {
            setOpen(false);
            if (data.optionValue === NEW_COMPANY) {
              onCreateNew(query);
              return;
            }
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
          {state.phase === 'done' && !exact && (
            <Option value={NEW_COMPANY} text={query}>
              {t('create.companySearchNew', { name: query })}
            </Option>
          )}
        </Combobox>
      </Field>
      <Text role="status" size={200} className={styles.secondary}>
        {status}
      </Text>
    </div>
  );
}
