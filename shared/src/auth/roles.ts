// App roles as defined in the Entra app registration, and what each may do.
// The API checks permissions per route; the UIs use the same table to hide
// actions a user cannot take.

// CRM.DataProtection is the data-protection officer (Datenschutzbeauftragte, issue 15): the
// "Datenschutz" view — requests register, access export, restriction, erasure — and the audit trail.
export const APP_ROLES = [
  'CRM.Admin',
  'CRM.Sales',
  'CRM.Marketing',
  'CRM.Service',
  'CRM.ReadOnly',
  'CRM.DataProtection',
] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const PERMISSIONS = [
  'contacts:read',
  'contacts:write',
  'contacts:archive',
  'contacts:merge',
  'consent:write',
  'notes:write',
  'audit:read',
  'quality:read',
  'activities:write',
  'followUps:write',
  'opportunities:write',
  'templates:manage',
  // The Microsoft 365 contacts mirror's settings, overview and "Jetzt synchronisieren" (issue 13).
  'mirror:manage',
  // The import assistant and contact export (issue 16): the "Import/Export" view, CRM.Admin only.
  'data:import',
  'data:export',
  // The DSGVO lifecycle (issue 15): requests register, access/portability export, restriction,
  // objection, legal hold, erasure, retention settings, records of processing. CRM.Admin and
  // CRM.DataProtection.
  'privacy:manage',
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Readonly<Record<AppRole, readonly Permission[]>> = {
  'CRM.Admin': PERMISSIONS,
  'CRM.Sales': [
    'contacts:read',
    'contacts:write',
    'contacts:archive',
    'consent:write',
    'notes:write',
    'audit:read',
    'quality:read',
    'activities:write',
    'followUps:write',
    'opportunities:write',
  ],
  // Marketing logs mail and plans follow-ups but does not change opportunities (issue 12).
  'CRM.Marketing': [
    'contacts:read',
    'consent:write',
    'notes:write',
    'quality:read',
    'activities:write',
    'followUps:write',
    'templates:manage',
  ],
  'CRM.Service': [
    'contacts:read',
    'contacts:write',
    'notes:write',
    'audit:read',
    'activities:write',
    'followUps:write',
  ],
  'CRM.ReadOnly': ['contacts:read'],
  'CRM.DataProtection': ['contacts:read', 'audit:read', 'privacy:manage'],
};

export function isAppRole(value: string): value is AppRole {
  return (APP_ROLES as readonly string[]).includes(value);
}

export function permissionsFor(roles: readonly AppRole[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}
