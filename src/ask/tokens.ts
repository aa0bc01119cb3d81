import { STOP_WORDS } from '../index/analyzer.ts';
import { MONTHS, NON_NAME_CAPITALS, WEEKDAYS } from './lexicon.ts';
import { isCommonWord, kindsOfName } from './wordnet.ts';

/**
 * Word tokens with offsets, and capitalised name spans ("Yuri Ushakov", "the White House",
 * "Organization for Security and Co-operation in Europe"), for the extractors.
 */

/** A word of a sentence and where it is. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** A span of the sentence: its text and offsets. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits a sentence into word tokens (letters, digits, inner apostrophes, dots and hyphens).
 * @example tokenizeWords("Putin's aide").map((t) => t.text) // ["Putin's", 'aide']
 */
export function tokenizeWords(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(WORD)) {
    const text = m[0].replace(/\.$/, (dot) => (/^(\p{L}\.)+$/u.test(m[0]) || /^(Mr|Mrs|Ms|Dr|St|Jr|Sr)\.$/.test(m[0]) ? dot : ''));
    out.push({
      text,
      lower: text.toLowerCase(),
      start: m.index!,
      end: m.index! + text.length,
    });
  }
  return out;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]|&(?=\p{Lu}))*/gu;

/** Lower-case joiners allowed inside a name ("Organization for Security and Co-operation in Europe"). */
const NAME_JOINERS = new Set(['of', 'de', 'du', 'la', 'le', 'von', 'van', 'der', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'for', 'and']);

/**
 * Capitalised name spans of a sentence. A sentence-initial capital counts only when the word is not a
 * common function word; possessive "'s" is left out of the span.
 * @example nameSpans('Kremlin aide Yuri Ushakov told reporters.').map((s) => s.text) // ['Kremlin', 'Yuri Ushakov']
 */
export function nameSpans(sentence: string): Span[] {
  const cached = spanCache.get(sentence);
  if (cached) return cached;
  const spans = findNameSpans(sentence, tokenizeWords(sentence));
  if (spanCache.size >= SPAN_CACHE_LIMIT) spanCache.delete(spanCache.keys().next().value!);
  spanCache.set(sentence, spans);
  return spans;
}

/** Name spans by sentence text: extractors ask for the same sentence's names many times. */
const spanCache = new Map<string, Span[]>();
const SPAN_CACHE_LIMIT = 5000;

