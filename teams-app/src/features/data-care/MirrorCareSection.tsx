import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, Spinner } from '@fluentui/react-components';
import { ApiError, type MirrorList } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { useSectionStyles } from '../../shell/section-styles';
import { SectionHeader } from '../../shell/SectionHeader';
import { useServices } from '../../shell/services';
import { usePermissions } from '../../shell/usePermissions';
import type { ContactTarget } from '../contact/load-card';
import { MirrorCareItem } from './MirrorCareItem';
import type { MirrorListState } from './useMirrorList';

const useStyles = makeStyles({
  more: { alignSelf: 'center' },
});

const HEADINGS = {
  error: {
    heading: 'syncErrors.heading',
    intro: 'syncErrors.intro',
    list: 'syncErrors.list',
    empty: 'syncErrors.empty',
  },
  review: {
    heading: 'outlookReview.heading',
    intro: 'outlookReview.intro',
    list: 'outlookReview.list',
    empty: 'outlookReview.empty',
  },
} as const;

/** A list the user may not read (403) or a server without the mirror (404) is no category here. */
const hidden = (error: unknown) => error instanceof ApiError && (error.status === 403 || error.status === 404);

export interface MirrorCareSectionProps {
  list: MirrorList;
  state: MirrorListState;
  onOpen: (target: ContactTarget) => void;
}

// A data-care category from the Microsoft 365 mirror: "Sync-Fehler" (each contact with its
// problem and what to do) or "Aus Outlook — prüfen" (contacts created in Outlook, each with
// "Geprüft"). Shown once it had contacts, so a tenant without the mirror sees nothing here.
export function MirrorCareSection({ list, state, onOpen }: MirrorCareSectionProps) {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const { tt } = useTabText();
  const { api } = useServices();
  const can = usePermissions();
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const { items, nextCursor, loading, error, seen } = state;
  const words = HEADINGS[list];
  const headingId = `mirror-care-${list}-heading`;

  if (!seen && (error === undefined || hidden(error))) return null;

  const markReviewed = async (id: string, name: string) => {
    setFailure(undefined);
    try {
      await api.markMirrorReviewed(id);
      state.remove(id);
      setNotice(tt('outlookReview.done', { name }));
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid={`mirror-care-${list}`}>
      <SectionHeader id={headingId} title={tt(words.heading)} intro={tt(words.intro)} />
      <div role="status">
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" onClick={() => setNotice(undefined)}>
                {tt('common.close')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {error !== undefined && <ProblemBar error={error} onRetry={() => void state.reload()} />}
      {failure !== undefined && <ProblemBar error={failure} onDismiss={() => setFailure(undefined)} />}
      {!loading && error === undefined && items.length === 0 && !nextCursor && (
        <MessageBar intent="success">
          <MessageBarBody>{tt(words.empty)}</MessageBarBody>
        </MessageBar>
      )}
      {items.length > 0 && (
        <ul className={styles.list} aria-label={tt(words.list)}>
          {items.map((item) => (
            <MirrorCareItem
              key={item.contact.id}
              item={item}
              list={list}
              canReview={can('contacts:write')}
              onOpen={() => onOpen({ id: item.contact.id, email: item.contact.email })}
              onReviewed={() => markReviewed(item.contact.id, item.contact.displayName)}
            />
          ))}
        </ul>
      )}
      {loading && <Spinner size="small" label={tt('common.loading')} />}
      {!loading && nextCursor && (
        <Button className={styles.more} onClick={() => void state.loadMore()}>
          {tt('common.loadMore')}
        </Button>
      )}
    </section>
  );
}
