import { type Static, Type } from 'typebox';
import {
  Actor,
  DateTime,
  IsoDate,
  Nullable,
  ObjectId,
  RequiredText,
  StrictObject,
  Tags,
  Text,
} from '../contacts/contact-common.schema';
import {
  ConsentChannel,
  ContactKind,
  LeadSource,
  LeadStatus,
  LegalBasis,
  Salutation,
} from '../contacts/contact-enums.schema';
import { DuplicateCandidate } from '../contacts/contact-query.schema';
import { Relationships, Roles, UserId } from '../contacts/contact.schema';

// The import assistant (issue 16): a file is uploaded as raw bytes (POST /api/v1/imports), parsed
// at once into stored rows and an import document; the admin picks encoding, sheet and column
// mapping, looks at the preview, may run a dry run, then runs the import as a background job
// (progress by polling GET /api/v1/imports/:id). Routes and the job model:
// api/src/features/import-export/README.md.

/** The largest file accepted (bytes): 20 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The most data rows (records, cards) one file may hold. */
export const MAX_IMPORT_ROWS = 50_000;
/** The most columns a file may have. */
export const MAX_IMPORT_COLUMNS = 200;

export const IMPORT_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export const ImportFormat = Type.Enum(IMPORT_FORMATS);
export type ImportFormat = Static<typeof ImportFormat>;

/** Character sets a CSV file may be read in; `utf-8` with or without BOM. */
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15', 'utf-16le'] as const;
export const ImportEncoding = Type.Enum(IMPORT_ENCODINGS);
export type ImportEncoding = Static<typeof ImportEncoding>;

export const CSV_DELIMITERS = ['semicolon', 'comma', 'tab'] as const;
export const CsvDelimiter = Type.Enum(CSV_DELIMITERS);
export type CsvDelimiter = Static<typeof CsvDelimiter>;

/**
 * Where the column mapping came from: Outlook's contact export in German or English, a
 * KlarKonform export, the fixed fields of vCards, or guessed from free headers.
 */
export const IMPORT_PRESETS = ['outlookDe', 'outlookEn', 'klarkonform', 'vcard', 'guessed'] as const;
export const ImportPreset = Type.Enum(IMPORT_PRESETS);
export type ImportPreset = Static<typeof ImportPreset>;

/**
 * What a column becomes. `companyName` ("Firma") links the person to the company of that name
 * (matched among existing companies by name and e-mail domain, created when missing); a row with a
 * company name and no person name is the company itself. `fullName` is one "Name" column split
 * into its parts; `middleName` ("Weitere Vornamen") joins the first name. `kind` ("Art") holds
 * Firma/Person. Consent columns import opt-outs only (a consent needs its proof).
 */
export const IMPORT_TARGETS = [
  'ignore',
  'kind',
  'salutation',
  'title',
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'companyName',
  'department',
  'position',
  'email',
  'email2',
  'email3',
  'businessPhone',
  'businessPhone2',
  'mobilePhone',
  'homePhone',
  'homePhone2',
  'street',
  'postcode',
  'city',
  'country',
  'website',
  'industry',
  'relationships',
  'roles',
  'tags',
  'leadSource',
  'leadStatus',
  'customerSince',
  'owner',
  'notes',
  'legalBasis',
  'consentEmail',
  'consentPhone',
  'consentLetter',
  'consentNewsletter',
] as const;
export const ImportTarget = Type.Enum(IMPORT_TARGETS);
export type ImportTarget = Static<typeof ImportTarget>;

/**
 * `ready`: parsed, settings editable, nothing running. `queued`/`running`: a dry run or the import
 * is under way (`run`). `done`, `cancelled`, `failed`: how the last run ended. A dry run that ended
 * leaves the import editable and runnable again; so does a cancelled or failed import run (running
 * it again creates nothing twice). A `done` import is final.
 */
export const IMPORT_STATUSES = ['ready', 'queued', 'running', 'done', 'cancelled', 'failed'] as const;
export const ImportStatus = Type.Enum(IMPORT_STATUSES);
export type ImportStatus = Static<typeof ImportStatus>;

export const IMPORT_RUN_MODES = ['dryRun', 'import'] as const;
export const ImportRunMode = Type.Enum(IMPORT_RUN_MODES);
export type ImportRunMode = Static<typeof ImportRunMode>;

/** What happens to a row: create a contact, fill the empty fields of an existing one, or nothing. */
export const IMPORT_ACTIONS = ['create', 'merge', 'skip'] as const;
export const ImportAction = Type.Enum(IMPORT_ACTIONS);
export type ImportAction = Static<typeof ImportAction>;

