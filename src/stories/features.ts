import type { Article } from '../types.ts';
import { analyzeTerm, forEachToken } from '../index/analyzer.ts';

/**
 * What an article is about, as a weighted term vector for clustering: the headline counts most, then
 * the lead, then the rest of the body; capitalised words (names of people, places, organisations)
 * count more than common words, since a story is told by its names. Weights are tf·idf over the
 * articles being clustered, the strongest terms kept, and the vector scaled to unit length.
 */

/**
 * The terms of a grouping, numbered as they are first met: counts and vectors hold term numbers in
 * typed arrays, which cost a fraction of maps of strings to build, to keep and to compare.
 */
export class Vocabulary {
  private readonly numbers = new Map<string, number>();
  private readonly tokens = new Map<string, number>();
  /** The terms, by number. */
  readonly terms: string[] = [];

  /** The number of a term, numbering it when it is new. */
  add(term: string): number {
    let n = this.numbers.get(term);
    if (n === undefined) {
      n = this.terms.length;
      this.numbers.set(term, n);
      this.terms.push(term);
    }
    return n;
  }

  /**
   * The number of a token's term, or -1 for a token no story term can be (a stop word, a word under
   * three letters, a number other than a year). Kept by token: an archive repeats its words.
   */
  ofToken(token: string): number {
    let n = this.tokens.get(token);
    if (n === undefined) {
      const term = analyzeTerm(token);
      n = term === null || term.length < 3 || (isDigit(term) && !YEAR.test(term)) ? -1 : this.add(term);
      this.tokens.set(token, n);
    }
    return n;
  }

  /** How many terms are numbered. */
  get size(): number {
    return this.terms.length;
  }
}

/** An article's term weights (unit length): term numbers and weights, strongest first (ties by term). */
export interface ArticleFeatures {
  id: string;
  terms: Int32Array;
  weights: Float64Array;
}

/** Weight of a headline word, a lead word and a body word. */
const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** Extra factor for a capitalised word (a name). */
const NAME_FACTOR = 2;
/** Paragraphs that make the lead. */
const LEAD_PARAGRAPHS = 3;
/** Body characters read per article: the headline and the opening tell what a piece is about. */
const BODY_CHARS = 1000;
/** Terms kept per article. */
const KEPT_TERMS = 60;

/** A year ("2015"): stories are tied to their time, other numbers are not. */
const YEAR = /^(19|20)\d\d$/;

/** Raw term counts of one article, before idf, and where their words are. */
export interface TermCounts {
  id: string;
  /** Term numbers, in the order first met, and their weighted counts. */
  terms: Int32Array;
  counts: Float64Array;
  /**
   * The tokens read that a story term can be, as (start, end, term number) triples over the headline,
   * a newline and the opening (see spellingText): how the coverage spells a term. Offsets, not strings,
   * so that nothing per token outlives the counting.
   */
  spellings: Int32Array;
}

/** The text `TermCounts.spellings` point into: the headline, a newline, the opening read. */
export function spellingText(article: Article): string {
  return `${article.title}\n${article.text.slice(0, BODY_CHARS)}`;
}

/** Counts an article's weighted terms: headline, lead and body, names counting double. */
export function countTerms(article: Article, vocabulary: Vocabulary): TermCounts {
  const tally = new TermSums(vocabulary);
  const text = spellingText(article);
  // (start, end, term) triples, laid out in a scratch array that holds every token the text can have
  // (one per two characters); the article keeps an exact copy.
  const laid = spellingScratch(3 * ((text.length >> 1) + 1));
  let laidOut = 0;
  // Where each paragraph starts: the headline's newline, then each paragraph break of the opening.
  const bodyStart = article.title.length + 1;
  const starts = [bodyStart, ...Array.from(text.slice(bodyStart).matchAll(PARAGRAPH_BREAKS), (m) => bodyStart + m.index! + m[0].length)];
  let part = -1;
  let first = true;
  forEachToken(text, (token, at) => {
    // Part -1 is the headline, then the paragraphs from 0.
    while (part + 1 < starts.length && at >= starts[part + 1]!) {
      part++;
      first = true;
    }
    // A capitalised word is taken for a name, except a paragraph's first: a sentence's first word
    // is most often a function word, which analysis drops anyway, and telling sentence starts from
    // abbreviations ("Mr. Putin") costs more than it gains.
    const name = !first && isCapitalised(token);
    first = false;
    const n = vocabulary.ofToken(token);
    if (n < 0) return;
    laid[laidOut++] = at;
    laid[laidOut++] = at + token.length;
    laid[laidOut++] = n;
    // A headline made from the text is not counted twice.
    if (part < 0 && article.titleDerived) return;
    const weight = part < 0 ? TITLE_WEIGHT : part < LEAD_PARAGRAPHS ? LEAD_WEIGHT : BODY_WEIGHT;
    tally.add(n, weight * (name ? NAME_FACTOR : 1));
  });
  const terms = Int32Array.from(tally.terms);
  const counts = Float64Array.from(tally.terms, (t) => tally.get(t));
  tally.clear();
  return { id: article.id, terms, counts, spellings: laid.slice(0, laidOut) };
}

/** Where one paragraph ends and the next begins. */
const PARAGRAPH_BREAKS = /\n\s*\n/g;

