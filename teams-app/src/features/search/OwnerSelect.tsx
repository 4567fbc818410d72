import { Field, Select } from '@fluentui/react-components';
import { useTabText } from '../../i18n/useTabText';
import { useTenantUsers } from './useTenantUsers';

export interface OwnerSelectProps {
  /** "" for all, "me" for the signed-in user's own, or a user id. */
  value: string;
  onChange: (owner: string) => void;
  /** The text of the "me" choice ("Meine Kontakte", "Meine Leads"). */
  mineLabel: string;
  className?: string;
}

// Betreuer: all, the signed-in user's own, or one user of the tenant (GET /api/v1/users).
export function OwnerSelect({ value, onChange, mineLabel, className }: OwnerSelectProps) {
  const { tt } = useTabText();
  const users = useTenantUsers();
  return (
    <Field label={tt('search.filter.owner')} size="small" className={className}>
      <Select size="small" value={value} onChange={(_event, data) => onChange(data.value)}>
        <option value="">{tt('search.filter.all')}</option>
        <option value="me">{mineLabel}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
