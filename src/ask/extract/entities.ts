import { escapeRegExp } from '../../text/patterns.ts';
import type { CorpusIndex } from '../../index/corpus-index.ts';
import { analyzeTerm } from '../../index/analyzer.ts';
import { countryOf } from '../gazetteer.ts';
import { HONORIFICS, ROLE_NOUNS } from '../lexicon.ts';
import { nameSpans, type Span } from '../tokens.ts';
import { hasNounSense, isKindOf, mainPartOfSpeech } from '../wordnet.ts';
import { oneOf } from '../../text/patterns.ts';

/**
 * Entities in sentences: noun phrases that name someone ("the Russian side", "Moscow", "Putin"),
 * and what country a person belongs to, learned from the coverage itself ("Russian President
 * Vladimir Putin" → Putin is Russia's).
 */

/** The kind of thing a name refers to. */
type EntityKind = 'country' | 'person' | 'organisation' | 'other';

/** A named entity mention. */
export interface EntityMention extends Span {
  kind: EntityKind;
  /** Canonical name for grouping: the country for country aliases, else the name itself. */
  canonical: string;
}

/** Words that, written before a name, make it a person's ("President", "Mr", "spokesman"). */
const TITLE_WORDS = [
  'mr',
  'mrs',
  'ms',
  'dr',
  'president',
  'prime minister',
  'minister',
  'secretary',
  'senator',
  'governor',
  'mayor',
  'aide',
  'adviser',
  'advisor',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chancellor',
  'general',
  'judge',
  'prosecutor',
  'ambassador',
  'envoy',
  'chief',
  'director',
  'captain',
  'analyst',
  'professor',
  'king',
  'queen',
  'pope',
  'premier',
  'sheikh',
  'imam',
  'lawyer',
  'commander',
];
const PERSON_TITLES = new RegExp(`\\b${oneOf(TITLE_WORDS)}\\.?\\s*$`, 'i');
/** Words that make a name an organisation's ("Council", "Ministry", "Airlines"). */
const ORGANISATION_WORDS = [
  'council',
  'ministry',
  'department',
  'agency',
  'organisation',
  'organization',
  'union',
  'party',
  'committee',
  'airline',
  'airlines',
  'times',
  'news',
  'bureau',
  'institute',
  'corporation',
  'inc',
  'ltd',
  'group',
  'office',
  'police',
  'army',
  'navy',
  'air force',
  'forces',
  'commission',
  'bank',
  'university',
  'court',
  'state',
  'house',
  'parliament',
  'congress',
  'senate',
  'government',
  'administration',
  'service',
  'services',
  'network',
  'press',
  'post',
  'journal',
  'guard',
  'authority',
  'board',
  'association',
  'federation',
  'company',
  'airways',
  'centre',
  'center',
];
const ORG_WORDS = new RegExp(`\\b${oneOf(ORGANISATION_WORDS)}\\b`, 'i');

/**
 * Classifies a name span in its sentence.
 * @example entityAt('The appeal came at the request of the Russian side.', span) // { kind: 'country', canonical: 'Russia', … }
 */
export function classifySpan(sentence: string, whole: Span): EntityMention {
  const span = stripTitles(whole);
  const country = countryOf(span.text);
  if (country) return { ...span, kind: 'country', canonical: country };
  const before = sentence.slice(Math.max(0, span.start - 25), span.start);
  const words = span.text.split(/\s+/);
  if (ORG_WORDS.test(span.text)) return { ...span, kind: 'organisation', canonical: span.text };
  if (PERSON_TITLES.test(before) || (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}\p{Ll}+(-\p{Lu}?\p{Ll}+)?$/u.test(w)))) {
    return { ...span, kind: 'person', canonical: span.text };
  }
  return { ...span, kind: 'other', canonical: span.text };
}

/**
 * A name span without the titles in front of it: "Secretary of State Antony Blinken" → "Antony Blinken",
 * "Ukrainian President Volodymyr Zelensky" → "Volodymyr Zelensky". A span that is only a title stays.
 */
