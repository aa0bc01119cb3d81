import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, normalizeLineEnds } from '../../src/ingest/decode.ts';
import { parseArticleBytes } from '../../src/ingest/corpus.ts';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out: number[] = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (bigEndian) out.push(code >> 8, code & 0xff);
    else out.push(code & 0xff, code >> 8);
  }
  return new Uint8Array(out);
}

describe('decodeText', () => {
  it('reads plain UTF-8 with accents and curly quotes as UTF-8', () => {
    expect(decodeText(utf8('Franco Ordoñez said “no”.'))).toEqual({ ok: true, text: 'Franco Ordoñez said “no”.', encoding: 'utf-8' });
  });

  it('removes a UTF-8 byte order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('Café')))).toEqual({ ok: true, text: 'Café', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes after a UTF-8 byte order mark are not UTF-8', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x93, ...latin('Hi'), 0x94))).toEqual({ ok: true, text: '“Hi”', encoding: 'windows-1252' });
  });

  it('keeps a UTF-8 file with one stray byte as UTF-8, reading only that byte as Windows-1252', () => {
    // "Peskov’s" in UTF-8, then a lone 0x96 (an en dash in Windows-1252): no "Peskovâ€™s" mojibake.
    expect(decodeText(bytes(...utf8('Peskov’s aide said '), 0x96, ...utf8(' Zoë agreed.')))).toEqual({
      ok: true,
      text: 'Peskov’s aide said – Zoë agreed.',
      encoding: 'utf-8',
    });
  });

  it('reads a Windows-1252 file with no valid UTF-8 sequence as Windows-1252', () => {
    expect(decodeText(bytes(...latin('Caf'), 0xe9, ...latin(' and '), 0x93, ...latin('hi'), 0x94))).toEqual({
      ok: true,
      text: 'Café and “hi”',
      encoding: 'windows-1252',
    });
  });

  it('decodes UTF-16LE after its byte order mark', () => {
    expect(decodeText(utf16('Hollande’s “war”\r\nnext', false))).toEqual({ ok: true, text: 'Hollande’s “war”\nnext', encoding: 'utf-16le' });
  });

  it('decodes UTF-16BE after its byte order mark', () => {
    expect(decodeText(utf16('Zoë €5', true))).toEqual({ ok: true, text: 'Zoë €5', encoding: 'utf-16be' });
  });

  it('maps the Windows-1252 range 0x80–0x9F to euro, ellipsis, curly quotes and dashes', () => {
    const input = bytes(0x80, 0x35, 0x20, 0x85, 0x20, 0x91, 0x61, 0x92, 0x20, 0x93, 0x62, 0x94, 0x20, 0x96, 0x20, 0x97);
    expect(decodeText(input)).toEqual({ ok: true, text: '€5 … ‘a’ “b” – —', encoding: 'windows-1252' });
  });

  it('maps Latin-1 accents such as 0xE9 when the bytes are not UTF-8', () => {
    expect(decodeText(bytes(...latin('Fran'), 0xe7, ...latin('ois Holl'), 0xe9))).toEqual({
      ok: true,
      text: 'François Hollé',
      encoding: 'windows-1252',
    });
  });

  it('treats the whole file as Windows-1252 when one byte is not valid UTF-8', () => {
    // A UTF-8 "é" (C3 A9) next to a Windows-1252 quote (0x93): the file is read as Windows-1252.
    expect(decodeText(bytes(0x63, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0x93))).toEqual({ ok: true, text: 'cafÃ© “', encoding: 'windows-1252' });
  });

  it('reads byte 0x85 in a Windows-1252 file as an ellipsis, not a line end', () => {
    const result = decodeText(bytes(...latin('Malaysia '), 0x85, ...latin(' He said'), 0x0d, 0x0a, 0xe9));
    expect(result).toEqual({ ok: true, text: 'Malaysia … He said\né', encoding: 'windows-1252' });
  });

  it('turns CRLF, CR, NEL (U+0085 in UTF-8), LS and PS line ends into \\n', () => {
    expect(decodeText(utf8('a\r\nb\rc\u0085d\u2028e\u2029f'))).toEqual({ ok: true, text: 'a\nb\nc\nd\ne\nf', encoding: 'utf-8' });
  });

  it('keeps CRLF pairs as one line end and blank lines as blank lines', () => {
    expect(decodeText(utf8('Title\r\n\r\nBody.\r\n'))).toEqual({ ok: true, text: 'Title\n\nBody.\n', encoding: 'utf-8' });
  });

  it('reports an empty file', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty file' });
  });

  it('reports a file of only whitespace and line ends', () => {
    expect(decodeText(utf8(' \r\n\t\r\n  '))).toEqual({ ok: false, reason: 'empty file (only whitespace)' });
  });

  it('reports a UTF-8 BOM followed by nothing as empty', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf))).toEqual({ ok: false, reason: 'empty file (only whitespace)' });
  });

  it('reports NUL bytes as binary content', () => {
    expect(decodeText(bytes(0x61, 0x00, 0x62))).toEqual({ ok: false, reason: 'binary content (not a text file)' });
  });

  it('reports a PNG header as binary content', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
    expect(decodeText(png)).toEqual({ ok: false, reason: 'binary content (not a text file)' });
  });

  it('reports text dense with control characters (no NUL) as binary', () => {
    const noise = bytes(...latin('ab'), 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, ...latin('cd'));
    expect(decodeText(noise)).toEqual({ ok: false, reason: 'binary content (control characters)' });
  });

  it('never throws and never returns a carriage return, NEL, LS or PS for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (input) => {
        const result = decodeText(input);
        if (result.ok) {
          expect(result.text).not.toMatch(/[\r\u0085\u2028\u2029]/);
          expect(result.text.trim()).not.toBe('');
        } else expect(result.reason).toMatch(/^(empty file|binary content)/);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back any printable UTF-8 text unchanged apart from line ends', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (text) => {
        fc.pre(text.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\ufeff\ufffd]/.test(text));
        const result = decodeText(utf8(text));
        expect(result).toEqual({ ok: true, text: normalizeLineEnds(text), encoding: 'utf-8' });
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeWindows1252', () => {
  it('maps every defined byte of 0x80–0x9F and keeps the five undefined ones as Latin-1', () => {
    const all = decodeWindows1252(new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i)));
    expect(all).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });

  it('decodes inputs longer than its 8 KiB chunk without losing or reordering bytes', () => {
    const input = new Uint8Array(20_000).map((_, i) => (i % 2 === 0 ? 0x93 : 0x41));
    const text = decodeWindows1252(input);
    expect(text.length).toBe(20_000);
    expect(text.slice(8190, 8194)).toBe('“A“A');
  });
});

