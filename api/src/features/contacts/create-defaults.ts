import {
  type CompanyDefaults,
  customerSinceFromCompany,
  type Relationship,
  relationshipsFromCompany,
} from '@klarkonform/shared';
import type { ContactFields } from './contacts.mapper';

/**
 * A person created at `company` starts with the company's relationships when the body names
 * none (`given` undefined), and a customer contact at a customer company with the company's
 * "Kunde seit" unless one is given (shared contact-create.rules.ts). Changes `fields` in place.
 */
export function applyCompanyDefaults(
  fields: ContactFields,
  given: Relationship[] | undefined,
  company: ContactFields,
): void {
  const defaults: CompanyDefaults = {
    relationships: (company.relationships as Relationship[] | undefined) ?? [],
    customerSince: company.customerSince as string | undefined,
  };
  if (given === undefined) fields.relationships = relationshipsFromCompany(defaults, []);
  if (fields.customerSince) return;
  const since = customerSinceFromCompany(fields.relationships as Relationship[], defaults);
  if (since) fields.customerSince = since;
}
