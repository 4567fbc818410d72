import {
  Badge,
  Button,
  Field,
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type ContactSummary, useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import type { DuplicateGroup } from '@klarkonform/shared/ui';
import { useTabText } from '../../i18n/useTabText';
import { ProblemBar } from '../../shell/ProblemBar';
import type { ContactTarget } from '../contact/load-card';
import { MergeDialog } from './MergeDialog';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  title: { margin: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  secondary: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface DuplicateGroupItemProps {
  group: DuplicateGroup;
  canMerge: boolean;
  onOpen: (target: ContactTarget) => void;
  onMerge: (survivorId: string) => Promise<void>;
}

const describe = (contact: ContactSummary) =>
  [contact.contactNumber, contact.companyName, contact.email].filter(Boolean).join(' · ');

// One group of likely duplicates: why they match, and (for admins) which one to keep.
export function DuplicateGroupItem({ group, canMerge, onOpen, onMerge }: DuplicateGroupItemProps) {
  const styles = useStyles();
  const { tt } = useTabText();
  const { t } = useUiText();
  const oldest = [...group.contacts].sort((a, b) => a.contactNumber.localeCompare(b.contactNumber))[0];
  const [survivorId, setSurvivorId] = useState(oldest?.id ?? '');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const survivor = group.contacts.find((contact) => contact.id === survivorId);
  const names = group.contacts.map((contact) => contact.displayName).join(' / ');

  const merge = () => {
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    onMerge(survivorId).catch((err: unknown) => {
      setError(err);
      setBusy(false);
    });
  };

  return (
    <li className={styles.item} aria-label={tt('duplicates.group', { names })} data-testid="duplicate-group">
      <Text as="h3" weight="semibold" className={styles.title}>
        {names}
      </Text>
      <div className={styles.badges}>
        <Badge appearance="filled" color="warning">
          {tt('duplicates.score', { score: group.score })}
        </Badge>
        {group.reasons.map((reason) => (
          <Badge key={reason} appearance="tint" color="informative">
            {t(`duplicateReason.${reason}`)}
          </Badge>
        ))}
      </div>
      <ul className={styles.people}>
        {group.contacts.map((contact) => (
          <li key={contact.id}>
            <Link as="button" onClick={() => onOpen({ id: contact.id, email: contact.email })}>
              {contact.displayName}
            </Link>{' '}
            <Text size={200} className={styles.secondary}>
              {describe(contact)}
            </Text>
          </li>
        ))}
      </ul>
      {canMerge && (
        <Field label={tt('duplicates.keep')}>
          <RadioGroup value={survivorId} onChange={(_event, data) => setSurvivorId(data.value)}>
            {group.contacts.map((contact) => (
              <Radio key={contact.id} value={contact.id} label={`${contact.displayName} (${contact.contactNumber})`} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {canMerge && (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy || !survivor} onClick={() => setConfirming(true)}>
            {tt('duplicates.merge')}
          </Button>
          {busy && <Spinner size="tiny" aria-label={tt('common.loading')} />}
        </div>
      )}
      {error !== undefined && <ProblemBar error={error} onDismiss={() => setError(undefined)} />}
      {confirming && survivor && (
        <MergeDialog
          survivor={survivor}
          duplicates={group.contacts.filter((contact) => contact.id !== survivorId)}
          onConfirm={merge}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
