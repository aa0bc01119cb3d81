import { DURATION_UNITS } from '../lexicon.ts';
import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from './candidate.ts';
import { APPROX_PATTERN, formatAmount, isBounding, normalizeQualifier, parseAmount } from './numbers.ts';

/**
 * Durations: "around 50 minutes", "a 50-minute call", "just under an hour", "an hour and a half",
 * "three days". Equal lengths share a key, whatever the wording; a bounding qualifier ("just under an
 * hour") is a different claim and keeps its own key.
 */

const UNIT = '(second|minute|min|hour|hr|day|week|month|year|decade)s?';
const DURATION = new RegExp(
  `(?<![\\p{L}\\d])(?:(${APPROX_PATTERN})\\s+)?(?:(half\\s+an?)|(\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|several|a few|a couple of)([\\s-]+and[\\s-]+a[\\s-]+half)?)[\\s-]+${UNIT}(?![\\p{L}])(-long)?(?:\\s+and\\s+(\\d+|[a-z]+(?:-[a-z]+)?)\\s+(minute|second)s?\\b)?`,
  'giu',
);

/** A verb of ending before "after N minutes": the length is how long the thing lasted. */
/** A length of time told by its unit alone, after "within" or "for": "within minutes", "for years". */
const BARE_UNITS = /\b(within|for)\s+(seconds|minutes|hours|days|weeks|months|years|decades)\b(?!\s+(?:of|to|and|or)\b)/gi;
/** What such a length counts: it answers how long, though vaguely. */
const BARE_UNITS_CONFIDENCE = 0.8;

const ENDED_BEFORE = /\b(?:ended|finished|concluded|broke up|wound up|closed|stopped|collapsed|adjourned|was called off)\b[^.;]{0,60}\bafter\s*$/i;

/**
 * Finds durations in a sentence.
 * @param sinceThen - the question asks how long something has been so ("how long has it been around?"):
 *   a time ago ("founded 300 years ago") answers it
 * @param interval - the question asks how often, or how long between times ("how long between
 *   refreshes?"): a frequency ("every two days") answers it
 * @example extractDurations(sentence('Thursday’s call, which lasted around 50 minutes, …'))[0].value // '50 minutes'
 */
