import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Opportunity } from '@klarkonform/shared';
import { useUiText } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import type { ListFilter } from './list-filter';
import { ListFilterBar } from './ListFilterBar';
import { OpportunityDrawer } from './OpportunityDrawer';
import { useOpportunityList } from './useOpportunityList';
import { useWonLead } from './useWonLead';
import { WonLeadBars } from './WonLeadBars';
import { usePipelineText } from './usePipelineText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  numberHeader: { justifyContent: 'flex-end' },
  title: { textAlign: 'start' },
  more: { alignSelf: 'center' },
});

export interface OpportunityListProps {
  filter: ListFilter;
  onFilterChange: (filter: ListFilter) => void;
  canEdit: boolean;
  /** Bumped when an opportunity was created, so the list shows it. */
  refresh: number;
}

// The opportunities as a table with filters and paging; a title opens the drawer to edit.
export function OpportunityList({ filter, onFilterChange, canEdit, refresh }: OpportunityListProps) {
  const styles = useStyles();
  const { pt, euro, stageName } = usePipelineText();
  const { tt } = useTabText();
  const { date } = useUiText();
  const list = useOpportunityList(filter);
  const won = useWonLead();
  const [open, setOpen] = useState<Opportunity | undefined>();
  const { reload } = list;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the parent says so
  useEffect(() => {
    if (refresh > 0) void reload();
  }, [refresh]);

  const count = list.items.length;
  return (
    <div className={styles.root}>
      <ListFilterBar filter={filter} onChange={onFilterChange} />
      <Text role="status">
        {!list.loading &&
          count > 0 &&
          pt(list.nextCursor ? 'list.countMore' : count === 1 ? 'list.countOne' : 'list.count', { count })}
      </Text>
      <WonLeadBars won={won} />
      {list.error !== undefined && <ProblemBar error={list.error} onRetry={() => void list.reload()} />}
      {!list.loading && list.error === undefined && count === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{pt('list.empty')}</MessageBarBody>
        </MessageBar>
      )}
      {count > 0 && (
        <div className={styles.scroll}>
          <Table aria-label={pt('list.label')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{pt('field.title')}</TableHeaderCell>
                <TableHeaderCell>{pt('field.contact')}</TableHeaderCell>
                <TableHeaderCell>{pt('field.stage')}</TableHeaderCell>
                <TableHeaderCell className={styles.number} button={{ className: styles.numberHeader }}>
                  {pt('field.amount')}
                </TableHeaderCell>
                <TableHeaderCell className={styles.number} button={{ className: styles.numberHeader }}>
                  {pt('field.probability')}
                </TableHeaderCell>
                <TableHeaderCell>{pt('field.expectedCloseDate')}</TableHeaderCell>
                <TableHeaderCell>{pt('field.owner')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>
                    <Link as="button" className={styles.title} onClick={() => setOpen(item)}>
                      {item.title}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {[item.contactName, item.companyName !== item.contactName ? item.companyName : undefined]
                      .filter(Boolean)
                      .join(' · ')}
                  </TableCell>
                  <TableCell>{stageName(item.stage)}</TableCell>
                  <TableCell className={styles.number}>{euro(item.amountCents)}</TableCell>
                  <TableCell className={styles.number}>{item.probability} %</TableCell>
                  <TableCell>{item.expectedCloseDate ? date(item.expectedCloseDate) : '–'}</TableCell>
                  <TableCell>{item.ownerName ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {list.loading && <Spinner size="small" label={tt('common.loading')} />}
      {!list.loading && list.nextCursor && (
        <Button className={styles.more} onClick={() => void list.loadMore()}>
          {tt('common.loadMore')}
        </Button>
      )}
      <OpportunityDrawer
        opportunity={open}
        canEdit={canEdit}
        onClose={() => setOpen(undefined)}
        onChanged={(changed, leadToConvert) => {
          list.update(changed);
          setOpen(changed);
          if (leadToConvert) void won.check(changed, leadToConvert);
        }}
      />
    </div>
  );
}
