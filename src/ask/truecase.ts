import type { CorpusIndex } from '../index/corpus-index.ts';
import { CHAT_SHORTHAND } from './lexicon.ts';
import { analyzeTerm } from '../index/analyzer.ts';
import { spellingCorrections, transposedWord } from './retrieve.ts';
import { abbreviationExpansions } from './abbreviations.ts';
import { FILLER_PHRASES, isQuestionWord } from './question.ts';
import { isCommonWord, isDictionaryWord } from './wordnet.ts';

/**
 * The question's words as the coverage writes them: misspelt words replaced by the coverage's nearest
 * spelling ("who requsted the call" → "who requested the call", "the us offical" → "the us official"),
 * "didnt" read as "didn't",
 * then lower-case names given their case (below). Every later stage (the family, the speaker, the
 * slots) then reads the words the articles use.
 * @example correctQuestion(index, 'who is jen psaky?') // 'who is Jen Psaki?'
 */
export function correctQuestion(index: CorpusIndex, typed: string): string {
  // "didnt", "wont": the apostrophe goes back first, so that the word is never respelt ("want").
  // "wat percentage of…", "hw many…": an opening slip of a question word is that word.
  const question = typed
    .replace(/^\s*\p{L}+/u, (first) => questionWordTypedAs(first) ?? first)
    .replace(CONTRACTION, "$1n't")
    .replace(WH_CONTRACTION, "$1's")
    // "deal w/ people": "w/" is "with".
    .replace(/(^|\s)w\/(?=\s|$)/g, '$1with');
  // Chat fillers ("in the first place") are left as typed: they are dropped later, never respelt.
  const fillers = new Set<number>();
  for (const m of question.matchAll(FILLER_PHRASES)) for (let i = m.index; i < m.index + m[0].length; i++) fillers.add(i);
  const respelt = question.replace(WORD, (word, at: number, all: string) => {
    // "how many" is never "how man": the question's own grammar is as typed.
    if (fillers.has(at) || isQuestionWord(word)) return word;
    // "ppl", "govt", "last yr": chat shorthand is its word, unless the coverage writes it so too.
    // (Typed in lower case and whole: "U2" is no shorthand. A map, so that "constructor" is no key.)
    const shorthand = word === word.toLowerCase() && !/^[\p{N}]/u.test(all.charAt(at + word.length)) ? CHAT_SHORTHAND.get(word) : undefined;
    if (shorthand !== undefined && index.documentFrequency(analyzeTerm(word) ?? word) === 0) return shorthand;
    const term = analyzeTerm(word);
    if (term === null || index.documentFrequency(term) > 0) return word;
    // A word in common use that the coverage never uses ("bust", "react", "packing") is the asker's
    // wording, not a slip: respelt, it would become another word ("business", "reached", "picked").
    // A rarer dictionary word is at most one slip from the word meant: two edits away lie other words.
    if (isCommonWord(word)) return word;
    // "cre" for the Commission for Racial Equality: an abbreviation of the coverage's names is read as such later.
    if (abbreviationExpansions(index, word).length) return word;
    // "walmart", "tmobile": the coverage's hyphenated name, typed without its hyphen ("walmart's" too).
    const possessive = /['’]s$/.exec(word)?.[0] ?? '';
    const joined = joinedWord(index, possessive ? word.slice(0, -possessive.length) : word);
    if (joined) return joined + possessive;
    const bare = possessive ? word.slice(0, -possessive.length) : word;
    // "calcs", "stats": a word cut short, with its plural, is that word before it is a slip of another ("calls").
    const cutPlural = pluralClipping(index, bare);
    const best = spellingCorrections(index, term, isDictionaryWord(word) ? 1 : undefined)[0];
    const clipped = clippedWord(index, bare);
    // ("dealy" is "delay" with two letters swapped, the commonest slip, before it is "deal" with one too many.)
    const surface =
      (cutPlural === null ? undefined : cutPlural + possessive) ??
      transposedWord(index, word) ??
      (best === undefined ? undefined : surfaces(index).get(best)) ??
      (clipped === null ? undefined : clipped + possessive);
    if (surface === undefined) return word;
    return /^\p{Lu}/u.test(word) ? surface.charAt(0).toUpperCase() + surface.slice(1) : surface;
  });
  // "in the us": the pronoun never follows an article, so "us" there is the country the coverage writes "US".
  const country = index.documentFrequency('us') > 0 ? respelt.replace(/\bthe\s+us\b/gi, (m) => `${m.slice(0, -2)}US`) : respelt;
  return truecaseQuestion(index, country);
}

/** The words that open a question. */
const WH_WORDS = ['what', 'when', 'where', 'which', 'who', 'whose', 'why', 'how'];

/**
 * The question word a word that is none, nor a word in common use, is one slip from: a letter left
 * out, added, mistyped or swapped with its neighbour ("wat", "hw", "whta", "wehn"); null otherwise.
 * @example questionWordTypedAs('wat') // 'what'
 */
export function questionWordTypedAs(word: string): string | null {
  const lower = word.toLowerCase();
  if (isQuestionWord(lower) || isCommonWord(lower)) return null;
  // A letter left out or added is the likelier slip: "wher" is "where" before it is "when".
  const slips = WH_WORDS.filter((w) => oneSlipApart(lower, w));
  const meant = slips.find((w) => w.length !== lower.length) ?? slips[0];
  return meant === undefined ? null : /^\p{Lu}/u.test(word) ? meant.charAt(0).toUpperCase() + meant.slice(1) : meant;
}

/** True when two different words are one letter left out, added, changed or swapped with its neighbour apart. */
function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/** A question word and "is" typed without the apostrophe ("wheres", "whos", "hows"). */
const WH_CONTRACTION = /\b(what|where|who|when|how|why)s\b/gi;
/** A negated auxiliary typed without its apostrophe ("didnt", "doesnt", "wasnt"). */
const CONTRACTION = /\b(did|does|do|is|was|are|were|has|have|had|could|would|should|ca|wo)nt\b/gi;

/**
 * Truecasing: chat users type names in lower case ("who is jen psaki?", "what did nato say"), while
 * the parser and extractors read capitals as names. Each lower-case question word takes the case the
 * coverage writes it in, learned from the corpus itself (mid-sentence uses only, where a capital means
 * a name, not a sentence start). No list of names: "psaki" becomes "Psaki" because the coverage always
 * writes it so, and "us" stays "us" where the coverage writes the pronoun more often than "US".
 */

/** Mid-sentence uses of a word, and its most common capitalised spelling. */
interface CaseStats {
  lower: number;
  capital: number;
  form: string;
}

/** Share of mid-sentence uses that must be capitalised for a word to be read as a name. */
const NAME_SHARE = 0.75;

const cache = new WeakMap<CorpusIndex, { version: number; stats: Map<string, CaseStats> }>();

/**
 * The question with each lower-case word the coverage writes as a name given that case.
 * @example truecaseQuestion(index, 'who is jen psaki?') // 'who is Jen Psaki?'
 */
export function truecaseQuestion(index: CorpusIndex, question: string): string {
  if (!/\p{Ll}/u.test(question)) return question;
  const stats = caseStats(index);
  return question.replace(WORD, (word) => {
    if (word !== word.toLowerCase()) return word;
    const s = stats.get(word);
    if (!s || s.capital === 0 || s.capital < NAME_SHARE * (s.capital + s.lower)) return word;
    return s.form;
  });
}

const surfaceCache = new WeakMap<CorpusIndex, { version: number; byTerm: Map<string, string> }>();

/** The most used (lower-case) spelling of each index term, for writing a corrected word back. */
function surfaces(index: CorpusIndex): Map<string, string> {
  const cached = surfaceCache.get(index);
  if (cached && cached.version === index.version) return cached.byTerm;
  const byTerm = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const [word, s] of caseStats(index)) {
    const term = analyzeTerm(word);
    const n = s.lower + s.capital;
    if (term === null || (uses.get(term) ?? -1) >= n) continue;
    byTerm.set(term, word);
    uses.set(term, n);
  }
  surfaceCache.set(index, { version: index.version, byTerm });
  return byTerm;
}

