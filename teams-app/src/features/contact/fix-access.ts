import { type FixTarget, fixPermission } from '@klarkonform/shared/ui';
import type { Permission } from '../../shell/usePermissions';

/**
 * Whether the tab can lead the user to `fix`: they hold the permission it needs (consent:write
 * to record consent, contacts:write for the rest).
 */
export function canOpenFix(fix: FixTarget, can: (permission: Permission) => boolean): boolean {
  return can(fixPermission(fix));
}