/** True when a term starts with a digit. */
function isDigit(term: string): boolean {
  const c = term.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** True when a word starts with a capital: ASCII read directly, other letters by their Unicode class. */
function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

let spellingLayout = new Int32Array(4096);

/** The scratch array for spellings, grown to hold `size` numbers. */
function spellingScratch(size: number): Int32Array {
  if (spellingLayout.length < size) spellingLayout = new Int32Array(Math.max(size, spellingLayout.length * 2));
  return spellingLayout;
}

/** One number per term, all 0 between uses: where TermSums sums by term number. */
let scratch = new Float64Array(1024);

/**
 * Sums by term number, in one array shared by every use (0 between uses), so that summing an
 * article's or a story's terms allocates nothing per term: `add`, read with `get`, then `clear`. One
 * at a time.
 */
export class TermSums {
  /** The terms added, in the order first added. */
  readonly terms: number[] = [];

  constructor(private readonly vocabulary: Vocabulary) {
    this.grow();
  }

  /** Adds to a term's sum (a positive amount). */
  add(term: number, amount: number): void {
    if (term >= scratch.length) this.grow();
    if (scratch[term] === 0) this.terms.push(term);
    scratch[term] = scratch[term]! + amount;
  }

  /** A term's sum (0 for one not added). */
  get(term: number): number {
    return scratch[term] ?? 0;
  }

  /** Replaces the sum of a term already added. */
  set(term: number, value: number): void {
    scratch[term] = value;
  }

  /** The sums laid out by term number, for a comparator (see strongestFirst). */
  get byTerm(): Float64Array {
    return scratch;
  }

  /** Sets every sum back to 0, for the next use. */
  clear(): void {
    for (const t of this.terms) scratch[t] = 0;
    this.terms.length = 0;
  }

  /** Makes room for every term numbered so far (the vocabulary grows while articles are counted). */
  private grow(): void {
    if (scratch.length >= this.vocabulary.size) return;
    const grown = new Float64Array(Math.max(this.vocabulary.size, scratch.length * 2));
    grown.set(scratch);
    scratch = grown;
  }
}

/**
 * Turns raw counts into unit tf·idf vectors over these articles. Terms found in one article only, or
 * in every one of them, say nothing about which articles belong together and are dropped.
 */
export function weighFeatures(all: readonly TermCounts[], vocabulary: Vocabulary, df: Int32Array = documentFrequencies(all, vocabulary)): ArticleFeatures[] {
  return all.map((counts) => weighArticle(counts, df, all.length, vocabulary));
}

/**
 * One article's unit tf·idf vector against document frequencies over `n` articles (an article that
 * arrives later is weighed against the frequencies of the grouping it joins; a term they lack counts
 * as unseen).
 */
export function weighArticle({ id, terms, counts }: TermCounts, df: Int32Array, n: number, vocabulary: Vocabulary): ArticleFeatures {
  const weight = new TermSums(vocabulary);
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    const d = df[term] ?? 0;
    if (d < 2 || d >= n) continue;
    weight.add(term, (1 + Math.log(counts[k]!)) * Math.log(n / d));
  }
  // Strongest first; the terms list itself is sorted, so clear() still finds every term.
  const kept = weight.terms.sort(strongestFirst(weight.byTerm, vocabulary.terms));
  const size = Math.min(kept.length, KEPT_TERMS);
  let sum = 0;
  for (let k = 0; k < size; k++) sum += weight.get(kept[k]!) * weight.get(kept[k]!);
  const norm = Math.sqrt(sum) || 1;
  const out = { id, terms: new Int32Array(size), weights: new Float64Array(size) };
  for (let k = 0; k < size; k++) {
    out.terms[k] = kept[k]!;
    out.weights[k] = weight.get(kept[k]!) / norm;
  }
  weight.clear();
  return out;
}

/**
 * Orders term numbers by their weight in `weight`, heaviest first, then by term. (It answers -1, 0 or
 * 1, never the difference of two weights: a fractional result is a new number on the heap per call.)
 */
export function strongestFirst(weight: Float64Array, names: readonly string[]): (a: number, b: number) => number {
  return (a, b) => {
    const d = weight[b]! - weight[a]!;
    if (d !== 0) return d > 0 ? 1 : -1;
    return names[a]! < names[b]! ? -1 : 1;
  };
}

/** In how many of the articles each term occurs, by term number. */
export function documentFrequencies(all: readonly TermCounts[], vocabulary: Vocabulary): Int32Array {
  const df = new Int32Array(vocabulary.size);
  for (const { terms } of all) for (let k = 0; k < terms.length; k++) df[terms[k]!] = df[terms[k]!]! + 1;
  return df;
}

/** Cosine of two article vectors (their dot product: both have unit length). */
export function dot(a: ArticleFeatures, b: ArticleFeatures, vocabulary: Vocabulary): number {
  // The smaller is read against the larger, laid out by term number.
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  const laid = new TermSums(vocabulary);
  for (let k = 0; k < large.terms.length; k++) laid.add(large.terms[k]!, large.weights[k]!);
  let sum = 0;
  for (let k = 0; k < small.terms.length; k++) {
    const v = laid.get(small.terms[k]!);
    if (v !== 0) sum += small.weights[k]! * v;
  }
  laid.clear();
  return sum;
}
