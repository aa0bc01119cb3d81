import type { ScoredSentence } from '../retrieve.ts';
import { nameSpans } from '../tokens.ts';
import { countryOf, isCountryName } from '../gazetteer.ts';
import type { Candidate } from './candidate.ts';
import { oneOf } from '../../text/patterns.ts';
import { isKindOf, kindsOfName, namesNoDoer } from '../wordnet.ts';

/**
 * Places: a capitalised name after a locative preposition ("in Geneva", "at the Bataclan",
 * "near the Stade de France", "off the coast of Australia"), never a person or a date.
 */

/** Prepositions that put a name at a place ("in", "near", "off"). */
const PLACE_PREPOSITIONS = [
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'off',
  'from',
  'to',
  'into',
  'over',
  'across',
  'towards',
  'toward',
  'for',
  'via',
  'through',
  // "on Wall Street", "within the Outlook e-mail program": weak ones, as "to" and "from" are.
  'on',
  'within',
];
/** "the coast of", "the capital of", "the streets of" … */
const PART_OF = [
  'island',
  'county',
  'area',
  'coast',
  'city',
  'town',
  'capital',
  'village',
  'suburb',
  'district',
  'region',
  'province',
  'state',
  'centre',
  'center',
  'heart',
  'street',
  'streets',
  'port',
];
/** "northern", "downtown", "occupied" … before the place. */
const PLACE_MODIFIERS = [
  'northern',
  'southern',
  'eastern',
  'western',
  'north',
  'south',
  'east',
  'west',
  'central',
  'north-eastern',
  'north-western',
  'south-eastern',
  'south-western',
  'rural',
  'downtown',
  'occupied',
  'annexed',
  'neighbouring',
  'neighboring',
];
/** What comes right before a place name: "in the", "off the coast of", "in northern". */
const LOCATIVE = new RegExp(
  // "via the Greek island of": a demonym may open the part.
  `\\b(${PLACE_PREPOSITIONS.join('|')})\\s+(the\\s+|an?\\s+)?(?:(?:[A-Z][\\w-]+\\s+)?${oneOf(PART_OF)}\\s+of\\s+(?:the\\s+)?)?(?:${oneOf(PLACE_MODIFIERS)}\\s+)?$`,
  'i',
);
const DIRECTION_PREPOSITIONS = {
  from: ['from'],
  to: ['to', 'into', 'towards', 'toward'],
} as const;
const BROAD_PLACES =
  /^(Europe|Asia|Africa|America|North America|South America|Latin America|Oceania|Antarctica|the West|the East|the Middle East|Middle East|Eastern Europe|Western Europe|Central Europe|Central Asia|Southeast Asia|the Pacific|Pacific|Atlantic|the Atlantic)$/;