function caseStats(index: CorpusIndex): Map<string, CaseStats> {
  const cached = cache.get(index);
  if (cached && cached.version === index.version) return cached.stats;
  const stats = new Map<string, CaseStats>();
  const forms = new Map<string, Map<string, number>>();
  for (const article of index.articles.values()) {
    for (const m of article.text.matchAll(WORD)) {
      const word = m[0];
      const at = m.index;
      // A capital after a sentence end, an opening quote or a line start says nothing.
      if (SENTENCE_START.test(article.text.slice(Math.max(0, at - 3), at)) || at === 0) continue;
      const lower = word.toLowerCase();
      const s = stats.get(lower) ?? { lower: 0, capital: 0, form: lower };
      if (word === lower) s.lower++;
      else if (/^\p{Lu}/u.test(word)) {
        s.capital++;
        const f = forms.get(lower) ?? new Map<string, number>();
        f.set(word, (f.get(word) ?? 0) + 1);
        forms.set(lower, f);
      }
      stats.set(lower, s);
    }
  }
  for (const [lower, f] of forms) {
    const best = [...f.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) stats.get(lower)!.form = best[0];
  }
  cache.set(index, { version: index.version, stats });
  return stats;
}

/** Letters a chat abbreviation has ("ppl", "govt", "intl"). */
const CLIPPED = /^[a-z]{3,5}$/;
/** Uses a word needs in the coverage to be what an abbreviation stands for. */
const MIN_CLIPPED_USES = 2;

