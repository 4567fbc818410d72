import { Liquid, LiquidError, type TopLevelToken, Tokenizer, TypeGuards } from 'liquidjs';
import {
  ALLOWED_PLACEHOLDERS_TEXT,
  checkOutput,
  type OutputProblem,
  placeholderText,
  type TemplatePlaceholder,
} from '@klarkonform/shared';
import { type FieldProblem, fieldProblems } from '../../infra/http-error';
import sanitizeHtml from 'sanitize-html';
import { type AttributePlaceholder, sanitizeTemplateHtml } from './template-html';

// Template text through liquidjs, restricted to text and `{{ placeholder }}`: the tokenizer finds
// every `{{ … }}` and `{% … %}`, checkOutput (shared) judges each output, and anything else — tags,
// filters, paths, literals, unknown names — is refused before a template is stored or rendered.
// liquidjs is an interpreter over a fixed grammar, and with only bare names left nothing of the
// text can run as code; values come from a plain object of strings (own properties only).

const OPTIONS = { strictVariables: true, strictFilters: true, ownPropertyOnly: true, cache: false } as const;
/** Body values are HTML-escaped (& < > " '); the subject is plain text. */
const bodyEngine = new Liquid({ ...OPTIONS, outputEscape: 'escape' });
const subjectEngine = new Liquid(OPTIONS);

/** The request fields template text lives in, for the field errors (labels Betreff / Text). */
export type TemplateTextField = 'body.subject' | 'body.bodyHtml';

const EXAMPLE = placeholderText('vorname');
const excerptOf = (text: string, at: number) => text.slice(at, at + 30).replace(/\s+/g, ' ');

/** The message of a refused `{{ … }}`: the "Meinten Sie …?" variant when there is a suggestion. */
function problemKey(problem: OutputProblem, suggested: boolean): string {
  if (suggested && problem === 'unknownPlaceholder') return 'unknownPlaceholderNear';
  if (suggested && problem === 'placeholderExpression') return 'placeholderExpressionNear';
  return problem;
}

function tokensOf(text: string, engine: Liquid): TopLevelToken[] {
  return new Tokenizer(text, engine.options.operators).readTopLevelTokens(engine.options);
}

/**
 * The placeholders `text` uses, in order of first use, or the field problem with the first thing
 * in it that is not a placeholder (a 422 names the field and the offending `{{ … }}` as written).
 */
function scan(text: string, field: TemplateTextField, engine: Liquid): TemplatePlaceholder[] | FieldProblem {
  let tokens: TopLevelToken[];
  try {
    tokens = tokensOf(text, engine);
  } catch (err) {
    if (!(err instanceof LiquidError)) throw err;
    const at = Math.max(0, err.token?.begin ?? text.search(/\{[{%]/));
    return {
      field,
      key: 'serviceProblem.templateUnclosed',
      values: { excerpt: excerptOf(text, at), example: EXAMPLE },
    };
  }
  const used: TemplatePlaceholder[] = [];
  for (const token of tokens) {
    if (TypeGuards.isHTMLToken(token)) continue;
    // As the user wrote it: the tokenizer ends `{{{vorname}}}` at the first `}}`, the stray braces follow.
    const written = token.getText() + (/^\}+/.exec(text.slice(token.end))?.[0] ?? '');
    if (TypeGuards.isTagToken(token)) {
      return { field, key: 'serviceProblem.templateTag', values: { tag: written, example: EXAMPLE } };
    }
    const trimmed = token.trimLeft || token.trimRight;
    const verdict = checkOutput(TypeGuards.isOutputToken(token) ? token.content : written, trimmed);
    if (!verdict.ok) {
      const values = {
        placeholder: written,
        allowed: ALLOWED_PLACEHOLDERS_TEXT,
        suggestion: verdict.suggestion ? placeholderText(verdict.suggestion) : '',
      };
      return { field, key: `serviceProblem.${problemKey(verdict.problem, verdict.suggestion !== undefined)}`, values };
    }
    if (!used.includes(verdict.placeholder)) used.push(verdict.placeholder);
  }
  return used;
}

const isProblem = (x: TemplatePlaceholder[] | FieldProblem): x is FieldProblem => !Array.isArray(x);

/** Subject and body as stored: the body sanitised, the placeholders of both in order of first use. */
export interface CheckedTemplateText {
  subject: string;
  bodyHtml: string;
  placeholders: TemplatePlaceholder[];
}

function attributeProblem(found: AttributePlaceholder): FieldProblem {
  return { field: 'body.bodyHtml', key: 'serviceProblem.placeholderInAttribute', values: { excerpt: found.excerpt } };
}

/**
 * Whether sanitised body HTML shows any text: tags dropped, entities of spaces and invisible
 * characters (no-break and zero-width spaces, word joiner, BOM) count as nothing; a placeholder
 * counts as text (it is filled when the mail is written).
 */
export function hasVisibleText(html: string): boolean {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(?:nbsp|#160|#x0*a0|#8203|#x0*200b|zwsp|#8288|#xfeff|#65279);/gi, ' ')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');
  return text.length > 0;
}

/**
 * Checks template text for a save or a preview: the subject and the body may hold only text and
 * `{{ placeholder }}`; the body is sanitised (template-html.ts) and checked again afterwards, so
 * a placeholder that only appears once markup is dropped is judged too, and must leave visible
 * text (`<p></p>`, `<script>x</script>` are empty). 422 validationFailed with one field error per
 * field (Betreff, Text) otherwise.
 */
export function checkTemplateText(subject: string, bodyHtml: string): CheckedTemplateText {
  const subjectUse = scan(subject, 'body.subject', subjectEngine);
  const rawBodyUse = scan(bodyHtml, 'body.bodyHtml', bodyEngine);
  const problems: FieldProblem[] = [];
  if (isProblem(subjectUse)) problems.push(subjectUse);
  if (isProblem(rawBodyUse)) problems.push(rawBodyUse);
  let sanitized = '';
  let bodyUse: TemplatePlaceholder[] | FieldProblem = [];
  if (!isProblem(rawBodyUse)) {
    const clean = sanitizeTemplateHtml(bodyHtml);
    sanitized = clean.html;
    bodyUse = clean.attributePlaceholder
      ? attributeProblem(clean.attributePlaceholder)
      : scan(clean.html, 'body.bodyHtml', bodyEngine);
    if (!isProblem(bodyUse) && !hasVisibleText(clean.html)) {
      bodyUse = { field: 'body.bodyHtml', key: 'serviceProblem.templateBodyEmpty' };
    }
    if (isProblem(bodyUse)) problems.push(bodyUse);
  }
  if (problems.length > 0 || isProblem(subjectUse) || isProblem(bodyUse)) throw fieldProblems(problems, 422);
  return { subject, bodyHtml: sanitized, placeholders: [...new Set([...subjectUse, ...bodyUse])] };
}

/**
 * Fills checked template text with `values` (plain strings): HTML-escaped in the body, plain in
 * the subject. The text must have passed checkTemplateText (only known bare names are left).
 */
export function fillTemplate(
  text: { subject: string; bodyHtml: string },
  values: Readonly<Record<TemplatePlaceholder, string>>,
): { subject: string; bodyHtml: string } {
  const scope = { ...values };
  return {
    subject: subjectEngine.parseAndRenderSync(text.subject, scope),
    bodyHtml: bodyEngine.parseAndRenderSync(text.bodyHtml, scope),
  };
}
