import {
  type Static,
  type TObject,
  type TObjectOptions,
  type TProperties,
  type TSchema,
  type TUnsafe,
  Type,
} from 'typebox';
import { TEXT_KIND_KEYWORD } from '../text/text.rules';

// Object schemas never accept unknown fields (no mass assignment). TypeBox's Partial/Omit/Pick
// drop `additionalProperties`, so every object in this package is built through this helper.
export function StrictObject<P extends TProperties>(properties: P, options?: TObjectOptions): TObject<P> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

// `null` clears a field in a patch. Scalars get `type: [t, 'null']` rather than `anyOf`: with
// ajv's type coercion (Fastify's default) an `anyOf` branch would turn null into "" or 0, or 0
// into null, before the right branch is tried. ajv's strict mode allows exactly this union form.
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const plain = { ...schema } as Record<string, unknown>;
  if (typeof plain.type === 'string') return Type.Unsafe({ ...plain, type: [plain.type, 'null'] });
  if (Array.isArray(plain.enum)) return Type.Unsafe({ ...plain, enum: [...plain.enum, null] });
  return Type.Unsafe({ anyOf: [{ type: 'null' }, plain] });
}

// Free single-line text: empty means "not given" (forms send ""), rules treat blank as absent.
// The API strips invisible characters from every string not marked multi-line and refuses
// control characters and line breaks (text.rules.ts).
export const Text = (maxLength: number) => Type.String({ maxLength });

// Text that must say something: at least one visible character. The API checks that after
// removing invisible characters (any string with `minLength` ≥ 1); the pattern tells other readers.
export const RequiredText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

// Free text over several lines (notes, reasons, proofs): keeps tabs, line breaks and format
// characters such as the joiner inside an emoji; only NFC and the control check apply.
export const MultilineText = (maxLength: number) => Type.String({ maxLength, [TEXT_KIND_KEYWORD]: 'multiline' });
export const RequiredMultilineText = (maxLength: number, minLength = 1) =>
  Type.String({ minLength, maxLength, pattern: '\\S', [TEXT_KIND_KEYWORD]: 'multiline' });

// MongoDB ObjectId as the API renders it (lowercase hex).
export const ObjectId = Type.String({ pattern: '^[0-9a-f]{24}$', minLength: 24, maxLength: 24 });
export type ObjectId = Static<typeof ObjectId>;

export const DateTime = Type.String({ format: 'date-time', maxLength: 35 });
export const IsoDate = Type.String({ format: 'date', maxLength: 10 });

// An address with an ASCII or umlaut domain (`idn-email`, validated by normalize.rules.ts `isEmailAddress`).
export const Email = Type.String({ format: 'idn-email', maxLength: 254 });

// Phone numbers are kept as typed ("030 1234-56 Durchwahl 12"); the normalised E.164 form is
// a derived search key, not the stored value.
export const PhoneText = Text(60);

export const Actor = StrictObject({
  id: RequiredText(100),
  name: Text(200),
});
export type Actor = Static<typeof Actor>;

export const Address = StrictObject({
  street: Type.Optional(Text(200)),
  postcode: Type.Optional(Text(20)),
  city: Type.Optional(Text(100)),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2, default: 'DE' })),
});
export type Address = Static<typeof Address>;

export const EmailEntry = StrictObject({
  address: Email,
  primary: Type.Boolean(),
});
export type EmailEntry = Static<typeof EmailEntry>;

// A Microsoft Graph contact holds at most three addresses (`emailAddresses`); so does ours, so the
// Outlook mirror maps one to one. Exactly one is primary when there are any (contact.rules.ts).
export const MAX_EMAILS = 3;
export const EmailEntries = Type.Array(EmailEntry, { maxItems: MAX_EMAILS });

// Graph's `businessPhones` and `homePhones`; Outlook shows two of each ("Geschäftlich", "Geschäftlich 2").
export const MAX_BUSINESS_PHONES = 2;
export const MAX_HOME_PHONES = 2;
export const BusinessPhones = Type.Array(PhoneText, { maxItems: MAX_BUSINESS_PHONES });
export const HomePhones = Type.Array(PhoneText, { maxItems: MAX_HOME_PHONES });

export const MAX_TAGS = 30;
export const Tag = RequiredText(50);
export const Tags = Type.Array(Tag, { maxItems: MAX_TAGS, uniqueItems: true });