function stripTitles(span: Span): Span {
  const m = TITLE_PREFIX.exec(span.text);
  if (!m || m[0].length >= span.text.length) return span;
  const rest = span.text.slice(m[0].length);
  if (!/^\p{Lu}\p{Ll}/u.test(rest)) return span;
  return { text: rest, start: span.start + m[0].length, end: span.end };
}

/** Titles that open a name ("President Joe Biden", "Foreign Minister Sergei Lavrov"), as written. */
const NAME_TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'President',
  'Vice President',
  'Prime Minister',
  'Minister',
  'Foreign Minister',
  'Interior Minister',
  'Defence Minister',
  'Defense Minister',
  'Secretary of State',
  'Secretary of Defense',
  'Secretary General',
  'Secretary',
  'Press Secretary',
  'Senator',
  'Sen',
  'Rep',
  'Governor',
  'Gov',
  'Mayor',
  'Chancellor',
  'King',
  'Queen',
  'Prince',
  'Pope',
  'General',
  'Gen',
  'Judge',
  'Prosecutor',
  'Ambassador',
  'Chief',
  'Director',
  'Captain',
  'Capt',
  'Commissioner',
  'Premier',
  'Deputy',
  'Spokesman',
  'Spokeswoman',
  'Aide',
  'Adviser',
  'Advisor',
  'Officer',
  'Sheikh',
  'Imam',
];
/** One or more titles (each may follow a capitalised word: "Russian President") at the start of a span. */
const TITLE_PREFIX = new RegExp(`^(?:(?:[\\p{Lu}][\\p{L}]+\\s+)?${oneOf(NAME_TITLES)}\\.?\\s+)+`, 'u');

/**
 * The entity named by the noun phrase starting at `from` (after "by", "of", "at the request of"):
 * a name span, or "the Russian side"-style phrases made of a demonym and a group noun.
 */
export function entityAfter(sentence: string, from: number): EntityMention | null {
  const rest = sentence.slice(from);
  const side = /^\s*(?:the\s+)?([\p{Lu}][\p{L}.]+)\s+(side|government|authorities|leadership|officials|administration|delegation)\b/u.exec(rest);
  if (side) {
    const country = countryOf(side[1]!);
    if (country) {
      const start = from + rest.indexOf(side[1]!);
      return {
        text: sentence.slice(start, from + side[0].length),
        start,
        end: from + side[0].length,
        kind: 'country',
        canonical: country,
      };
    }
  }
  const article = /^\s*(?:the\s+|a\s+|an\s+)?/i.exec(rest)![0].length;
  // "by coach Jose Mourinho", "by hedge fund Atticus": a role or kind before the name.
  // ("by royalty payments group the Performing Right Society": the kind, then the name with its article.)
  const titled = /^(?:\p{Ll}[\p{Ll}-]*\s+){1,3}(?:the\s+)?(?=\p{Lu})/u.exec(rest.slice(article))?.[0];
  const lead = titled && isTitle(titled.replace(/\bthe\s+$/, '')) ? article + titled.length : article;
  const all = nameSpans(sentence);
  const first = all.find((s) => s.start >= from + lead && s.start <= from + lead + 1);
  if (!first) return null;
  // "by US rock group Eagles of Death Metal": a demonym opens the noun phrase; the name closes it.
  // So does a name before the kind of person or group it qualifies ("X Factor winner Steve Brookstein").
  // "by Bay Area Lab Co-Operative (Balco) president Victor Conte": a short form in brackets belongs to the name before it.
  const bracket = /^\s*\([^()]{1,30}\)/.exec(sentence.slice(first.end))?.[0].length ?? 0;
  const end = first.end + bracket;
  const next = all.find((s) => s.start > end);
  return classifySpan(sentence, next && qualifiesNext(sentence, { ...first, end }, next) ? next : first);
}

/**
 * True when a name only qualifies the name after it, across one to three lower-case words: a demonym
 * or country ("US rock group Eagles of Death Metal"), or a name before a kind of person or group
 * ("X Factor winner Steve Brookstein", "R&B star Alicia Keys"), possessive too ("South Africa's leading
 * retail bank Absa"), or a possessive before a titled name ("Children's Minister Margaret Hodge"). The noun
 * phrase is then the second name's.
 */