/**
 * The duplicate verdict of a row (the create dialog's rules, duplicate.rules.ts): `new`;
 * `duplicate` of a contact in the database; `fileDuplicate` of an earlier row of the file;
 * `alreadyImported` (this very row content was imported before: nothing happens); `invalid`
 * (the row has an error and cannot be stored).
 */
export const IMPORT_VERDICTS = ['new', 'duplicate', 'fileDuplicate', 'alreadyImported', 'invalid'] as const;
export const ImportVerdict = Type.Enum(IMPORT_VERDICTS);
export type ImportVerdict = Static<typeof ImportVerdict>;

export const IMPORT_OUTCOMES = ['created', 'merged', 'skipped', 'failed'] as const;
export const ImportOutcome = Type.Enum(IMPORT_OUTCOMES);
export type ImportOutcome = Static<typeof ImportOutcome>;

/**
 * Why a row (or one value of it) is not as the file says. Errors (`missingName`, `invalidEmail`,
 * `tooLong`, `emailTaken`, `storeFailed`, `mergeTargetGone`) fail the row; the others are warnings:
 * the row is imported, the value kept as typed (`invalidPhone`) or left out (`tooManyValues`: the
 * values past the limit, e.g. a fourth e-mail; `unknownValue`, `invalidDate`, `unknownOwner`,
 * `invalidCountry`, `invalidWebsite`, `consentNotImported`).
 */
export const IMPORT_ROW_PROBLEMS = [
  'missingName',
  'invalidEmail',
  'invalidPhone',
  'tooLong',
  'tooManyValues',
  'invalidDate',
  'unknownValue',
  'unknownOwner',
  'invalidCountry',
  'invalidWebsite',
  'consentNotImported',
  'emailTaken',
  'mergeTargetGone',
  'storeFailed',
] as const;
export const ImportRowProblemCode = Type.Enum(IMPORT_ROW_PROBLEMS);
export type ImportRowProblemCode = Static<typeof ImportRowProblemCode>;

export const ImportRowProblem = StrictObject({
  code: ImportRowProblemCode,
  severity: Type.Enum(['error', 'warning'] as const),
  /** The target field concerned (absent for the row as a whole). */
  target: Type.Optional(ImportTarget),
  /** The column's header as in the file. */
  column: Type.Optional(Text(200)),
  /** The offending value (cut at 200 characters). */
  value: Type.Optional(Text(200)),
});
export type ImportRowProblem = Static<typeof ImportRowProblem>;

/** One column of the file: its header, a few sample values and what it is mapped to. */
export const ImportColumn = StrictObject({
  index: Type.Integer({ minimum: 0 }),
  header: Text(200),
  samples: Type.Array(Text(200), { maxItems: 3 }),
  target: ImportTarget,
});
export type ImportColumn = Static<typeof ImportColumn>;

/**
 * Values for every row and what to do with duplicates. `relationships` and `tags` are added to a
 * row's own; `leadSource` and `ownerId` apply where the row has none (owner: the importing user
 * otherwise). `kind`: `auto` decides per row (a person name makes a person, a company name alone a
 * company). `onDuplicate` applies to `duplicate` rows, `onFileDuplicate` to `fileDuplicate` rows,
 * unless a row's own action was set.
 */
export const ImportDefaults = StrictObject({
  kind: Type.Enum(['auto', 'person', 'company'] as const),
  relationships: Relationships,
  tags: Tags,
  leadSource: Type.Optional(LeadSource),
  ownerId: Type.Optional(UserId),
  onDuplicate: ImportAction,
  onFileDuplicate: ImportAction,
});
export type ImportDefaults = Static<typeof ImportDefaults>;

const Count = Type.Integer({ minimum: 0 });

export const ImportCounts = StrictObject({
  created: Count,
  merged: Count,
  skipped: Count,
  failed: Count,
});
export type ImportCounts = Static<typeof ImportCounts>;

/** A run over the rows: a dry run (changes nothing, records what would happen) or the import. */
export const ImportRun = StrictObject({
  mode: ImportRunMode,
  startedAt: DateTime,
  startedBy: Actor,
  finishedAt: Type.Optional(DateTime),
  /** Rows to process and rows done (the progress bar). */
  total: Count,
  done: Count,
  /** Outcomes so far (for a dry run: what would happen). */
  counts: ImportCounts,
  /** Cancel was asked for: the run stops after the row it is at. */
  cancelRequested: Type.Boolean(),
  /** Why a run failed (English, for the admin's support request). */
  failure: Type.Optional(Text(500)),
});
export type ImportRun = Static<typeof ImportRun>;

