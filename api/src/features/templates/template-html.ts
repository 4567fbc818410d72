import sanitizeHtml from 'sanitize-html';

// The body of a template as safe HTML (sanitize-html, an allow-list over htmlparser2): the
// formatting a mail needs and nothing that runs, loads or tracks. Decisions (docs/TEMPLATES.md):
// - kept: p, br, strong/b, em/i, u, s, ul/ol/li, a, h2–h4, blockquote, span — without attributes,
//   except a link's href;
// - a link keeps only an absolute http(s) or mailto href and always gets rel="noopener noreferrer"
//   and target="_blank"; any other href (javascript:, data:, relative) is dropped, the text stays;
// - script, style, iframe, object and their content go; every other tag (img included: a remote
//   image is a tracking pixel, an inline one bloats every mail) goes, its text stays; on*-handlers
//   and style attributes go with the attributes;
// - a placeholder inside an attribute (`href="{{firma}}"`) is refused, not kept: the value would
//   become a link target chosen by whoever edits the contact.

const TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'a',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'span',
];
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;
const PLACEHOLDER_MARK = /\{[{%]/;

/** A placeholder (or tag) found in an attribute value, and where: `<a href="…">`. */
export interface AttributePlaceholder {
  excerpt: string;
}

/** The sanitised body and, when there was one, the first placeholder written inside an attribute. */
export interface SanitizedHtml {
  html: string;
  attributePlaceholder?: AttributePlaceholder;
}

/** Sanitises a template body (see above); never throws for any input string. */
export function sanitizeTemplateHtml(html: string): SanitizedHtml {
  let attributePlaceholder: AttributePlaceholder | undefined;
  const clean = sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title'],
    transformTags: {
      '*': (tagName, attribs) => {
        if (!attributePlaceholder) {
          const hit = Object.entries(attribs).find(([, value]) => PLACEHOLDER_MARK.test(value));
          if (hit && TAGS.includes(tagName)) attributePlaceholder = { excerpt: `<${tagName} ${hit[0]}="${hit[1]}">` };
        }
        if (tagName !== 'a') return { tagName, attribs };
        const href = attribs.href?.trim() ?? '';
        const fixed: sanitizeHtml.Attributes = { rel: 'noopener noreferrer', target: '_blank' };
        if (SAFE_HREF.test(href)) fixed.href = href;
        return { tagName, attribs: fixed };
      },
    },
  });
  return attributePlaceholder ? { html: clean, attributePlaceholder } : { html: clean };
}