export function qualifiesNext(sentence: string, first: Span, next: Span): boolean {
  const between = sentence.slice(first.end, next.start);
  // "Children's Minister Margaret Hodge", "Britain's Prime Minister Tony Blair": a possessive before a titled name.
  if (/^['’]s\s+$/u.test(between) && TITLE_PREFIX.test(next.text)) return true;
  const gap = between.replace(/^['’]s/, '');
  return (LOWER_WORDS_GAP.test(gap) && countryOf(first.text) !== null) || isTitleGap(gap);
}

/** One to three lower-case words between two names. */
const LOWER_WORDS_GAP = /^\s+(?:[\p{Ll}-]+\s+){1,3}$/u;

/** True when the words between two names are one to three lower-case words that make a title ("senior vice president"). */
function isTitleGap(between: string): boolean {
  return LOWER_WORDS_GAP.test(between) && isTitle(between);
}

/**
 * True when the words between two names are a title the second holds: "Marsh senior vice president
 * Joshua Bewlay", "Kremlin spokesman Dmitry Peskov" (one to three lower-case words, the last a kind of
 * person or group). A country before a verb ("Russia annexed Crimea") is no such case.
 */
export function titleBetween(sentence: string, first: Span, next: Span): boolean {
  return isTitleGap(sentence.slice(first.end, next.start));
}

/** Hypernym steps from a title to "person" ("president" → corporate executive → executive → administrator → head → leader → person). */
const TITLE_KIND_DEPTH = 6;

/** Lower-case words before a name that say what it is: nouns, the last a kind of person or group. */
function isTitle(words: string): boolean {
  const list = words.trim().split(/\s+/);
  const head = list.at(-1)!;
  // "coach", "hedge fund", "ex-senior civil servant": nouns and adjectives, the last a noun.
  const describes = (w: string): boolean => hasNounSense(w) || mainPartOfSpeech(w.split('-').at(-1)!) === 'adj';
  // ("group" itself is a kind of group: WordNet counts no word a kind of itself.)
  return list.every(describes) && ['person', 'organization', 'group'].some((k) => head.toLowerCase() === k || isKindOf(head, k, TITLE_KIND_DEPTH));
}

/**
 * The entity ending right before `to` (the subject before a verb): the last name span, directly before
 * or with auxiliaries between; with `allowVerbGap`, also one verb away ("Blinken held talks").
 */
export function entityBefore(sentence: string, to: number, allowVerbGap = false): (EntityMention & { verbGap?: boolean }) | null {
  const head = sentence.slice(0, to);
  const side = /(?:the\s+)?([\p{Lu}][\p{L}.]+)\s+(side|government|authorities|leadership|officials|administration)\s*(?:has|had|have)?\s*$/u.exec(head);
  if (side) {
    const country = countryOf(side[1]!);
    if (country)
      return {
        text: side[0].trim(),
        start: side.index,
        end: side.index + side[0].trimEnd().length,
        kind: 'country',
        canonical: country,
      };
  }
  const spans = nameSpans(sentence).filter((s) => s.end <= to);
  let last = spans[spans.length - 1];
  if (!last) return null;
  let gap = sentence.slice(last.end, to);
  // "The US Anti-Doping Agency (USADA) decided…": the short form in brackets is part of the name before it.
  const full = spans[spans.length - 2];
  if (full && gap.startsWith(')') && /^\s*\($/.test(sentence.slice(full.end, last.start))) {
    last = full;
    gap = gap.slice(1);
  }
  if (SUBJECT_GAP.test(gap)) return classifySpan(sentence, last);
  // "Blinken held talks", "Putin made the call": the name is the subject of a verb before the noun.
  if (allowVerbGap && VERB_GAP.test(gap)) return { ...classifySpan(sentence, last), verbGap: true };
  return null;
}

/** Words allowed between a subject and its verb ("Russia had requested", "which Putin himself requested"). */
const SUBJECT_GAP =
  /^(['’]s)?\s*(?:(?:has|had|have|was|is|had\s+been|who|which|that|also|then|reportedly|personally|himself|herself|itself|first|will|would|could|can|may|might|should|to|is\s+to|was\s+to)\s+)*$/i;
/** One lower-case verb and an optional determiner between a subject and a noun ("held talks", "made the call"). */
const VERB_GAP = /^\s+(?:has\s+|had\s+|have\s+)?\p{Ll}+\s+(?:(?:the|a|an|this|that|their|his|her|its)\s+)?$/u;

const affiliationCache = new WeakMap<CorpusIndex, { version: number; byName: Map<string, string | null> }>();

/**
 * The country a person belongs to, learned from the coverage: phrases such as "Russian President
 * Vladimir Putin", "Kremlin aide Yuri Ushakov" or "Ukraine's president, Volodymyr Zelensky" near the
 * person's name, in the passages that mention them. Null when the coverage does not say.
 * @example countryOfPerson(index, 'Putin') // 'Russia'
 */
export function countryOfPerson(index: CorpusIndex, name: string): string | null {
  return bySurname(affiliationCache, index, name, (surname) => readCountryOf(index, surname));
}

/** What the coverage says about a name's surname, computed once per corpus version. */
function bySurname<T>(
  caches: WeakMap<CorpusIndex, { version: number; byName: Map<string, T> }>,
  index: CorpusIndex,
  name: string,
  read: (surname: string) => T,
): T {
  let cache = caches.get(index);
  if (!cache || cache.version !== index.version) {
    cache = { version: index.version, byName: new Map() };
    caches.set(index, cache);
  }
  const surname = name.trim().split(/\s+/).pop() ?? name;
  const key = surname.toLowerCase();
  if (cache.byName.has(key)) return cache.byName.get(key)!;
  const value = read(surname);
  cache.byName.set(key, value);
  return value;
}

/** The country the coverage ties a surname to: see {@link countryOfPerson}. */
function readCountryOf(index: CorpusIndex, surname: string): string | null {
  const term = analyzeTerm(surname);
  const votes = new Map<string, number>();
  if (term) {
    for (const hit of index.searchTerms(new Map([[term, 1]]), 30)) {
      const text = hit.passage.text;
      for (const m of text.matchAll(
        new RegExp(
          `([\\p{Lu}][\\p{L}.]+(?:\\s+[\\p{Lu}][\\p{L}.]+)?)(?:['’]s)?\\s+((?:[\\p{L}-]+\\s+){0,3}?)(?:[\\p{Lu}][\\p{L}'’-]+\\s+){0,2}${escapeRegExp(surname)}\\b`,
          'gu',
        ),
      )) {
        const country = countryOf(m[1]!);
        const middle = m[2]!.trim().toLowerCase();
        if (!country) continue;
        if (middle !== '' && !ROLE_NOUNS.some((r) => middle.endsWith(r) || middle.includes(`${r} `)) && !/president|presidential|leader/.test(middle)) continue;
        votes.set(country, (votes.get(country) ?? 0) + 1);
      }
    }
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? best[0] : null;
}

const titledCache = new WeakMap<CorpusIndex, { version: number; byName: Map<string, boolean> }>();

/**
 * True when the coverage gives the name's last word a person's title somewhere ("Mr Campbell", "Sir
 * Alex Ferguson"): the name is a person's, so it answers no where-question ("assistant to Ferguson at
 * the World Cup").
 * @example isTitledPerson(index, 'Ferguson') // true, where an article says "Sir Alex Ferguson"
 */
export function isTitledPerson(index: CorpusIndex, name: string): boolean {
  return bySurname(titledCache, index, name, (surname) => {
    const term = analyzeTerm(surname);
    const titled = new RegExp(`\\b(?:${HONORIFICS.join('|')})\\.?\\s+(?:[\\p{Lu}][\\p{L}'’-]+\\s+){0,2}${escapeRegExp(surname)}\\b`, 'u');
    return term !== null && index.searchTerms(new Map([[term, 1]]), 30).some((hit) => titled.test(hit.passage.text));
  });
}
