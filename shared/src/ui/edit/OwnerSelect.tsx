import { Select } from '@fluentui/react-components';
import { useUiText } from '../i18n';
import { EditorFieldBox, useEditorFields } from './EditorFieldBox';
import { useTenantUsers } from './useTenantUsers';

export interface OwnerSelectProps {
  /** The owner's user id; '' for a contact without one (from before owners existed). */
  value: string;
  onChange: (ownerId: string) => void;
}

// Betreuer: one of the tenant's users. A contact always keeps one, so there is no "none" to
// choose once it has an owner; an owner the list does not know is shown by id.
export function OwnerSelect({ value, onChange }: OwnerSelectProps) {
  const { t } = useUiText();
  const { disabled } = useEditorFields();
  const { status, users } = useTenantUsers();
  const known = users.some((user) => user.id === value);
  // Names alone, unless two users share one.
  const shared = new Set(users.filter((u, i) => users.findIndex((o) => o.name === u.name) !== i).map((u) => u.name));
  return (
    <EditorFieldBox
      field="ownerId"
      label={t('field.owner')}
      hint={status === 'failed' ? t('edit.ownersFailed') : undefined}
    >
      <Select value={value} disabled={disabled} data-field="ownerId" onChange={(_, data) => onChange(data.value)}>
        {!value && <option value="">{t('edit.ownerNone')}</option>}
        {value && !known && (
          <option value={value}>{status === 'loading' ? '…' : t('edit.ownerUnknown', { id: value })}</option>
        )}
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {shared.has(user.name) && user.email ? `${user.name} (${user.email})` : user.name}
          </option>
        ))}
      </Select>
    </EditorFieldBox>
  );
}
