import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DUE_BUCKETS, useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { ProblemBar } from '../../shell/ProblemBar';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import { ContactDrawer } from '../contact/ContactDrawer';
import type { ContactTarget } from '../contact/load-card';
import { useTenantUsers } from '../search/useTenantUsers';
import { FollowUpGroup } from './FollowUpGroup';
import { useFollowUps } from './useFollowUps';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  assignee: { minWidth: '200px' },
  more: { alignSelf: 'center' },
});

// "Meine Wiedervorlagen": the signed-in user's open follow-ups grouped by when they are due
// (Überfällig, Heute, Diese Woche, Später; the API groups by Berlin day), a colleague's or
// everyone's for the sales lead, "Erledigt" in one click, and the contact's card in the drawer
// (where new follow-ups are created too; closing it reads the list again).
export function FollowUpsView({ compact }: { compact: boolean }) {
  const styles = useStyles();
  const { t } = useUiText();
  const can = usePermissions();
  const users = useTenantUsers();
  const [assignee, setAssignee] = useState('me');
  const { state, completingId, notice, reload, loadMore, complete } = useFollowUps(assignee);
  const [open, setOpen] = useState<ContactTarget | undefined>();

  const chosen = users.find((u) => u.id === assignee);
  const heading =
    assignee === 'me'
      ? t('followUps.heading')
      : assignee === 'all'
        ? t('followUps.headingAll')
        : t('followUps.headingOf', { name: chosen?.name ?? assignee });
  const overdue = state.items.filter((f) => f.bucket === 'overdue').length;
  const groups = DUE_BUCKETS.map((bucket) => ({
    bucket,
    items: state.items.filter((f) => f.bucket === bucket),
  })).filter((group) => group.items.length > 0);

  return (
    <section className={styles.root} aria-labelledby="follow-ups-heading">
      <SectionHeader id="follow-ups-heading" title={heading} intro={compact ? undefined : t('followUps.intro')} />
      <div className={styles.toolbar}>
        <Text role="status">
          {state.loading && state.items.length === 0
            ? t('followUps.loading')
            : t('followUps.count', { count: state.items.length, overdue })}
        </Text>
        <Field label={t('followUps.assignee')} size="small" className={styles.assignee}>
          <Select size="small" value={assignee} onChange={(_event, data) => setAssignee(data.value)}>
            <option value="me">{t('followUps.me')}</option>
            <option value="all">{t('followUps.all')}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.error !== undefined && <ProblemBar error={state.error} onRetry={reload} />}
      {state.loading && state.items.length === 0 && <Spinner size="small" label={t('followUps.loading')} />}
      {!state.loading && state.error === undefined && groups.length === 0 && <Text>{t('followUps.empty')}</Text>}
      {groups.map((group) => (
        <FollowUpGroup
          key={group.bucket}
          bucket={group.bucket}
          items={group.items}
          showAssignee={assignee !== 'me'}
          completingId={completingId}
          onComplete={can('followUps:write') ? complete : undefined}
          onOpenContact={(f) => setOpen({ id: f.contactId })}
        />
      ))}
      {state.nextCursor && (
        <Button className={styles.more} disabled={state.loading} onClick={loadMore}>
          {t('followUps.loadMore')}
        </Button>
      )}
      <ContactDrawer
        target={open}
        onClose={() => {
          setOpen(undefined);
          reload();
        }}
      />
    </section>
  );
}
