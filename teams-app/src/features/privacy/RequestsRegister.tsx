import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { PRIVACY_REQUEST_LISTS } from '@klarkonform/shared';
import {
  type PrivacyRequest,
  type PrivacyRequestList,
  type PrivacyRequestPage,
  useUiText,
} from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { useServices } from '../../shell/services';
import { RequestDetail } from './RequestDetail';
import { RequestForm } from './RequestForm';
import { RequestList } from './RequestList';
import { usePaged } from './usePaged';
import { usePrivacyText } from './usePrivacyText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  lists: { overflowX: 'auto' },
  empty: { color: tokens.colorNeutralForeground2 },
});

type Shown = { kind: 'list' } | { kind: 'new' } | { kind: 'request'; id: string };

export interface RequestsRegisterProps {
  compact: boolean;
  /** Changes when another view changed something: the lists load again. */
  generation: number;
  /** Something changed here (a request, a contact's restriction or erasure). */
  onChanged: () => void;
}

// "Anfragen": the register of data-subject requests in three lists — open (due first), overdue,
// closed (newest first) — with "Anfrage erfassen"; a request opens in place of the list.
export function RequestsRegister({ compact, generation, onChanged }: RequestsRegisterProps) {
  const styles = useStyles();
  const { pt } = usePrivacyText();
  const { date } = useUiText();
  const { api } = useServices();
  const [list, setList] = useState<PrivacyRequestList>('open');
  const [shown, setShown] = useState<Shown>({ kind: 'list' });
  const [notice, setNotice] = useState('');
  const [round, setRound] = useState(0);
  const paged = usePaged<PrivacyRequest, PrivacyRequestPage>(
    (cursor, signal) => api.privacyRequests(list, cursor, signal),
    `${list}:${generation}:${round}`,
  );
  const overdue = paged.last?.overdueCount ?? 0;
  const changed = () => {
    setRound((n) => n + 1);
    onChanged();
  };

  if (shown.kind === 'new') {
    return (
      <RequestForm
        onCancel={() => setShown({ kind: 'list' })}
        onSaved={(request) => {
          setNotice(pt('form.saved', { reference: request.reference, date: date(request.dueOn) }));
          changed();
          setShown({ kind: 'request', id: request.id });
        }}
      />
    );
  }
  if (shown.kind === 'request') {
    return (
      <div className={styles.root}>
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        <RequestDetail
          requestId={shown.id}
          compact={compact}
          onBack={() => {
            setNotice('');
            setShown({ kind: 'list' });
          }}
          onChanged={changed}
        />
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <TabList
          className={styles.lists}
          aria-label={pt('requests.lists')}
          size="small"
          selectedValue={list}
          onTabSelect={(_event, data) => setList(data.value as PrivacyRequestList)}
        >
          {PRIVACY_REQUEST_LISTS.map((item) => (
            <Tab key={item} value={item}>
              {item === 'overdue' && overdue > 0
                ? `${pt('requests.list.overdue')} (${overdue})`
                : pt(`requests.list.${item}`)}
            </Tab>
          ))}
        </TabList>
        <Button appearance="primary" onClick={() => setShown({ kind: 'new' })}>
          {pt('requests.new')}
        </Button>
      </div>
      {paged.error !== undefined && <ProblemBar error={paged.error} onRetry={paged.reload} />}
      {paged.items.length > 0 && (
        <RequestList
          items={paged.items}
          label={pt(`requests.list.${list}`)}
          onOpen={(request) => {
            setNotice('');
            setShown({ kind: 'request', id: request.id });
          }}
        />
      )}
      {paged.loading && <Spinner size="tiny" label={pt('common.loading')} />}
      {!paged.loading && paged.error === undefined && paged.items.length === 0 && (
        <Text className={styles.empty}>{pt(`requests.empty.${list}`)}</Text>
      )}
      {paged.hasMore && !paged.loading && <Button onClick={paged.loadMore}>{pt('common.loadMore')}</Button>}
    </div>
  );
}