function findNameSpans(sentence: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens, i) && !opensNumberedName(sentence, tokens, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      if (
        (isNameToken(tokens, j + 1) || continuesTitle(tokens, j + 1) || opensNumberedName(sentence, tokens, j + 1)) &&
        !tokens[j]!.text.match(/['’]s$/) &&
        adjacent(sentence, tokens[j]!, tokens[j + 1]!)
      )
        j++;
      else if (
        j + 2 < tokens.length &&
        NAME_JOINERS.has(tokens[j + 1]!.lower) &&
        (isNameToken(tokens, j + 2) || continuesTitle(tokens, j + 2)) &&
        adjacent(sentence, tokens[j]!, tokens[j + 1]!) &&
        adjacent(sentence, tokens[j + 1]!, tokens[j + 2]!)
      )
        j += 2;
      // "the Florida School for the Deaf", "the Department of the Environment": "the" after a joiner,
      // when a capitalised common noun names the body ("School", not "in Tokyo for the Sony PSP").
      else if (
        j + 3 < tokens.length &&
        (tokens[j + 1]!.lower === 'for' || tokens[j + 1]!.lower === 'of') &&
        tokens[j + 2]!.lower === 'the' &&
        isNameToken(tokens, j + 3) &&
        adjacent(sentence, tokens[j]!, tokens[j + 1]!) &&
        adjacent(sentence, tokens[j + 1]!, tokens[j + 2]!) &&
        adjacent(sentence, tokens[j + 2]!, tokens[j + 3]!) &&
        // WordNet last: it is the costly test.
        isCommonWord(tokens[j]!.text) &&
        kindsOfName(tokens[j]!.text).size === 0
      )
        j += 3;
      else break;
    }
    // "Section 5", "Windows 98", "Band Aid 20": a small number right after a name is part of it (not
    // after a month or a day: "March 12" is a date), when what follows is punctuation or a function
    // word ("Section 5 of the Act"), not what the number counts ("United 3 points clear").
    const numbered = tokens[j + 1];
    const after = tokens[j + 2];
    if (
      numbered &&
      /^\d{1,3}$/.test(numbered.text) &&
      adjacent(sentence, tokens[j]!, numbered) &&
      !/['’]s$/.test(tokens[j]!.text) &&
      !DATE_WORDS.test(tokens[j]!.text) &&
      !numberGoesOn(sentence, numbered.end) &&
      (!after || !adjacent(sentence, numbered, after) || STOP_WORDS.has(after.lower))
    )
      j++;
    const first = tokens[i]!;
    const last = tokens[j]!;
    const end = last.end - (/['’]s$/.test(last.text) ? 2 : 0);
    spans.push({
      text: sentence.slice(first.start, end),
      start: first.start,
      end,
    });
    i = j + 1;
  }
  return spans;
}

/** Months (in full or by their first three letters, "Sept" too) and days, after which a number is a date. */
const DATE_WORDS = new RegExp(`^(?:${MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')}|sept|${WEEKDAYS.join('|')})$`, 'i');
/** A number that goes on after a small one: "3.5", "2,000", "5%", "10:30". */
const NUMBER_GOES_ON = /[%.,:]?\d/y;

/** Whether a number continues at `at` (read in place: no substring is made). */
function numberGoesOn(sentence: string, at: number): boolean {
  NUMBER_GOES_ON.lastIndex = at;
  return NUMBER_GOES_ON.test(sentence);
}

/** Number words, which a name may begin with ("the Three Gorges Dam", "the Three Parallel Rivers site"). */
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten)$/;

/**
 * True for a capitalised number word inside the sentence, right before a name word: in running text a
 * number is written small, so "the Three Gorges Corporation" names. At the start of a sentence or a
 * quote the capital says nothing ("Three Britons died").
 */
function opensNumberedName(sentence: string, tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (i === 0 || !next || !NUMBER_WORD.test(t.lower) || !/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
  return !/[.:!?"“‘(]/.test(sentence.slice(tokens[i - 1]!.end, t.start)) && adjacent(sentence, t, next) && isNameToken(tokens, i + 1);
}

function isNameToken(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!/^\p{Lu}/u.test(t.text)) return false;
  // "I", "I've", "I'm": the speaker, not a name.
  if (/^i(?:['’](?:m|ve|d|ll))?$/.test(t.lower)) return false;
  if (NON_NAME_CAPITALS.has(t.lower.replace(/['’]s$/, ''))) {
    // "The" inside a name ("The Hague") is rare; treat function words as boundaries.
    return false;
  }
  return true;
}

/**
 * A capitalised small word inside a title ("The Wonder Of You", "Get Me Out Of Here"): a word that
 * is no name on its own, capitalised mid-sentence right after a name word, goes on with it. Titles of
 * address, days, months and numbers do not ("Blunkett Mr" does not occur; "Sunday" is a date).
 */
function continuesTitle(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (i === 0 || !/^\p{Lu}/u.test(t.text) || !NON_NAME_CAPITALS.has(t.lower)) return false;
  return !/^(?:i|mr|mrs|ms|dr|monday|tuesday|wednesday|thursday|friday|saturday|sunday|one|two|three|four|five|six|seven|eight|nine|ten|no|not|and|but|or|so|yet|if|while|after|before|since|until|because|although|though|however|meanwhile)$/.test(
    t.lower,
  );
}

/** Tokens separated only by spaces (not by a comma, quote or other punctuation). */
function adjacent(sentence: string, a: Token, b: Token): boolean {
  return /^[ \u00a0]+$/.test(sentence.slice(a.end, b.start));
}
