import { analyzeTerm } from '../../index/analyzer.ts';
import type { ScoredSentence } from '../retrieve.ts';
import { nameSpans, type Span } from '../tokens.ts';
import { isKindOf, relatedWords } from '../wordnet.ts';
import type { Candidate } from './candidate.ts';

/**
 * Titles of works: "A Message from the People", "Georgia on My Mind", "America the Beautiful". A
 * title is written in capitals with small words inside, which the name reader splits ("Georgia", "My
 * Mind"); for a question about a song, an album, a film or a book the pieces are one title, with the
 * article that opens it. Read only for kinds WordNet files under works, so that names of people and
 * bodies keep their own reading.
 */

/** Small words a title holds between its capitalised words. */
const TITLE_JOINERS = new Set([
  'the',
  'of',
  'on',
  'in',
  'a',
  'an',
  'and',
  'to',
  'from',
  'for',
  'with',
  'at',
  'by',
  'is',
  'are',
  'my',
  'your',
  'me',
  'you',
  'it',
]);
/** WordNet kinds whose instances have titles (not every writing: a law or a treaty is named, not titled). */
const WORK_KINDS = ['creation', 'music', 'show', 'publication'];
/** Hypernym steps climbed to tell a work ("album" → … → creation). */
const WORK_DEPTH = 7;
/** What a title counts that the sentence does not call by the kind asked (a title's shape only). */
const SHAPE_ONLY = 0.7;

/**
 * True for a kind of thing that has a title: "song", "album", "film", "novel", "play".
 * @example namesWork('album') // true
 */
function namesWork(kind: string): boolean {
  const head = kind.trim().split(/\s+/).at(-1)!.toLowerCase();
  return /^[a-z-]+$/.test(head) && WORK_KINDS.some((k) => isKindOf(head, k, WORK_DEPTH));
}

/** The sentence's name spans, joined over the small words a title holds and opened by its article. */
function titleSpans(text: string): Span[] {
  const spans = nameSpans(text);
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    let { start, end } = spans[i]!;
    while (i + 1 < spans.length) {
      const between = text.slice(end, spans[i + 1]!.start);
      const words = between.trim().split(/\s+/);
      if (!/^ [a-z ]+ $/.test(between) || words.length > 2 || !words.every((w) => TITLE_JOINERS.has(w))) break;
      end = spans[++i]!.end;
    }
    // "his album A Message from the People": the article opens the title.
    const article = /(?:^|\s)(A|An|The)\s+$/.exec(text.slice(Math.max(0, start - 5), start));
    if (article && start - article[0].trimStart().length > 0) start -= article[0].trimStart().length;
    out.push({ text: text.slice(start, end), start, end });
  }
  return out;
}

/**
 * Titles of the kind asked in a sentence: after the kind ("his album A Message from the People", "a
 * rendition of Georgia on My Mind"), before it ("the Make Love Not Spam campaign"), or, weaker, any
 * title of two words or more shaped as one (small words inside, or an article to open it).
 * @param kind - the kind asked ("song", "album"); only kinds of work are read
 * @param asked - the question's analysed terms: a title made of them restates it
 * @example extractTitles(sentence('…with his album A Message from the People.'), 'album')[0].value // 'A Message from the People'
 */
export function extractTitles(s: ScoredSentence, kind: string, asked: { has(term: string): boolean } = new Set<string>()): Candidate[] {
  if (!namesWork(kind)) return [];
  const head = kind.trim().split(/\s+/).at(-1)!.toLowerCase();
  const heads = new Set([head, head.replace(/s$/, ''), ...relatedWords(head).synonyms]);
  const out: Candidate[] = [];
  for (const span of titleSpans(s.text)) {
    const words = span.text.split(/\s+/);
    if (words.every((w) => asked.has(analyzeTerm(w) ?? w.toLowerCase()))) continue;
    const before = s.text
      .slice(Math.max(0, span.start - 40), span.start)
      .toLowerCase()
      .split(/[^a-z-]+/)
      .filter(Boolean)
      .slice(-3);
    const after = /^\s+([a-z-]+)/.exec(s.text.slice(span.end))?.[1];
    const called = before.some((w) => heads.has(w)) || (after !== undefined && heads.has(after));
    const shaped = words.length >= 2 && (/^(?:A|An|The)$/.test(words[0]!) || words.some((w) => TITLE_JOINERS.has(w)));
    if (!called && !shaped) continue;
    out.push({
      key: `title:${span.text.toLowerCase()}`,
      value: span.text,
      mention: span.text,
      at: span.start,
      sentence: s,
      confidence: called ? 1 : SHAPE_ONLY,
    });
  }
  return out;
}