describe('normalizeLineEnds', () => {
  it('replaces each line-end convention with a single \\n', () => {
    expect(normalizeLineEnds('a\r\nb\rc\u0085d\u2028e\u2029f\ng')).toBe('a\nb\nc\nd\ne\nf\ng');
  });
});

describe('parseArticleBytes', () => {
  it('never throws on any bytes, and anything it returns is clean text with exact passages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('a.txt', 'b.md', 'c.jsonl'), (input, id) => {
        const result = parseArticleBytes(id, input);
        for (const article of result.articles) {
          expect(article.text).not.toMatch(/[\r\u0085\u2028\u2029]/);
          expect(article.text.trim()).not.toBe('');
          expect(article.title.trim()).not.toBe('');
        }
        for (const s of result.skipped) expect(s.reason).not.toBe('');
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on text-like input made of news page pieces', () => {
    const piece = fc.constantFrom(
      'Related',
      'Comments / 4',
      'YOU MAY ALSO LIKE',
      'Read more',
      '---',
      'title: "x"',
      '{"text":"a"}',
      ' date 2021-12-31',
      'By Jane Doe',
      'https://img.example.com/a.jpg',
      'Biden spoke with Putin on Thursday, officials said.',
      '',
      '\r\n',
      '“',
      '…',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('a.txt', 'b.jsonl'), (pieces, id) => {
        const result = parseArticleBytes(id, utf8(pieces.join('\n')));
        expect(result.articles.length + result.skipped.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
