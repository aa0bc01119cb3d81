import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeTerm } from '../index/analyzer.ts';
import { nameSpans } from './tokens.ts';
import { isDictionaryWord } from './wordnet.ts';

/**
 * What a question's abbreviation stands for in this coverage: an acronym the coverage defines ("the
 * IOC (International Olympic Committee)"), or one that chat users make of a name the coverage uses
 * ("bb" for Big Brother, "gb" for Great Britain), read from the initials of its names.
 */

/**
 * The expansions of a question word that is an abbreviation: an acronym ("IOC", "ATSB") as the
 * coverage defines it, else (and for a short lower-case word the coverage and the dictionary do not
 * know) the coverage's commonest name with those initials.
 * @example abbreviationExpansions(index, 'bb') // ['Big Brother']
 */
export function abbreviationExpansions(index: CorpusIndex, typed: string): string[] {
  // "the AG's answer": the possessive is no part of the abbreviation.
  const word = typed.replace(/['’]s$/u, '');
  if (/^\p{Lu}{2,6}$/u.test(word)) {
    const defined = acronymExpansions(index, word);
    if (defined.length) return defined;
  } else if (!unknownShortWord(index, word)) return [];
  const name = initialisms(index).get(word.toUpperCase());
  return name ? [name] : [];
}

/**
 * A lower-case word of two to four letters that the coverage never uses and, beyond two letters,
 * the dictionary does not know (it lists "gb" and "bb" as units and shot, too few letters to mean them).
 */
function unknownShortWord(index: CorpusIndex, word: string): boolean {
  if (!/^\p{Ll}{2,4}$/u.test(word) || index.documentFrequency(analyzeTerm(word) ?? '') > 0) return false;
  return word.length === 2 || !isDictionaryWord(word);
}

/** Articles whose headline and opening are read for the coverage's names, at most (a sample of a large archive). */
const NAME_SAMPLE = 400;
/** Characters of an article read for names (4,000: most articles whole; the table is built once per corpus, 134 ms on the BBC archive against 100 ms at 1,500). */
const NAME_CHARS = 4000;

const initialsCache = new WeakMap<CorpusIndex, { version: number; byInitials: Map<string, string> }>();

/**
 * The coverage's names of two to four capitalised words by their initials ("BB" → "Big Brother"),
 * the most used name for each, from the headlines and openings of its articles.
 */
function initialisms(index: CorpusIndex): Map<string, string> {
  const cached = initialsCache.get(index);
  if (cached && cached.version === index.version) return cached.byInitials;
  const counts = new Map<string, Map<string, number>>();
  const articles = index.sortedArticles();
  const step = Math.max(1, Math.floor(articles.length / NAME_SAMPLE));
  for (let i = 0; i < articles.length; i += step) {
    const a = articles[i]!;
    for (const span of nameSpans(`${a.title}. ${a.text.slice(0, NAME_CHARS)}`)) {
      const all = span.text.split(/\s+/);
      // "NY" for "New York" in "New York Marathon": a name's opening words are a name too.
      for (let k = 2; k <= Math.min(4, all.length); k++) {
        const name = all.slice(0, k).join(' ');
        const words = all.slice(0, k).filter((w) => /^\p{Lu}/u.test(w));
        if (words.length < 2 || words.length > 4 || !/^\p{Lu}/u.test(all[k - 1]!)) continue;
        const initials = initialsOf(words);
        const names = counts.get(initials) ?? new Map<string, number>();
        names.set(name, (names.get(name) ?? 0) + 1);
        counts.set(initials, names);
      }
    }
  }
  const byInitials = new Map<string, string>();
  for (const [initials, names] of counts) byInitials.set(initials, [...names].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0]);
  initialsCache.set(index, { version: index.version, byInitials });
  return byInitials;
}

const acronymCache = new WeakMap<CorpusIndex, { version: number; byAcronym: Map<string, string[]> }>();

/** The initials of a name's capitalised words ("International Olympic Committee" → "IOC"). */
function initialsOf(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/**
 * What an acronym stands for in this coverage: "Organization for Security and Cooperation in Europe,
 * or OSCE", "the Australian Transport Safety Bureau (ATSB)", "the IOC (International Olympic
 * Committee)". The capitals of the expansion must spell the acronym.
 */
function acronymExpansions(index: CorpusIndex, acronym: string): string[] {
  let cache = acronymCache.get(index);
  if (!cache || cache.version !== index.version) {
    cache = { version: index.version, byAcronym: new Map() };
    acronymCache.set(index, cache);
  }
  const cached = cache.byAcronym.get(acronym);
  if (cached) return cached;
  const found = new Set<string>();
  const term = analyzeTerm(acronym);
  if (term) {
    const pattern = new RegExp(
      `([\\p{Lu}][\\p{L}-]*(?:\\s+(?:(?:of|for|and|the|in|on|de|du|la)\\s+)*[\\p{Lu}][\\p{L}-]*){1,8})(?:,\\s+or\\s+(?:the\\s+)?|\\s*\\(\\s*)${acronym}\\b`,
      'gu',
    );
    // "the IOC (International Olympic Committee)": the acronym first, its expansion in brackets.
    const reversed = new RegExp(
      `\\b${acronym}\\s*\\(\\s*([\\p{Lu}][\\p{L}-]*(?:\\s+(?:(?:of|for|and|the|in|on|de|du|la)\\s+)*[\\p{Lu}][\\p{L}-]*){1,8})\\s*\\)`,
      'gu',
    );
    for (const hit of index.searchTerms(new Map([[term, 1]]), 20)) {
      for (const m of hit.passage.text.matchAll(reversed)) if (initialsOf(m[1]!.trim().split(/\s+/)) === acronym.toUpperCase()) found.add(m[1]!.trim());
      for (const m of hit.passage.text.matchAll(pattern)) {
        const words = m[1]!.trim().split(/\s+/);
        // Drop leading words until the capitals spell the acronym.
        for (let i = 0; i < words.length; i++) {
          const candidate = words.slice(i);
          const initials = candidate
            .filter((w) => /^\p{Lu}/u.test(w))
            // "US Anti-Doping Agency (USADA)": a word in capitals gives all its letters, a hyphened one each part's first.
            .map((w) =>
              /^\p{Lu}{2,3}$/u.test(w)
                ? w
                : w
                    .split('-')
                    .map((p) => p[0])
                    .join(''),
            )
            .join('');
          if (initials.toUpperCase() === acronym.toUpperCase() || initialsOf(candidate) === acronym.toUpperCase()) {
            found.add(candidate.join(' '));
            break;
          }
        }
      }
    }
  }
  const list = [...found].sort();
  cache.byAcronym.set(acronym, list);
  return list;
}
