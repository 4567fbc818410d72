import { type FixTarget, fixPermission } from '@klarkonform/shared/ui';
import type { Permission } from '../../shell/usePermissions';
import { NewContactDialog } from './new-contact-dialog';

/**
 * Whether the tab can lead the user to `fix`: they hold the permission it needs (consent:write
 * to record consent, contacts:write for the rest) and the view it opens is there (the shared
 * create dialog for a new person).
 */
export function canOpenFix(fix: FixTarget, can: (permission: Permission) => boolean): boolean {
  if (!can(fixPermission(fix))) return false;
  return fix.action !== 'addPerson' || NewContactDialog !== undefined;
}
