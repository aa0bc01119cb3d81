import type { Article } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { sourceKeyFor } from '../ask/citations.ts';
import { analysePassage } from '../ask/retrieve.ts';

/**
 * The sentences a digest may quote: every well-formed sentence of the articles' opening passages, with
 * its content terms (analysed), the outlet it counts for, and how central it is to the coverage (how
 * widely the articles share its words, and how early in its article it comes).
 */

/** A quotable sentence of one article. */
export interface DigestSentence {
  article: Article;
  text: string;
  /** Offsets in `article.text`: `article.text.slice(start, end) === text`. */
  start: number;
  end: number;
  /** Distinct analysed content terms. */
  terms: Set<string>;
  /** Ordinal of its passage in the article (0 = the lead). */
  ordinal: number;
  /** Outlets count once; an article of unknown outlet counts as its own source. */
  sourceKey: string;
  /** 0–1: how much of the coverage's shared vocabulary it carries, with a bonus for the lead. */
  centrality: number;
}

/** Passages per article read for sentences (news puts its facts first). */
const MAX_PASSAGES = 14;
/** At most this many articles are read (the most recent by date, then id), to stay fast on big corpora. */
const MAX_ARTICLES = 300;
/** Sentences with fewer words are not self-contained facts; longer ones are not one point. */
const MIN_WORDS = 8;
const MAX_WORDS = 60;
/** A sentence needs this many content terms to be a fact. */
const MIN_TERMS = 5;

/**
 * Collects the quotable sentences of a corpus and scores their centrality.
 * @example collectSentences(index)[0].text // 'Russia has massed 100,000 troops along the Ukrainian border, …'
 */
export function collectSentences(index: CorpusIndex): DigestSentence[] {
  const articles = index
    .sortedArticles()
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_ARTICLES);
  const out: DigestSentence[] = [];
  const articleDf = new Map<string, number>();
  const sourceKey = sourceKeyFor(index);
  for (const article of articles) {
    const seen = new Set<string>();
    for (const passage of index.passagesOf(article.id).slice(0, MAX_PASSAGES)) {
      for (const s of analysePassage(passage).sentences) {
        for (const t of s.terms) seen.add(t);
        // A dateline ("WASHINGTON", "PARIS —") is not part of the fact: the quote starts after it.
        const cut = datelineLength(s.text);
        const text = s.text.slice(cut);
        if (!isQuotable(text) || s.terms.size < MIN_TERMS) continue;
        out.push({
          article,
          text,
          start: s.start + cut,
          end: s.end,
          terms: s.terms,
          ordinal: passage.ordinal,
          sourceKey: sourceKey(article),
          centrality: 0,
        });
      }
    }
    for (const t of seen) articleDf.set(t, (articleDf.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, articles.length);
  let top = 0;
  for (const s of out) {
    let shared = 0;
    for (const t of s.terms) {
      const df = articleDf.get(t) ?? 0;
      // Words every article uses carry the story; words only this article uses carry nothing shared.
      if (df >= 2 || n === 1) shared += df / n;
    }
    const lead = 1 - Math.min(0.5, s.ordinal * 0.05);
    s.centrality = (shared / Math.sqrt(s.terms.size)) * lead;
    top = Math.max(top, s.centrality);
  }
  for (const s of out) s.centrality = top > 0 ? s.centrality / top : 0;
  return out;
}

/**
 * Length of a dateline opening a sentence ("WASHINGTON ", "PARIS — ", "ST.-DENIS, France — ",
 * "SYDNEY: "), or 0: a run of capitals of five letters or more, or any capitals before a dash or colon.
 * @example datelineLength('PARIS — French police took seven people in') // 8
 */
export function datelineLength(text: string): number {
  const m =
    /^(\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*)*)(?:,\s+\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)?(?:\s*\((?:AP|AFP|Reuters|CNN)\))?(\s*[—–:-]\s+|\s+)(?=["“]?\p{Lu}\p{Ll})/u.exec(
      text,
    );
  if (!m) return 0;
  const caps = m[1]!.replace(/[^\p{Lu}]/gu, '');
  const separated = /[—–:-]/.test(m[2]!);
  return separated || caps.length >= 5 ? m[0].length : 0;
}

/**
 * True for a sentence that reads as a self-contained statement: starts like a sentence, ends with a
 * stop, is no question, no link, no caption credit, and has a sensible length.
 */
export function isQuotable(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  if (!/^["“‘'(]?[\p{Lu}\d]/u.test(text)) return false;
  if (!/[.!]["”’')\]]*$/u.test(text)) return false;
  if (/https?:\/\/|www\.|@\w|\|/.test(text)) return false;
  // Photo credits ("Brendan Hoffman/Getty Images") and all-capital lines are page furniture.
  if (/\b\p{Lu}\p{L}+\s*\/\s*(Getty|AP|Reuters|AFP|EPA)\b/u.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.5) return false;
  // A sentence that opens on a pronoun or a connective leans on the one before it.
  if (/^["“]?(He|She|They|It|This|That|These|Those|But|And|Also|However|Still|Yet|So|The other|Another)\b/.test(text)) return false;
  return true;
}
