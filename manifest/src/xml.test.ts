import { describe, expect, it } from 'vitest';
import { XmlError, findAll, localName, parseXml, xsiType } from './xml';

describe('parseXml', () => {
  it('parses elements, attributes, text, entities, CDATA and comments', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a xmlns:bt="urn:x" xsi:type="bt:T">' +
        '<bt:b id="1" v=\'x &amp; y\'/><c>1 &lt; 2 &#x41;&#66;<![CDATA[<raw>]]></c></a>',
    );
    expect(localName(root)).toBe('a');
    expect(xsiType(root)).toBe('T');
    const [b] = findAll(root, 'b');
    expect(b?.attributes).toEqual({ id: '1', v: 'x & y' });
    expect(findAll(root, 'c')[0]?.text).toBe('1 < 2 AB<raw>');
  });

  it.each([
    ['<a><b></a>', 'line 1, column 7: closing tag </a> does not match <b> from line 1'],
    ['<a>\n<b x="1" x="2"/></a>', 'line 2, column 10: attribute x appears twice on <b>'],
    ['<a/><b/>', 'line 1, column 5: a document has exactly one root element'],
    ['<a/>text', 'line 1, column 5: text outside the root element'],
    ['<a>&nbsp;</a>', 'line 1, column 4: unknown entity &nbsp;'],
    ['<a>AT&T</a>', 'line 1, column 4: "&" must start an entity reference such as &amp;'],
    ['<!DOCTYPE a><a/>', 'line 1, column 1: DOCTYPE and other declarations are not allowed in a manifest'],
    ['<a x=1/>', 'line 1, column 6: the value of x must be quoted'],
    ['<a x="<"/>', 'line 1, column 6: the value of x contains "<"'],
    ['<a>\n<b>', 'line 2, column 4: <b> from line 2 is never closed'],
    ['<a/>\n<?xml version="1.0"?>', 'line 2, column 1: the XML declaration must be the very first thing in the file'],
    ['', 'line 1, column 1: the document has no root element'],
  ])('rejects %j', (source, message) => {
    expect(() => parseXml(source)).toThrowError(XmlError);
    expect(() => parseXml(source)).toThrow(message);
  });
});