export function extractDurations(s: ScoredSentence, sinceThen = false, interval = false): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(DURATION)) {
    const [mention, qualifierRaw, halfAn, amountRaw, andHalf, unitRaw, , extraRaw, extraUnit] = m;
    const after = s.text.slice(m.index! + mention.length, m.index! + mention.length + 12).toLowerCase();
    const before = s.text.slice(Math.max(0, m.index! - 12), m.index!).toLowerCase();
    // "founded more than 300 years ago" tells how long it has been, when that is what is asked.
    const ago = /^\s*ago\b/.test(after);
    if (!(ago && sinceThen) && (/^\s*(-?old|ago|later|earlier|before|after|from now)\b/.test(after) || /-old/.test(after.slice(0, 5)))) continue;
    // "every two days" tells how often, which answers only a question of how often.
    const every = /\b(every|per|each|once a|twice a)\s*$/.test(before);
    if (every && !interval) continue;
    // "a second inquiry", "one second-hand car": the ordinal, not a length of time.
    if (/^second$/i.test(unitRaw ?? '') && /^(a|an|one)$/i.test(amountRaw ?? '') && /^[\s-]+\p{L}/u.test(s.text.slice(m.index! + mention.length))) continue;
    const unit = normalizeUnit(unitRaw!);
    let amount: number | null;
    if (halfAn) amount = 0.5;
    else if (/^(several|a few|a couple of)$/i.test(amountRaw!)) amount = null;
    else amount = parseAmount(amountRaw!.toLowerCase() === 'an' || amountRaw!.toLowerCase() === 'a' ? 'one' : amountRaw!);
    if (andHalf && amount !== null) amount += 0.5;
    if (amount === null && !/^(several|a few|a couple of)$/i.test(amountRaw ?? '')) continue;
    const qualifier = normalizeQualifier(qualifierRaw);
    // "two hours and forty minutes"
    const extra = extraRaw && extraUnit ? parseAmount(extraRaw) : null;
    const extraMinutes = extra !== null && extraUnit ? extra * DURATION_UNITS[extraUnit.toLowerCase()]! : 0;
    const minutes = amount === null ? null : amount * DURATION_UNITS[unit]! + extraMinutes;
    const bounding = isBounding(qualifier);
    const key =
      minutes === null ? `duration:${amountRaw!.toLowerCase()} ${unit}` : `duration:${Math.round(minutes * 100) / 100}${bounding ? `:${qualifier}` : ''}`;
    const value =
      bounding || minutes === null || extra !== null
        ? mention.trim().toLowerCase().replace(/\s+/g, ' ')
        : // The amount as the coverage writes it ("three years", "18 months"), the unit in full.
          `${halfAn || andHalf ? formatAmount(amount!) : amountRaw!.toLowerCase()} ${amount === 1 ? unit : `${unit}s`}`;
    const adjectival = /-/.test(mention) && /^\s*(-long\s+)?[\p{L}]/u.test(after);
    const durative = /\b(lasted|lasting|lasts|last|long|for|took|spent|during|within|over)\s*$/i.test(`${before.trim()} `) || adjectival;
    // "processed in 52 days": how long something took, though "in two weeks" can also be a date…
    const within = /\bin\s*$/i.test(`${before.trim()} `);
    // …and "In four days, the union will…", opening the sentence, is when something will happen.
    const offset = within && /^\s*in\s*$/i.test(s.text.slice(0, m.index!)) && /^\s*,/.test(after);
    // "talks ended without agreement after 90 minutes": how long the talks lasted.
    const untilEnd = /\bafter\s*$/i.test(`${before.trim()} `) && ENDED_BEFORE.test(s.text.slice(Math.max(0, m.index! - 80), m.index!));
    const confidence = durative || untilEnd || ago || every ? 1 : offset ? 0.5 : within ? 0.85 : 0.6;
    out.push({
      // A frequency is its own claim, shown as one: "every 2 days".
      key: every ? `every:${key}` : key,
      value: every ? `every ${value}` : value,
      mention: mention.trim(),
      at: m.index!,
      sentence: s,
      confidence,
    });
  }
  // "retrieve disputed files within minutes", "has campaigned for years": a length told by its unit alone.
  for (const m of s.text.matchAll(BARE_UNITS)) {
    out.push({ key: `duration:${m[2]!.toLowerCase()}`, value: m[0].toLowerCase(), mention: m[0], at: m.index, sentence: s, confidence: BARE_UNITS_CONFIDENCE });
  }
  // "violations in California between 2000 and 2003": a stretch of years, told by where it starts and ends.
  for (const m of s.text.matchAll(YEAR_RANGE)) {
    const years = Number(m[2]) - Number(m[1]);
    if (years <= 0 || years > MAX_RANGE_YEARS) continue;
    out.push({
      key: `duration:${years * DURATION_UNITS.year!}`,
      value: `${years} ${years === 1 ? 'year' : 'years'} (${m[1]} to ${m[2]})`,
      mention: m[0],
      at: m.index,
      sentence: s,
      confidence: YEAR_RANGE_CONFIDENCE,
    });
  }
  return out;
}

/** A stretch of years: "between 2000 and 2003", "from 1998 to 2004". */
const YEAR_RANGE = /\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until)\s+((?:19|20)\d\d)\b/gi;
/** The longest stretch read as one. */
const MAX_RANGE_YEARS = 50;
/** What a stretch of years counts as a length of time: it says when more than how long. */
const YEAR_RANGE_CONFIDENCE = 0.8;

function normalizeUnit(raw: string): string {
  const u = raw.toLowerCase();
  if (u === 'min') return 'minute';
  if (u === 'hr') return 'hour';
  return u;
}