/**
 * The coverage's word that a chat abbreviation drops letters from ("govt" → government, "ppl" →
 * people, "intl" → international, "uni" → university): the most used word that begins with it (a word
 * cut short is the commonest abbreviation), else the most used that starts with its first letter and
 * holds its letters in order; at least two letters longer either way. Null for a dictionary word or
 * when none is used enough.
 * @example clippedWord(index, 'govt') // 'government'
 */
function clippedWord(index: CorpusIndex, word: string): string | null {
  const lower = word.toLowerCase();
  if (!CLIPPED.test(lower) || isDictionaryWord(lower)) return null;
  // The most used words first: the first that begins with the letters, else the first that holds them.
  let holding: string | null = null;
  for (const [candidate, uses] of wordsByInitial(index).get(lower[0]!) ?? []) {
    if (candidate.length < lower.length + 2) continue;
    // A word the abbreviation begins is read even when used once; letters held in order need two uses.
    if (candidate.startsWith(lower)) return candidate;
    if (holding === null && uses >= MIN_CLIPPED_USES && holdsInOrder(candidate, lower)) holding = candidate;
  }
  return holding;
}

/**
 * The coverage's plural that a chat plural cuts short ("calcs" → calculations, "mins" →
 * minutes): a word the dictionary lacks, three to five letters before its "s", that begins
 * the coverage's most used plural at least three letters longer. Null otherwise.
 * @example pluralClipping(index, 'calcs') // 'calculations'
 */
function pluralClipping(index: CorpusIndex, word: string): string | null {
  const lower = word.toLowerCase();
  if (!/^[a-z]{3,5}s$/.test(lower) || isDictionaryWord(lower)) return null;
  const stem = lower.slice(0, -1);
  for (const [candidate] of wordsByInitial(index).get(lower[0]!) ?? [])
    if (candidate.length >= lower.length + 3 && candidate.endsWith('s') && candidate.startsWith(stem)) return candidate;
  return null;
}

const joinedCache = new WeakMap<CorpusIndex, { version: number; byLetters: Map<string, string> }>();

/**
 * The coverage's hyphenated word that a question writes as one ("walmart" → Wal-Mart, "coca cola" is
 * two words already), in the coverage's most used spelling; null when it has none.
 * @example joinedWord(index, 'walmart') // 'Wal-Mart'
 */
function joinedWord(index: CorpusIndex, word: string): string | null {
  let cached = joinedCache.get(index);
  if (!cached || cached.version !== index.version) {
    const byLetters = new Map<string, string>();
    for (const [lower, s] of caseStats(index)) if (lower.includes('-')) byLetters.set(lower.replace(/-/g, ''), s.capital > s.lower ? s.form : lower);
    cached = { version: index.version, byLetters };
    joinedCache.set(index, cached);
  }
  return cached.byLetters.get(word.toLowerCase()) ?? null;
}

const initialCache = new WeakMap<CorpusIndex, { version: number; byInitial: Map<string, [string, number][]> }>();

/** The coverage's words of letters only, by first letter, most used first (then alphabetically). */
function wordsByInitial(index: CorpusIndex): Map<string, [string, number][]> {
  const cached = initialCache.get(index);
  if (cached && cached.version === index.version) return cached.byInitial;
  const byInitial = new Map<string, [string, number][]>();
  for (const [w, s] of caseStats(index)) {
    if (!/^[a-z]+$/.test(w)) continue;
    const list = byInitial.get(w[0]!) ?? [];
    list.push([w, s.lower + s.capital]);
    byInitial.set(w[0]!, list);
  }
  for (const list of byInitial.values()) list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  initialCache.set(index, { version: index.version, byInitial });
  return byInitial;
}

/** Whether the letters of `part` occur in `whole` in order. */
function holdsInOrder(whole: string, part: string): boolean {
  let at = 0;
  for (const ch of whole) if (ch === part[at] && ++at === part.length) return true;
  return false;
}

const WORD = /(?<![\p{L}\p{N}'’-])\p{L}[\p{L}'’-]*/gu;
const SENTENCE_START = /(?:[.!?:;"“‘(\n]\s*|\n)$/u;
