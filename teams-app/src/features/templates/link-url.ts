/** The link targets the server keeps in a template body (template.schema.ts TemplateHtml): http(s) and mailto. */
export function isAllowedLink(url: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url.trim());
}

/**
 * What the user typed into the link field as a link target: "muster.de" becomes "https://muster.de";
 * undefined when it is no allowed address (javascript:, ftp:, text with spaces, empty).
 */
export function linkTarget(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  return isAllowedLink(withScheme) && /^mailto:|^https?:\/\/[^/]*\w\.\w/i.test(withScheme) ? withScheme : undefined;
}