/** What a whole country counts against a city or venue, unless the question asks for a country. */
const COUNTRY_FACTOR = 0.8;
const NOT_PLACES =
  /^(Mr|Mrs|Ms|Dr|President|Prime|Minister|Secretary|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;

/**
 * Finds places in a sentence.
 * @param direction - the question asks where something came from ("depart from") or went to ("bound for"):
 *   places after the matching preposition are preferred
 * @param countryWanted - the question asks for a country ("which country…"): countries are not broad
 * @param asked - the preposition the question puts before "where" ("MP for where?"): a name after it is a place
 * @example extractPlaces(sentence('… talks on Jan. 10 in Geneva.'))[0].value // 'Geneva'
 */
export function extractPlaces(
  s: ScoredSentence,
  direction: 'from' | 'to' | null = null,
  countryWanted = false,
  kind: string | null = null,
  asked: string | null = null,
): Candidate[] {
  const out: Candidate[] = [];
  const spans = nameSpans(s.text);
  // "MP for where?": a name right after the question's own preposition ("MP for Henley-on-Thames", a
  // span the name reader may have run on from "MP").
  if (asked)
    for (const m of s.text.matchAll(new RegExp(`\\b${asked}\\s+(?:the\\s+)?(?=\\p{Lu})`, 'giu'))) {
      const from = m.index + m[0].length;
      const span = spans.find((sp) => sp.start <= from && from < sp.end);
      if (!span) continue;
      const place = {
        text: s.text.slice(from, span.end),
        start: from,
        end: span.end,
      };
      if (NOT_PLACES.test(place.text)) continue;
      out.push({
        key: `place:${place.text.toLowerCase()}`,
        value: place.text,
        mention: place.text,
        at: from,
        sentence: s,
        confidence: kindFit(s.text, place, kind),
      });
    }
  for (const span of spans) {
    if (span.start === 0 || NOT_PLACES.test(span.text)) continue;
    // "the Greek island of Leros", "the Syrian city of Homs": the name modifies the place that follows.
    if (PART_FOLLOWS.test(s.text.slice(span.end, span.end + 24))) continue;
    const before = s.text.slice(Math.max(0, span.start - 40), span.start);
    const m = LOCATIVE.exec(before);
    if (!m) continue;
    // "Cooperation in Europe": the preposition sits inside a longer name.
    // (A day or a month before it is no name: "on Sunday at a Los Angeles auction".)
    const prior = /([\p{Lu}][\p{L}.'’-]*)\s+$/u.exec(before.slice(0, m.index))?.[1];
    // (…but a contest or an event ends its name: "the World Cup in Mexico" was held there.)
    const event = /((?:[\p{Lu}][\p{L}.'’-]*\s+){1,3})$/u.exec(before.slice(0, m.index))?.[1]?.trim();
    // (…and so does a place's own kind: "Stansted Airport in Essex", "the High Court in London" are there.)
    if (prior && !NOT_PLACES.test(prior) && !(event && namesNoDoer(event)) && !namesStructure(prior)) continue;
    const prep = m[1]!.toLowerCase();
    const known = countryOf(span.text) !== null || isPlaceName(span.text);
    // "at a Los Angeles auction": a name after "a" is a place only where it is known as one, before
    // the noun it qualifies.
    if (/^an?\s/i.test(m[2] ?? '') && !(known && /^\s+\p{Ll}/u.test(s.text.slice(span.end)))) continue;
    const strong = direction
      ? (DIRECTION_PREPOSITIONS[direction] as readonly string[]).includes(prep)
      : prep === 'in' || prep === 'at' || prep === 'near' || prep === 'outside' || prep === 'inside' || prep === 'off';
    // A continent or ocean is rarely the answer when the coverage names a city or venue.
    const broad = BROAD_PLACES.test(span.text);
    // A whole country is a broad answer when the coverage also names the city ("in Houston" over "in the US").
    const country = !countryWanted && isCountryName(span.text);
    // "at the RSA Security conference (…held in San Francisco)": a name that qualifies a gathering
    // or a contest names that event, not where it is.
    const qualified = /^\s+(\p{Ll}+)\b/u.exec(s.text.slice(span.end))?.[1];
    const qualifiesEvent = qualified !== undefined && namesEvent(qualified);
    out.push({
      key: `place:${span.text.toLowerCase()}`,
      value: span.text,
      mention: span.text,
      at: span.start,
      sentence: s,
      confidence:
        (strong ? 1 : 0.5) *
        (known ? 1 : 0.9) *
        (broad ? 0.6 : 1) *
        (country ? COUNTRY_FACTOR : 1) *
        (qualifiesEvent ? EVENT_FACTOR : 1) *
        kindFit(s.text, span, kind),
    });
  }
  // "Paris-based Euronext", "the Luxembourg-based Clearstream unit": where the name is based.
  for (const m of s.text.matchAll(BASED_IN)) {
    const place = m[1]!;
    if (NOT_PLACES.test(place)) continue;
    out.push({
      key: `place:${place.toLowerCase()}`,
      value: place,
      mention: place,
      at: m.index,
      sentence: s,
      confidence: 1,
    });
  }
  return out;
}

/** What a name counts that qualifies an event ("the RSA Security conference"): it names no place. */
const EVENT_FACTOR = 0.4;

/**
 * True for a noun WordNet files under gatherings, contests or shows and not under structures or areas:
 * "conference", "match", "rally" are events; "hotel", "court", "airport" are places.
 */
function namesEvent(noun: string): boolean {
  return (
    ['gathering', 'contest', 'show'].some((k) => isKindOf(noun, k, EVENT_DEPTH)) &&
    !['structure', 'facility', 'area', 'location'].some((k) => isKindOf(noun, k, EVENT_DEPTH))
  );
}

/** True for a word WordNet files under structures or facilities: "Airport", "Hotel", "Stadium", "Court". */
function namesStructure(word: string): boolean {
  const lower = word.toLowerCase();
  return ['structure', 'facility'].some((k) => isKindOf(lower, k, EVENT_DEPTH));
}

/** Hypernym steps climbed to tell an event from a place ("convention" → meeting → gathering is two). */
const EVENT_DEPTH = 6;

/** A kind of place right after a name, then "of": the name is its modifier. */
const PART_FOLLOWS = new RegExp(`^\\s+${oneOf(PART_OF)}\\s+of\\b`, 'i');

/** What a place the text does not call by the asked kind counts ("which island…" and "Leros" alone). */
const OTHER_KIND_FACTOR = 0.6;
/** What a place WordNet files under another kind counts ("which island…" and the Aegean Sea, a sea). */
const KNOWN_OTHER_KIND_FACTOR = 0.3;

/**
 * How well a place fits the kind a question asks for ("which Greek island…"): 1 when the text calls it
 * so ("the Greek island of Leros", "Leros island", "the Alltel Stadium"), less when it does not; 1 when no
 * kind is asked.
 */
function kindFit(text: string, span: { start: number; end: number }, kind: string | null): number {
  if (!kind) return 1;
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const after = text.slice(span.end, span.end + 24);
  const named = new RegExp(`\\b${kind}s?\\s+(?:of\\s+(?:the\\s+)?)?$`, 'i').test(before) || new RegExp(`^\\s+${kind}\\b(?!\\s+of\\b)`, 'i').test(after);
  // "the Alltel Stadium", "Heathrow Airport": the kind may end the name itself.
  if (named || new RegExp(`\\s${kind}s?$`, 'i').test(text.slice(span.start, span.end))) return 1;
  // WordNet may know the name: Los Angeles is a city; the Aegean Sea is a sea, so no island.
  const kinds = kindsOfName(text.slice(span.start, span.end));
  return kinds.has(kind) ? 1 : kinds.size > 0 ? KNOWN_OTHER_KIND_FACTOR : OTHER_KIND_FACTOR;
}

/** A place joined to "-based" before what it is the base of. */
const BASED_IN = /\b(\p{Lu}[\p{L}.'’]+(?:[\s-]\p{Lu}[\p{L}.'’]+)?)-based\b/gu;

/** True when WordNet lists a name as a place: a city, a region, a body of water… ("Los Angeles", "Thames"). */
function isPlaceName(name: string): boolean {
  const kinds = kindsOfName(name);
  return kinds.has('location') || kinds.has('body of water');
}