/** An import as GET /api/v1/imports/:id returns it (the UI polls it for progress). */
export const Import = StrictObject({
  id: ObjectId,
  version: Type.Integer({ minimum: 1 }),
  fileName: Text(255),
  format: ImportFormat,
  sizeBytes: Count,
  createdAt: DateTime,
  createdBy: Actor,
  updatedAt: DateTime,
  status: ImportStatus,
  /** CSV only: the character set detected, the one in effect (detected unless overridden), and a BOM. */
  detectedEncoding: Type.Optional(ImportEncoding),
  encoding: Type.Optional(ImportEncoding),
  bom: Type.Optional(Type.Boolean()),
  detectedDelimiter: Type.Optional(CsvDelimiter),
  delimiter: Type.Optional(CsvDelimiter),
  /** xlsx only: the workbook's sheets and the one read (the first unless chosen). */
  sheets: Type.Optional(Type.Array(Text(100), { maxItems: 255 })),
  sheet: Type.Optional(Text(100)),
  preset: ImportPreset,
  columns: Type.Array(ImportColumn, { maxItems: MAX_IMPORT_COLUMNS }),
  rowCount: Count,
  defaults: ImportDefaults,
  /** Rows with an action set by hand (PUT …/rows/:row/action). */
  rowActions: Count,
  /** The current or last run; `lastDryRun`: the last dry run's result, kept when the import runs. */
  run: Type.Optional(ImportRun),
  lastDryRun: Type.Optional(ImportRun),
});
export type Import = Static<typeof Import>;

/** An entry of "Letzte Importe" (GET /api/v1/imports, newest first, at most 20). */
export const ImportSummary = StrictObject({
  id: ObjectId,
  fileName: Text(255),
  format: ImportFormat,
  createdAt: DateTime,
  createdBy: Actor,
  status: ImportStatus,
  rowCount: Count,
  run: Type.Optional(ImportRun),
});
export type ImportSummary = Static<typeof ImportSummary>;

export const ImportList = StrictObject({ items: Type.Array(ImportSummary, { maxItems: 20 }) });
export type ImportList = Static<typeof ImportList>;

/** Query of POST /api/v1/imports: the file's name (the body is the file's bytes). */
export const ImportUploadQuery = StrictObject({
  fileName: RequiredText(255),
});
export type ImportUploadQuery = Static<typeof ImportUploadQuery>;

/**
 * PATCH /api/v1/imports/:id (If-Match: the version), while nothing runs and the import is not done.
 * A new `encoding`, `delimiter` or `sheet` reads the stored file again (columns and mapping are
 * guessed anew unless `mapping` is given too); a `preset` applies that preset's mapping; `mapping`
 * sets one target per column (in column order, `ignore` for none; a target other than `ignore`
 * at most once). Every change drops the last run's result (dry run, or an import run that was cancelled
 * or failed: it then starts over, and the rows it stored come back as `alreadyImported`).
 */
export const ImportSettingsPatch = StrictObject(
  {
    encoding: Type.Optional(ImportEncoding),
    delimiter: Type.Optional(CsvDelimiter),
    sheet: Type.Optional(RequiredText(100)),
    preset: Type.Optional(ImportPreset),
    mapping: Type.Optional(Type.Array(ImportTarget, { maxItems: MAX_IMPORT_COLUMNS })),
    defaults: Type.Optional(ImportDefaults),
  },
  { minProperties: 1 },
);
export type ImportSettingsPatch = Static<typeof ImportSettingsPatch>;

/** A row's address as it will be stored. */
const PreviewAddress = StrictObject({
  street: Type.Optional(Text(200)),
  postcode: Type.Optional(Text(20)),
  city: Type.Optional(Text(100)),
  country: Type.Optional(Text(2)),
});

/** A row as it will be stored (the contact create body it becomes, flattened for the table). */
export const ImportContactPreview = StrictObject({
  kind: ContactKind,
  displayName: Text(300),
  salutation: Type.Optional(Salutation),
  title: Type.Optional(Text(40)),
  firstName: Type.Optional(Text(100)),
  lastName: Type.Optional(Text(100)),
  /** The company's name (kind company). */
  name: Type.Optional(Text(200)),
  companyName: Type.Optional(Text(200)),
  department: Type.Optional(Text(100)),
  position: Type.Optional(Text(100)),
  emails: Type.Array(Text(254), { maxItems: 3 }),
  businessPhones: Type.Array(Text(60), { maxItems: 2 }),
  mobilePhone: Type.Optional(Text(60)),
  homePhones: Type.Array(Text(60), { maxItems: 2 }),
  address: Type.Optional(PreviewAddress),
  website: Type.Optional(Text(300)),
  industry: Type.Optional(Text(100)),
  relationships: Relationships,
  roles: Roles,
  tags: Tags,
  leadSource: Type.Optional(LeadSource),
  leadStatus: Type.Optional(LeadStatus),
  customerSince: Type.Optional(IsoDate),
  ownerId: Type.Optional(UserId),
  notes: Type.Optional(Text(2000)),
  legalBasis: Type.Optional(LegalBasis),
  /** Channels with an opt-out (Verbotsvermerk) in the file. */
  optOuts: Type.Array(ConsentChannel, { maxItems: 4 }),
});
export type ImportContactPreview = Static<typeof ImportContactPreview>;

