import { type TSchema, Type } from 'typebox';
import type { ContactKind } from './contact-enums.schema';
import { CompanyPatch, type ContactPatch, PersonPatch } from './contact-input.schema';

// The PATCH route cannot validate against `ContactPatch` (CompanyPatch | PersonPatch) and say
// anything useful: the body carries no `kind`, so a person's patch with a company field fails
// both shapes and ajv reports the errors of both. The route validates against every field of
// either kind instead (unknown fields still refused), and the service, which knows the stored
// contact's kind, refuses a field of the other kind by name ("„Branche“ gibt es nur bei Firmen.")
// and checks the patch against its kind's own shape (`PATCH_SHAPES`).

const byKind: Record<ContactKind, Record<string, TSchema>> = {
  company: CompanyPatch.properties as Record<string, TSchema>,
  person: PersonPatch.properties as Record<string, TSchema>,
};

/** Each field either kind may patch; a field both declare differently accepts either form here. */
function everyPatchField(): Record<string, TSchema> {
  const fields: Record<string, TSchema> = { ...byKind.company };
  for (const [name, schema] of Object.entries(byKind.person)) {
    const other = fields[name];
    fields[name] =
      other === undefined || JSON.stringify(other) === JSON.stringify(schema)
        ? schema
        : Type.Optional(Type.Union([other, schema]));
  }
  return fields;
}

/**
 * The body of `PATCH /contacts/:id`: any field of a company's or a person's patch, at least one,
 * nothing else. Typed as `ContactPatch` because the service completes the check against the
 * stored kind (`inapplicablePatchFields`, `PATCH_SHAPES`) before it applies anything.
 */
export const ContactPatchBody = Type.Unsafe<ContactPatch>(
  Type.Object(everyPatchField(), { additionalProperties: false, minProperties: 1 }),
);

/** The exact patch shape per kind; the service checks a patch against its contact's. */
export const PATCH_SHAPES: Readonly<Record<ContactKind, TSchema>> = { company: CompanyPatch, person: PersonPatch };

/** The kinds whose patch declares `field` (both for shared fields, none for unknown ones). */
export function kindsWithPatchField(field: string): ContactKind[] {
  return (Object.keys(byKind) as ContactKind[]).filter((kind) => Object.hasOwn(byKind[kind], field));
}
