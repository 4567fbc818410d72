/**
 * What text the API accepts and how it is normalised, once, before anything reads it; and what
 * the search and duplicate keys ignore, so that records stored before these rules still match.
 *
 * Sources:
 * - Unicode Standard Annex #15, Unicode Normalization Forms: text is kept in form C (NFC), so
 *   "Mu\u0308ller" (decomposed, as macOS sends it) and "Müller" are one string.
 * - Unicode Standard §5.21 and DerivedCoreProperties.txt, Default_Ignorable_Code_Point: code
 *   points that render as nothing (general category Cf plus fillers): soft hyphen U+00AD,
 *   combining grapheme joiner U+034F, Arabic letter mark U+061C, Hangul fillers (U+115F, U+1160,
 *   U+3164, U+FFA0), Mongolian selectors U+180B–U+180F, zero width space/non-joiner/joiner
 *   U+200B–U+200D, marks and embeddings U+200E/U+200F and U+202A–U+202E, word joiner and
 *   invisible operators U+2060–U+2064, isolates U+2066–U+2069, variation selectors U+FE00–U+FE0F
 *   and U+E0100–U+E01EF, byte order mark U+FEFF, tag characters U+E0000–U+E007F.
 * - Unicode Standard Annex #9, Bidirectional Algorithm: every Bidi_Control (U+061C, U+200E,
 *   U+200F, U+202A–U+202E, U+2066–U+2069) is a default-ignorable code point, so it is covered.
 * - General category Cc: C0 controls U+0000–U+001F, DEL U+007F, C1 controls U+0080–U+009F.
 * - Well-formed UTF-16 (ECMAScript String.prototype.isWellFormed): a lone surrogate (JSON
 *   "\ud800") encodes no character; MongoDB would store it as U+FFFD.
 *
 * Per kind of field:
 * - `line` (names, e-mail addresses, phones, tags, search queries, ids — every string not marked
 *   otherwise): default-ignorable code points are removed, then NFC. Every control character is
 *   rejected, tab and line breaks (LF, CR, U+2028, U+2029) included.
 * - `multiline` (notes, history, reasons, proofs, next steps): NFC only; tab, LF and CR are kept,
 *   every other control character is rejected. Format characters stay: the zero width joiner in
 *   👩‍💻, the variation selector in ❤️ and the bidi marks people writing Arabic or Hebrew type.
 * - Every kind: a lone surrogate is rejected; text that must be given needs at least one
 *   visible character (not white space, control, format, default-ignorable, a lone combining
 *   mark or U+2800 BRAILLE PATTERN BLANK).
 *
 * Control characters and lone surrogates are rejected, not removed: they come from a broken
 * client or an attack, and quietly changing the value would hide that. Invisible characters are
 * removed: they arrive by copy and paste (Outlook and Windows put U+200E/U+200F around e-mail
 * addresses and phone numbers copied from right-to-left text; web pages carry U+200B and U+00AD).
 * So an RTL override in an e-mail address is stripped, not rejected: what is stored is the
 * logical text that a mail server sees, and nothing left in it can reorder how it is shown.
 * Removing U+200C/U+200D from names of Persian or Indic scripts changes their shaping, not
 * their letters; keys compare letters.
 */

export const TEXT_KINDS = ['line', 'multiline'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export const TEXT_PROBLEMS = ['empty', 'lineBreaks', 'controlCharacters', 'invalidCharacters'] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

// The JSON Schema annotation that marks a string's kind (`Type.String({ 'x-text': 'multiline' })`);
// a string without it is a `line`. The API's validator acts on it; OpenAPI shows it as an extension.
export const TEXT_KIND_KEYWORD = 'x-text';

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// In a `u` regex a surrogate pair is one code point, so only a lone surrogate is category Cs
// (what String.prototype.isWellFormed tests, which the ES2023 lib does not type yet).
const LONE_SURROGATE = /\p{Cs}/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_MULTILINE = /(?![\t\n\r])\p{Cc}/u;
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** The single-line form: default-ignorable code points removed, then NFC ("Mü\u200bller" → "Müller"). */
export function normalizeLine(text: string): string {
  // Removing first lets a mark that followed an invisible character compose with its letter.
  return text.replace(INVISIBLE, '').normalize('NFC');
}

/** Whether the text shows anything: "", "  ", "\u200b" and "\u202e\u202c" do not. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

export type TextInputResult = { ok: true; value: string } | { ok: false; problem: TextProblem };

/**
 * The value to store for one input string of the given kind, or why it is refused.
 * `required`: the text must keep a visible character after normalisation (else `empty`).
 */
export function normalizeTextInput(text: string, kind: TextKind, required = false): TextInputResult {
  if (LONE_SURROGATE.test(text)) return { ok: false, problem: 'invalidCharacters' };
  if (kind === 'line') {
    if (LINE_BREAK.test(text)) return { ok: false, problem: 'lineBreaks' };
    if (CONTROL.test(text)) return { ok: false, problem: 'controlCharacters' };
  } else if (CONTROL_IN_MULTILINE.test(text)) {
    return { ok: false, problem: 'controlCharacters' };
  }
  const value = kind === 'line' ? normalizeLine(text) : text.normalize('NFC');
  if (required && !hasVisibleText(value)) return { ok: false, problem: 'empty' };
  return { ok: true, value };
}
