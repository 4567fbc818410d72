// A small, strict, non-validating XML parser. The add-in-only manifest must be
// well-formed, and Microsoft's own XML validator is an online service, so we
// check well-formedness offline and read the few values we cross-check.
// No DTDs or external entities: an add-in manifest never needs them.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
  readonly line: number;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface MutableElement {
  name: string;
  attributes: Record<string, string>;
  children: MutableElement[];
  text: string;
  line: number;
}

export function parseXml(source: string): XmlElement {
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let pos = start;
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;

  const where = (at: number): [number, number] => {
    const before = source.slice(0, at).split('\n');
    return [before.length, (before.at(-1)?.length ?? 0) + 1];
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlError(message, ...where(at));
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;]*);?/g, (match, ref: string) => {
      if (!match.endsWith(';')) fail('"&" must start an entity reference such as &amp;', at);
      const code = /^#x[0-9a-f]+$/i.test(ref)
        ? Number.parseInt(ref.slice(2), 16)
        : /^#\d+$/.test(ref)
          ? Number(ref.slice(1))
          : -1;
      if (code >= 0)
        return code <= 0x10ffff ? String.fromCodePoint(code) : fail(`character reference &${ref}; is out of range`, at);
      return PREDEFINED[ref] ?? fail(`unknown entity &${ref};`, at);
    });
  const skipUntil = (terminator: string, what: string): void => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) fail(`${what} is not closed with "${terminator}"`);
    pos = end + terminator.length;
  };
  const readName = (): string => {
    const match = NAME.exec(source.slice(pos, pos + 256));
    if (!match) return fail('expected a name');
    pos += match[0].length;
    return match[0];
  };
  const skipSpace = (): void => {
    while (/\s/.test(source[pos] ?? '')) pos++;
  };

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const text = source.slice(pos, lt < 0 ? source.length : lt);
    const current = stack.at(-1);
    if (current) current.text += decode(text, pos);
    else if (text.trim() !== '') fail('text outside the root element');
    if (lt < 0) break;
    pos = lt;

    if (source.startsWith('<!--', pos)) {
      skipUntil('-->', 'comment');
    } else if (source.startsWith('<![CDATA[', pos)) {
      if (!current) fail('CDATA outside the root element');
      const end = source.indexOf(']]>', pos);
      if (end < 0) fail('CDATA section is not closed');
      if (current) current.text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith('<?', pos)) {
      if (pos !== start && source.startsWith('<?xml', pos) && /\s/.test(source[pos + 5] ?? '')) {
        fail('the XML declaration must be the very first thing in the file');
      }
      skipUntil('?>', 'processing instruction');
    } else if (source.startsWith('<!', pos)) {
      fail('DOCTYPE and other declarations are not allowed in a manifest');
    } else if (source.startsWith('</', pos)) {
      const at = pos;
      pos += 2;
      const name = readName();
      skipSpace();
      if (source[pos] !== '>') fail(`expected ">" to close </${name}`);
      pos++;
      const open = stack.pop();
      if (!open) fail(`closing tag </${name}> has no opening tag`, at);
      else if (open.name !== name)
        fail(`closing tag </${name}> does not match <${open.name}> from line ${open.line}`, at);
    } else {
      const at = pos;
      pos++;
      const element: MutableElement = { name: readName(), attributes: {}, children: [], text: '', line: where(at)[0] };
      if (current) current.children.push(element);
      else if (root) fail('a document has exactly one root element', at);
      else root = element;
      for (;;) {
        const hadSpace = /\s/.test(source[pos] ?? '');
        skipSpace();
        if (source.startsWith('/>', pos)) {
          pos += 2;
          break;
        }
        if (source[pos] === '>') {
          pos++;
          stack.push(element);
          break;
        }
        if (pos >= source.length) fail(`<${element.name}> is not closed`, at);
        if (!hadSpace) fail(`expected whitespace before the next attribute of <${element.name}>`);
        const attrAt = pos;
        const attr = readName();
        skipSpace();
        if (source[pos] !== '=') fail(`attribute ${attr} needs a value`);
        pos++;
        skipSpace();
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") fail(`the value of ${attr} must be quoted`);
        const end = source.indexOf(quote ?? '"', pos + 1);
        if (end < 0) fail(`the value of ${attr} is not closed`);
        const raw = source.slice(pos + 1, end);
        if (raw.includes('<')) fail(`the value of ${attr} contains "<"`);
        if (attr in element.attributes) fail(`attribute ${attr} appears twice on <${element.name}>`, attrAt);
        element.attributes[attr] = decode(raw, pos);
        pos = end + 1;
      }
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) fail(`<${unclosed.name}> from line ${unclosed.line} is never closed`);
  return root ?? fail('the document has no root element');
}

/** The name without its namespace prefix: "bt:Url" → "Url". */
export function localName(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(':') + 1);
}

/** All descendants (depth first, document order), the element itself excluded. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [...descendants(element)].filter((e) => localName(e) === name);
}

/** The xsi:type of an element without its prefix ("bt:MobileIconList" → "MobileIconList"). */
export function xsiType(element: XmlElement): string | undefined {
  const type = element.attributes['xsi:type'];
  return type?.slice(type.indexOf(':') + 1);
}
