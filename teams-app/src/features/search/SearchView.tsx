import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  SearchBox,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DiscardNotesDialog } from '@klarkonform/shared/ui';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import { ContactDetails } from '../contact/ContactDetails';
import type { ContactTarget } from '../contact/load-card';
import { SearchFilterBar } from './SearchFilterBar';
import { SearchResults } from './SearchResults';
import type { SearchFilters } from './search-filters';
import { useContactSearch } from './useContactSearch';

// "Exportieren" (data:export, admins): its code and texts load only for those who may export.
const SearchExport = lazy(() => import('../import-export/SearchExport').then((m) => ({ default: m.SearchExport })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  columns: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(260px, 2fr) 3fr',
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: '1fr' },
  },
  stacked: { gridTemplateColumns: '1fr' },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

// Search: the text and the list filters above, results on the left, the selected contact's card
// on the right (stacked when narrow). Filters without a text list the filtered contacts.
// Picking another contact while its notes have unsaved text asks first.
export function SearchView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { tt } = useTabText();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [selected, setSelected] = useState<ContactTarget | undefined>();
  const [notesDirty, setNotesDirty] = useState(false);
  const [pending, setPending] = useState<ContactTarget | undefined>();
  const select = (target: ContactTarget) =>
    notesDirty && target.id !== selected?.id ? setPending(target) : setSelected(target);
  const search = useContactSearch(text, filters);
  const can = usePermissions();
  const selectedName = search.items.find((contact) => contact.id === selected?.id)?.displayName;
  const cardRef = useRef<HTMLDivElement>(null);

  // Stacked (narrow), the card is below the hits: bring it into view when one is picked.
  useEffect(() => {
    if (selected) cardRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <section className={styles.root} aria-labelledby="search-heading">
      <SectionHeader id="search-heading" title={tt('search.heading')} />
      <Field label={tt('search.label')} hint={tt('search.hint')}>
        <SearchBox
          value={text}
          placeholder={tt('search.placeholder')}
          onChange={(_event, data) => setText(data.value)}
          autoComplete="off"
        />
      </Field>
      <SearchFilterBar filters={filters} onChange={setFilters} />
      {can('data:export') && (
        <Suspense fallback={null}>
          <SearchExport
            query={search.idle ? null : search.query}
            selected={selected && selectedName ? { id: selected.id, name: selectedName } : undefined}
          />
        </Suspense>
      )}
      <div className={mergeClasses(styles.columns, compact && styles.stacked)}>
        <div className={styles.results}>
          {!search.idle && !search.loading && search.error === undefined && (
            <Text role="status" className={styles.hint}>
              {search.items.length === 0
                ? search.query?.q
                  ? tt('search.none', { q: search.query.q })
                  : tt('search.noneFiltered')
                : tt(
                    search.nextCursor
                      ? 'search.countMore'
                      : search.items.length === 1
                        ? 'search.countOne'
                        : 'search.count',
                    {
                      count: search.items.length,
                    },
                  )}
            </Text>
          )}
          {search.error !== undefined && <ProblemBar error={search.error} onRetry={search.retry} />}
          {search.items.length > 0 && (
            <SearchResults
              items={search.items}
              selectedId={selected?.id}
              onSelect={(contact) => select({ id: contact.id, email: contact.email })}
            />
          )}
          {search.loading && <Spinner size="small" label={tt('common.loading')} />}
          {!search.loading && search.nextCursor && (
            <Button onClick={() => void search.loadMore()}>{tt('common.loadMore')}</Button>
          )}
        </div>
        {selected ? (
          <div className={styles.card} ref={cardRef}>
            <ContactDetails target={selected} onOpenContact={select} onNotesDirty={setNotesDirty} />
          </div>
        ) : (
          search.items.length > 0 && (
            <MessageBar intent="info">
              <MessageBarBody>{tt('search.select')}</MessageBarBody>
            </MessageBar>
          )
        )}
      </div>
      {(notesDirty || pending) && (
        <Suspense fallback={null}>
          <DiscardNotesDialog
            open={pending !== undefined}
            onKeepEditing={() => setPending(undefined)}
            onDiscard={() => {
              setSelected(pending);
              setPending(undefined);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