/** The company a person row links to: an existing one, one an earlier row creates, or a new one. */
export const ImportCompanyLink = StrictObject({
  name: Text(200),
  action: Type.Enum(['link', 'create'] as const),
  /** The existing company (action link). */
  id: Type.Optional(ObjectId),
  /** The earlier row that creates it (action link to a company of this file). */
  row: Type.Optional(Count),
});
export type ImportCompanyLink = Static<typeof ImportCompanyLink>;

/** What a run did with a row (for a dry run: would do). */
export const ImportRowResult = StrictObject({
  mode: ImportRunMode,
  outcome: ImportOutcome,
  contactId: Type.Optional(ObjectId),
  contactNumber: Type.Optional(Text(16)),
  /** Why the row failed or was skipped. */
  reason: Type.Optional(ImportRowProblem),
});
export type ImportRowResult = Static<typeof ImportRowResult>;

/** One row of the preview (GET /api/v1/imports/:id/rows). */
export const ImportRowPreview = StrictObject({
  /** As the user finds it in the file: Excel's row number (the header is row 1), or the card's number. */
  row: Type.Integer({ minimum: 1 }),
  /** The cells in column order (cut at 200 characters). */
  values: Type.Array(Text(200), { maxItems: MAX_IMPORT_COLUMNS }),
  contact: Nullable(ImportContactPreview),
  company: Type.Optional(ImportCompanyLink),
  problems: Type.Array(ImportRowProblem, { maxItems: 50 }),
  verdict: ImportVerdict,
  /** Database contacts this row duplicates (verdict duplicate or alreadyImported), best first. */
  candidates: Type.Array(DuplicateCandidate, { maxItems: 5 }),
  /** The earlier row this one duplicates (verdict fileDuplicate). */
  sameAsRow: Type.Optional(Type.Integer({ minimum: 1 })),
  /** What the run does with it: the row's own choice, else the default for its verdict. */
  action: ImportAction,
  /** The action was chosen for this row (not the default). */
  actionChosen: Type.Boolean(),
  /** The actions the row allows (e.g. no `create` for a person whose e-mail another person has). */
  actions: Type.Array(ImportAction, { maxItems: 3 }),
  /** The contact a merge fills (the best candidate unless chosen). */
  mergeTargetId: Type.Optional(ObjectId),
  result: Type.Optional(ImportRowResult),
});
export type ImportRowPreview = Static<typeof ImportRowPreview>;

/**
 * Which rows the preview lists: `all`, or from the last run's results (dry run or import):
 * rows with `problems`, `duplicates` (duplicate, fileDuplicate, alreadyImported) or an outcome.
 */
export const IMPORT_ROW_FILTERS = ['all', 'problems', 'duplicates', 'created', 'merged', 'skipped', 'failed'] as const;
export const ImportRowFilter = Type.Enum(IMPORT_ROW_FILTERS);
export type ImportRowFilter = Static<typeof ImportRowFilter>;

export const ImportRowsQuery = StrictObject({
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_IMPORT_ROWS, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  filter: Type.Optional(ImportRowFilter),
});
export type ImportRowsQuery = Static<typeof ImportRowsQuery>;

export const ImportRowPage = StrictObject({
  items: Type.Array(ImportRowPreview, { maxItems: 100 }),
  /** Rows matching the filter. */
  total: Count,
  offset: Count,
  /** A filter other than `all` needs a run's results; false when there is none yet (then `total` is 0). */
  analysed: Type.Boolean(),
});
export type ImportRowPage = Static<typeof ImportRowPage>;

/** PUT /api/v1/imports/:id/rows/:row/action: this row's own action; `targetId` picks the merge target. */
export const ImportRowActionChange = StrictObject({
  action: Nullable(ImportAction),
  targetId: Type.Optional(ObjectId),
});
export type ImportRowActionChange = Static<typeof ImportRowActionChange>;

/** POST /api/v1/imports/:id/run: a dry run (changes nothing) or the import. */
export const ImportRunRequest = StrictObject({
  dryRun: Type.Boolean(),
});
export type ImportRunRequest = Static<typeof ImportRunRequest>;
