/**
 * Sentence splitting for news English, with character offsets so that a sentence can be cited
 * verbatim. Rule-based: a sentence ends at . ! ? or … (plus closing quotes or brackets) followed by
 * space and a capital, digit or opening quote, unless the word before the stop is an abbreviation
 * ("Mr.", "Jan.", "U.S.") or an initial ("U. S.").
 */

/** A sentence and where it sits in the text it came from. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits text into sentences.
 * @param text - the text to split (paragraph breaks always end a sentence; single line breaks do not)
 * @param offset - added to every start/end, for text that is a slice of a longer string
 * @example splitSentences('Mr. Biden spoke. Putin replied.').map((s) => s.text) // ['Mr. Biden spoke.', 'Putin replied.']
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ text: text.slice(s, e), start: s + offset, end: e + offset });
    start = end;
  };
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text)) !== null) {
    const stop = m[1];
    if (stop === undefined) {
      push(m.index); // a paragraph break without a stop before it
      continue;
    }
    const end = m.index + stop.length;
    if (m[2]!.includes('\n')) {
      push(end);
      continue;
    }
    if (stop.startsWith('.') && endsWithAbbreviation(text, m.index)) continue;
    push(end);
  }
  push(text.length);
  return spans;
}

/**
 * Stop punctuation with closing quotes/brackets, then whitespace, then what may start a sentence; or
 * a paragraph break (a single line break inside hard-wrapped text is only a space).
 */
const BOUNDARY = /([.!?…]+["”’'»)\]]*)(\s+)(?=["“‘'«([]?[\p{Lu}\d])|\n[^\S\n]*\n\s*/gu;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (word === '') return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "U. S.", "John F. Kennedy"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "a.m", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'vs',
  'etc',
  'no',
  'nos',
  'vol',
  'fig',
  'approx',
  'dept',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'rev',
  'hon',
  'pres',
  'supt',
  'messrs',
  'mme',
  'mlle',
  'gens',
]);
