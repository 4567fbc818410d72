import { inflateSync } from 'node:zlib';

// Reads what pdfkit wrote: the page count and the text shown, for tests. pdfkit deflates its
// content streams and shows text as hex strings in the fonts' WinAnsi encoding (`[<48616c6c6f> 0] TJ`);
// Latin-1 decodes WinAnsi's letters, umlauts and ß alike.

/** The PDF's page count (its page tree's /Count), and its text with each shown run joined. */
export function readPdf(pdf: Buffer): { pages: number; text: string } {
  const raw = pdf.toString('latin1');
  const count = /\/Type \/Pages\s*\/Count (\d+)/.exec(raw) ?? /\/Count (\d+)/.exec(raw);
  const pages = count ? Number(count[1]) : 0;
  const parts: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const run of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(run[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      parts.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
    streams.lastIndex = end;
  }
  return { pages, text: parts.join('\n') };
}
