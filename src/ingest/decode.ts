/**
 * Byte-level decoding of article files: encoding detection (UTF-8, UTF-16 with BOM, Windows-1252),
 * BOM removal, line-end normalisation and binary detection. Never throws on any byte sequence.
 */

/** The encodings newsdesk recognises. */
type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The result of {@link decodeText}: text with `\n` line ends, or the reason it is not text. */
export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string };

/**
 * Decodes the bytes of a text file. UTF-8 is used when the bytes are valid UTF-8, and when they are
 * mostly valid UTF-8 with a few stray bytes (each read as its Windows-1252 character, nothing else
 * changed); otherwise Windows-1252 (a superset of Latin-1 for printable text). A BOM selects UTF-8/UTF-16 and is removed.
 * CRLF, CR, NEL (U+0085), LS and PS line ends all become `\n`.
 * @param bytes - the file's content
 * @returns the text and the encoding used, or `ok: false` with a reason when the bytes look binary
 * @example decodeText(new Uint8Array([0x93, 0x68, 0x69, 0x94])) // { ok: true, text: '“hi”', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  let encoding: TextEncodingName;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    if (looksBinary(bytes)) return { ok: false, reason: 'binary content (not a text file)' };
    encoding = 'utf-8';
  }
  let raw = encoding === 'utf-8' ? decodeUtf8Strict(body) : new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  if (raw === null) {
    // Not valid UTF-8 throughout: decide by evidence. A UTF-8 file with a stray byte keeps its UTF-8
    // (only that byte is read as Windows-1252); a Windows-1252 file has no valid multi-byte sequences.
    const mixed = decodeUtf8Repairing(body);
    if (mixed.valid > mixed.invalid) raw = mixed.text;
    else {
      encoding = 'windows-1252';
      raw = decodeWindows1252(body);
    }
  }
  const text = normalizeLineEnds(raw);
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  if (controlCharRatio(text) > 0.05) return { ok: false, reason: 'binary content (control characters)' };
  return { ok: true, text, encoding };
}

/**
 * Replaces every line-end convention (CRLF, CR, NEL, LS, PS) with `\n`.
 * @example normalizeLineEnds('a\r\nb\rc\u0085d') // 'a\nb\nc\nd'
 */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n');
}

/**
 * Decodes Windows-1252 bytes. Written out because Node 20's TextDecoder('windows-1252') drops the
 * 0x80–0x9F range (curly quotes, dashes, €) instead of mapping it. Undefined bytes map to Latin-1.
 * @example decodeWindows1252(new Uint8Array([0x80, 0x93, 0x41, 0x94])) // '€“A”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Code points of bytes 0x80–0x9F in Windows-1252; undefined positions keep their Latin-1 value. */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const UTF8_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or null when the bytes are not valid UTF-8 (decoded once: no separate validation pass). */
function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return UTF8_DECODER.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes UTF-8, reading each byte that is not part of a valid sequence as its Windows-1252 character,
 * and counts the valid multi-byte sequences and the invalid bytes (the evidence for each encoding).
 */
function decodeUtf8Repairing(bytes: Uint8Array): { text: string; valid: number; invalid: number } {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let valid = 0;
  let invalid = 0;
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      valid++;
      i += length;
      continue;
    }
    invalid++;
    text += decoder.decode(bytes.subarray(runStart, i)) + decodeWindows1252(bytes.subarray(i, i + 1));
    i++;
    runStart = i;
  }
  text += decoder.decode(bytes.subarray(runStart));
  return { text, valid, invalid };
}

/** The length of the valid UTF-8 sequence starting at `i` (2–4), or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const [length, low, high] =
    b >= 0xc2 && b <= 0xdf
      ? [2, 0x80, 0xbf]
      : b === 0xe0
        ? [3, 0xa0, 0xbf]
        : b === 0xed
          ? [3, 0x80, 0x9f]
          : b >= 0xe1 && b <= 0xef
            ? [3, 0x80, 0xbf]
            : b === 0xf0
              ? [4, 0x90, 0xbf]
              : b >= 0xf1 && b <= 0xf3
                ? [4, 0x80, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const c = bytes[i + k]!;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return length;
}

/** NUL bytes in the first 8 KiB mean a binary file (text in UTF-16 without BOM is not supported). */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}

function controlCharRatio(text: string): number {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g);
  return controls ? controls.length / sample.length : 0;
}
