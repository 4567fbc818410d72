import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Spinner,
  Switch,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import { ContactDrawer } from '../contact/ContactDrawer';
import type { ContactTarget } from '../contact/load-card';
import { OwnerSelect } from '../search/OwnerSelect';
import { byReviewOrder, isOverdue, stalenessOf } from './lead-model';
import { LeadItem } from './LeadItem';
import { useLeadActions } from './useLeadActions';
import { useLeads } from './useLeads';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  owner: { minWidth: '160px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  more: { alignSelf: 'center' },
});

// The weekly lead review: overdue leads first, each with qualify / convert / lost / archive,
// and "Rückgängig" in the message after each; all leads, "Meine Leads" or one owner's.
export function LeadsView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { tt } = useTabText();
  const can = usePermissions();
  const [owner, setOwner] = useState('');
  const leads = useLeads(owner);
  const actions = useLeadActions(leads);
  const { t } = useUiText();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [open, setOpen] = useState<ContactTarget | undefined>();
  const { summaries, contacts, nextCursor, loading, error } = leads.state;

  const now = new Date();
  const rows = summaries
    .map((summary) => ({ summary, contact: contacts[summary.id], staleness: stalenessOf(contacts[summary.id], now) }))
    .sort((a, b) => byReviewOrder(a.staleness, b.staleness));
  const overdue = rows.filter((row) => isOverdue(row.staleness)).length;
  const shown = overdueOnly ? rows.filter((row) => isOverdue(row.staleness)) : rows;
  const permissions = { write: can('contacts:write'), archive: can('contacts:archive') };

  return (
    <section className={styles.root} aria-labelledby="leads-heading">
      <SectionHeader id="leads-heading" title={tt('leads.heading')} intro={compact ? undefined : tt('leads.intro')} />
      <div className={styles.toolbar}>
        <Text role="status">
          {summaries.length > 0 &&
            tt(nextCursor ? 'leads.countMore' : summaries.length === 1 ? 'leads.countOne' : 'leads.count', {
              count: summaries.length,
              overdue,
            })}
        </Text>
        <div className={styles.filters}>
          <ToggleButton size="small" checked={owner === 'me'} onClick={() => setOwner(owner === 'me' ? '' : 'me')}>
            {tt('leads.myLeads')}
          </ToggleButton>
          <OwnerSelect className={styles.owner} value={owner} onChange={setOwner} mineLabel={tt('leads.myLeads')} />
          <Switch
            label={tt('leads.overdueOnly')}
            checked={overdueOnly}
            onChange={(_event, data) => setOverdueOnly(data.checked)}
          />
        </div>
      </div>
      {actions.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{actions.notice.text}</MessageBarBody>
          <MessageBarActions>
            {actions.notice.undo && <Button onClick={actions.notice.undo}>{t('leadDone.undo')}</Button>}
            <Button appearance="transparent" onClick={actions.dismissNotice}>
              {tt('common.close')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {error !== undefined && <ProblemBar error={error} onRetry={() => void leads.reload()} />}
      {!loading && error === undefined && shown.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {tt(overdueOnly && rows.length > 0 ? 'leads.emptyOverdue' : owner ? 'leads.emptyOwner' : 'leads.empty')}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown.length > 0 && (
        <ul className={styles.list} aria-label={tt('leads.list')}>
          {shown.map(({ summary, contact, staleness }) => (
            <LeadItem
              key={summary.id}
              summary={summary}
              contact={contact}
              staleness={staleness}
              row={actions.rows[summary.id]}
              can={permissions}
              compact={compact}
              onOpen={() => setOpen({ id: summary.id, email: summary.email })}
              onStatus={(to) => contact && actions.request(contact, to, staleness)}
              onReload={() => void actions.reload(summary.id)}
              onDismissError={() => actions.dismissError(summary.id)}
            />
          ))}
        </ul>
      )}
      {loading && <Spinner size="small" label={tt('common.loading')} />}
      {!loading && nextCursor && (
        <Button className={styles.more} onClick={() => void leads.loadMore()}>
          {tt('common.loadMore')}
        </Button>
      )}
      {actions.dialog}
      <ContactDrawer target={open} onClose={() => setOpen(undefined)} onChanged={leads.update} />
    </section>
  );
}
