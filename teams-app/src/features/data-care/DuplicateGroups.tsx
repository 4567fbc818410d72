import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import { useSectionStyles } from '../../shell/section-styles';
import { SectionHeader } from '../../shell/SectionHeader';
import { usePermissions } from '../../shell/usePermissions';
import type { ContactTarget } from '../contact/load-card';
import { DuplicateGroupItem } from './DuplicateGroupItem';
import { useDuplicates } from './useDuplicates';

// The duplicate check: groups of likely duplicates; admins (contacts:merge) merge them here.
export function DuplicateGroups({
  onOpen,
  onMerged,
}: {
  onOpen: (target: ContactTarget) => void;
  onMerged: () => void;
}) {
  const styles = useSectionStyles();
  const { tt } = useTabText();
  const can = usePermissions();
  const { groups, error, reload, merge, groupKey } = useDuplicates();
  const [notice, setNotice] = useState<string | undefined>();

  return (
    <section className={styles.root} aria-labelledby="duplicates-heading">
      <SectionHeader id="duplicates-heading" title={tt('duplicates.heading')} intro={tt('duplicates.intro')} />
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
      {error !== undefined && <ProblemBar error={error} onRetry={() => void reload()} />}
      {groups === undefined && error === undefined && <Spinner size="small" label={tt('common.loading')} />}
      {groups?.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{tt('duplicates.empty')}</MessageBarBody>
        </MessageBar>
      )}
      {groups && groups.length > 0 && (
        <ul className={styles.list} aria-label={tt('duplicates.heading')}>
          {groups.map((group) => (
            <DuplicateGroupItem
              key={groupKey(group)}
              group={group}
              canMerge={can('contacts:merge')}
              onOpen={onOpen}
              onMerge={async (survivorId) => {
                await merge(group, survivorId);
                const survivor = group.contacts.find((contact) => contact.id === survivorId);
                setNotice(tt('duplicates.merged', { name: survivor?.displayName ?? '' }));
                onMerged();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
