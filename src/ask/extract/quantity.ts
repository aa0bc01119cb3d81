import { analyzeTerm } from '../../index/analyzer.ts';
import type { ScoredSentence, Slot } from '../retrieve.ts';
import type { Candidate } from './candidate.ts';
import { hasNounSense, isDictionaryWord, isKindOf } from '../wordnet.ts';
import { APPROX_PATTERN, NUMBER_PATTERN, isBounding, normalizeQualifier, parseAmount } from './numbers.ts';
import { ORDINAL_WORDS } from '../lexicon.ts';

/**
 * Quantities with their noun: "100,000 troops", "as many as 100,000 troops", "more than 90,000",
 * "tens of thousands of troops", "129 people", "$8.6 million". The counted noun comes from the
 * question ("how many troops"); its synonyms count too ("soldiers").
 */

const AMOUNT = new RegExp(`(?<![\\p{L}\\d.,$£€])(?:(${APPROX_PATTERN})\\s+)?([$£€]\\s?)?${NUMBER_PATTERN}`, 'giu');
/** "between five and 10", "five to 10", "200-300": the two ends of a range. */
const RANGE = new RegExp(`(?<![\\p{L}\\d.,$£€])(between\\s+)?${NUMBER_PATTERN}\\s*(and|to|-)\\s*${NUMBER_PATTERN}`, 'giu');

/**
 * The counted noun as the sentence writes it, among the first words after the number ("searches", not
 * the asker's "searchs"; "staff", not the asker's "people").
 */
function countedWord(after: string, nounSlot: Slot, countNoun: string | null = null): string | null {
  for (const w of (after.match(/[\p{L}-]+/gu) ?? []).slice(0, 4))
    if (nounSlot.terms.has(analyzeTerm(w) ?? '') || (countNoun && sameKind(w, countNoun))) return w;
  return null;
}

/** "the 100m and 200m titles", "the French, German and Dutch governments": two to four one-word items, then a noun. */
const LISTED = /(?<![\p{L}\d])((?:[\p{L}\d][\p{L}\d.'’-]*,\s+){0,2}[\p{L}\d][\p{L}\d.'’-]*\s+and\s+[\p{L}\d][\p{L}\d.'’-]*)\s+([\p{L}-]+)/gu;
/** How a count of listed items is shown. */
const NUMBER_NAMES = ['', 'one', 'two', 'three', 'four'];

const VAGUE = /\b(tens|hundreds|thousands|millions|dozens|scores) of (thousands|millions)?\s*(?:of\s+)?/gi;
/** Words that end the noun phrase a number opens. */
const PHRASE_END = new Set([
  'to',
  'be',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'who',
  'that',
  'which',
  'and',
  'but',
  'or',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'than',
  'as',
]);

/**
 * Finds quantities of the counted noun in a sentence.
 * @param nounSlot - the slot of the counted noun (its terms include synonyms); null for "how much" money questions
 * @param partitive - the question asks for a part of a group ("how many of the 20 clubs…"): "14 of the 20 clubs" counts
 */
export function extractQuantities(
  s: ScoredSentence,
  nounSlot: Slot | null,
  countNoun: string | null,
  otherSlots: readonly Slot[] = [],
  partitive = false,
): Candidate[] {
  const out: Candidate[] = [];
  const money = countNoun === 'money';
  const percent = countNoun === 'percent';
  const words = s.text;
  // "people" is counted by what happened to them too: "14,000 dead", "130 killed".
  const generic = countNoun !== null && GENERIC_COUNTED.has(countNoun.toLowerCase());
  // The question's participles ("killed", "wounded", "died"): what happened to the people counted.
  const happenings = otherSlots.filter((slot) => /(ed|en|ing)$/.test(slot.label.toLowerCase()));
  // A counted noun the dictionary does not know is a name ("PSPs"), not a kind.
  const namedProduct = countNoun !== null && !generic && !isDictionaryWord(countNoun.replace(/s$/i, ''));
  const nounNear = (from: number): boolean => nounFit(from) > 0;
  /** How well the words after a number name the counted noun: 1 as the question names it, less for a noun of its kind, 0 for none. */
  const nounFit = (from: number): number => {
    // The noun phrase after the number ends at the first word that starts another phrase: "four
    // producers to be nominated" counts producers, not nominations.
    // "a three-judge panel": the counted noun may be joined to the number by a hyphen.
    const all =
      words
        .slice(from, from + 60)
        .replace(/^-(?=\p{L})/u, ' ')
        .match(/[\p{L}-]+/gu)
        ?.slice(0, 4) ?? [];
    const stop = all.findIndex((w) => PHRASE_END.has(w.toLowerCase()));
    const next = stop < 0 ? all : all.slice(0, stop);
    const terms = next.map((w) => analyzeTerm(w) ?? '');
    if (nounSlot && terms.some((t) => nounSlot.terms.has(t))) return 1;
    // "1,981 voters" counts people, "20 individuals" officials: a noun of the same kind, from WordNet.
    if (countNoun && next.some((w) => sameKind(w, countNoun))) return SAME_KIND_FIT;
    // "sold more than 800,000 units": units and copies count whatever product the question names.
    if (nounSlot && !generic && (terms[0] === 'unit' || terms[0] === 'copi')) return 1;
    // "how many PSPs…" answered by "three million of the consoles": a product the question names is
    // counted under the common noun the coverage gives it.
    if (namedProduct && next.some((w) => /\p{Ll}{3,}s$/u.test(w) && hasNounSense(w))) return 1;
    // "14,000 dead", "352 others wounded": what happened to them, right after the number.
    if (!generic) return 0;
    const first = terms[0] === OTHERS ? terms[1] : terms[0];
    return first !== undefined && happenings.some((slot) => slot.terms.has(first)) ? 1 : 0;
  };
  // "killing 129 people and wounding 352": what happened to them, right before the number.
  const happenedBefore = (at: number): boolean => {
    if (!generic) return false;
    const prev = /([\p{L}-]+)\s+$/u.exec(words.slice(Math.max(0, at - 30), at))?.[1];
    const term = prev ? analyzeTerm(prev) : null;
    return term !== null && happenings.some((slot) => slot.terms.has(term));
  };
  // "a bill of more than $27bn", "a fine up to 200,000 yuan": the noun just before the amount, or a few words before it joined by "of".
  const nounJustBefore = (at: number): boolean => {
    if (!nounSlot) return false;
    const prev = words.slice(Math.max(0, at - 40), at).match(/[\p{L}-]+/gu) ?? [];
    const tail = prev.slice(-4);
    const of = tail.lastIndexOf('of');
    const noun = of > 0 ? tail[of - 1] : /[\p{L}-]\s+$/u.test(words.slice(0, at)) ? tail.at(-1) : undefined;
    return noun !== undefined && nounSlot.terms.has(analyzeTerm(noun) ?? '');
  };
  const nounInSentence = nounSlot !== null && s.matched.has(nounSlot.label);
  // "between five and 10 searches", "five to 10 searches": a range of the counted noun is one claim,
  // and its ends count nothing alone.
  const inRange: [number, number][] = [];
  if (!money && !percent && nounSlot)
    for (const m of words.matchAll(RANGE)) {
      const [mention, between, lowText, lowMultiplier, , highText, highMultiplier] = m;
      const end = m.index! + mention.length;
      const low = parseAmount(lowText!, lowMultiplier);
      const high = parseAmount(highText!, highMultiplier);
      if (low === null || high === null || low >= high || (!between && !/\bto\b/.test(mention)) || !nounNear(end)) continue;
      const noun = countedWord(words.slice(end), nounSlot) ?? countNoun ?? '';
      inRange.push([m.index!, end]);
      out.push({ key: `qty:${low}-${high}`, value: `${mention.trim()} ${noun}`.trim(), mention: mention.trim(), at: m.index!, sentence: s, confidence: 1 });
    }
  // "winning the 100m and 200m titles", "at the 1997 and 2001 elections": the counted noun after a list
  // of what tells them apart counts its items, and the figures in the list count nothing alone.
  if (!money && !percent && nounSlot)
    for (const m of words.matchAll(LISTED)) {
      const [mention, list, noun] = m;
      const items = list!.split(/,\s+|\s+and\s+/);
      if (!nounSlot.terms.has(analyzeTerm(noun!) ?? '') || !/s$/i.test(noun!) || !items.every((w) => /\d|^\p{Lu}/u.test(w))) continue;
      inRange.push([m.index!, m.index! + mention.length]);
      const shown = `${NUMBER_NAMES[items.length]} (${mention.trim()})`;
      out.push({ key: `qty:${items.length}`, value: shown, mention: mention.trim(), at: m.index!, sentence: s, confidence: 1 });
    }
  for (const m of words.matchAll(AMOUNT)) {
    const [mention, qualifierRaw, currency, digits, multiplier] = m;
    const end = m.index! + mention.length;
    if (inRange.some(([from, to]) => m.index! >= from && m.index! < to)) continue;
    const after = words.slice(end, end + 12);
    const before = words.slice(Math.max(0, m.index! - 10), m.index!);
    const unit = PERCENT_AFTER.exec(after);
    if (percent) {
      // "what share…", "what % of voters…": a percentage answers, nothing else does.
      if (!unit) continue;
      const shownPercent = `${mention.trim()}${unit[0]}`.replace(/\s+$/, '');
      out.push({
        key: `pct:${parseAmount(digits!, multiplier) ?? digits}`,
        value: shownPercent,
        mention: shownPercent,
        at: m.index!,
        sentence: s,
        confidence: 1,
      });
      continue;
    }
    if (unit || /^\s*(:\d|a\.m|p\.m|am\b|pm\b|gmt|-year-old|-years-old|years? old)/i.test(after)) continue;
    if (
      /(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/.test(
        before,
      )
    )
      continue;
    if (/^\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after)) continue;
    const value = parseAmount(digits!, multiplier);
    if (value === null) continue;
    // "one of the attackers", "two of the three bombers": a part of a group, not a count of it.
    // …unless the question asks for that part ("how many of the 20 clubs have to approve…").
    // …but "around 6,000 of those expected in Wales" is a count of a share: large numbers count.
    if (!partitive && value < PARTITIVE_COUNT && /^\s+of\s+(the|them|whom|those|these|its|their)\b/i.test(after)) continue;
    // A count of one rarely answers "how many" ("One attacker there was killed").
    if (value === 1 && !currency && !multiplier) continue;
    const isYear = /^\d{4}$/.test(digits!) && value >= 1900 && value <= 2100 && !multiplier;
    const qualifier = normalizeQualifier(qualifierRaw);
    const currencyWord = CURRENCY_AFTER.exec(after);
    if (money) {
      // "9p", "50p": pence written on the number.
      const pence = !currency && !currencyWord && !multiplier && PENCE_AFTER.test(after);
      if (pence) {
        out.push({ key: `money:${value / 100}:gbp`, value: `${mention.trim()}p`, mention: `${mention.trim()}p`, at: m.index!, sentence: s, confidence: 1 });
        continue;
      }
      if (!currency && !currencyWord) continue;
      // "$9.37bn (£4.8bn)", "200,000 yuan ($24,000; £12,700)": the same amount converted, not a second claim.
      if (INSIDE_PARENTHESES.test(words.slice(0, m.index!)) || /[(:]\s*$/.test(words.slice(Math.max(0, m.index! - 3), m.index!))) continue;
      const shownMoney = currencyWord ? `${mention.trim()} ${currencyWord[1]}` : mention.trim();
      const key = `money:${value}${isBounding(qualifier) ? `:${qualifier}` : ''}`;
      out.push({
        key,
        value: shownMoney,
        mention: shownMoney,
        at: m.index!,
        sentence: s,
        confidence: 1,
      });
      continue;
    }
    // "how big was the tax bill?": an amount of money the counted noun is made of ("a $27bn bill",
    // "a bill of more than $27bn", "a fine up to 200,000 yuan") answers in money. (An amount in a
    // currency named after it, away from the noun, is read as any other number is, below.)
    const madeOf = nounSlot !== null && (nounNear(end) || nounJustBefore(m.index!));
    if (currency || (currencyWord && madeOf)) {
      if (!madeOf) continue;
      if (INSIDE_PARENTHESES.test(words.slice(0, m.index!))) continue;
      const shownMoney = currencyWord ? `${mention.trim()} ${currencyWord[1]}` : mention.trim();
      out.push({
        key: `money:${value}${isBounding(qualifier) ? `:${qualifier}` : ''}`,
        value: shownMoney,
        mention: shownMoney,
        at: m.index!,
        sentence: s,
        confidence: 0.9,
      });
      continue;
    }
    const attached = nounNear(end) || happenedBefore(m.index!);
    if (isYear && !attached) continue;
    if (!attached && (!nounInSentence || value < 10)) continue;
    // "troops … with estimates of more than 90,000": the noun was named earlier in the sentence.
    const referredBack = !attached && nounSlot !== null && mentionsNoun(words.slice(0, m.index!), nounSlot);
    const bounding = isBounding(qualifier);
    const noun = (attached && nounSlot ? countedWord(words.slice(end), nounSlot, countNoun) : null) ?? countNoun ?? '';
    // The amount as the article writes it ("one billion", "1,981"), with the counted noun.
    const written = mention
      .trim()
      .slice(qualifierRaw ? mention.trim().indexOf(qualifierRaw) + qualifierRaw.length : 0)
      .trim();
    // "1.8GB of data", "300 miles": a unit of measure is part of the amount, shown as written.
    const unitOfMeasure = currencyWord ? currencyWord[0] : MEASURE_UNIT.exec(after)?.[0];
    const counted = unitOfMeasure ? unitOfMeasure : noun && !written.toLowerCase().endsWith(noun.toLowerCase()) ? ` ${noun}` : '';
    const shown = `${bounding ? `${qualifier} ` : ''}${written}${counted}`;
    const kind = attached ? (nounNear(end) ? nounFit(end) : 1) : referredBack ? 0.8 : 0.5;
    out.push({
      key: `qty:${value}${bounding ? `:${qualifier}` : ''}`,
      value: shown,
      mention: mention.trim(),
      at: m.index!,
      sentence: s,
      confidence: kind,
    });
  }
  // "warned France twice"
  if (countNoun === 'times') {
    for (const m of words.matchAll(/\b(twice|thrice)\b/gi)) {
      const value = m[1]!.toLowerCase() === 'twice' ? 2 : 3;
      out.push({
        key: `qty:${value}`,
        value: `${value} times`,
        mention: m[1]!,
        at: m.index!,
        sentence: s,
        confidence: 1,
      });
    }
    // "marked the fourth time the two leaders have spoken": an ordinal time counts the times so far.
    for (const m of words.matchAll(ORDINAL_TIME)) {
      const value = ORDINAL_WORDS.indexOf(m[1]!.toLowerCase()) + 1 || Number.parseInt(m[1]!, 10);
      if (value < 2) continue;
      out.push({
        key: `qty:${value}`,
        value: `${value} times (the ${m[1]!.toLowerCase()} time)`,
        mention: m[0],
        at: m.index!,
        sentence: s,
        confidence: 0.9,
      });
    }
  }
  for (const m of words.matchAll(VAGUE)) {
    const end = m.index! + m[0].length;
    if (!nounNear(end) && !nounInSentence) continue;
    const phrase = `${m[1]!.toLowerCase()} of ${(m[2] ?? '').toLowerCase()}`.trim().replace(/ of$/, '');
    out.push({
      key: `qty:${phrase}`,
      value: `${phrase}${countNoun ? ` of ${countNoun}` : ''}`,
      mention: m[0].trim(),
      at: m.index!,
      sentence: s,
      confidence: nounNear(end) ? 1 : 0.45,
    });
  }
  return out;
}

const OTHERS = analyzeTerm('others');
/** What a count of a noun of the asked kind ("10,000 people" for "how many volunteers") counts against one of the noun asked. */
const SAME_KIND_FIT = 0.85;
/** From this size a number before "of the…" counts a share of a group ("6,000 of those"), not one of its members. */
const PARTITIVE_COUNT = 100;

/**
 * A sentence's noun counts what the question counts when it names a kind of it ("voters" for
 * people) or the question's noun is a kind of it ("individuals" for officials).
 */
function sameKind(word: string, countNoun: string): boolean {
  if (word.length < 3 || /^\p{Lu}/u.test(word)) return false;
  // "how many people work there?" answered by "employs 76,200 staff": a body of people counts its people.
  if (GENERIC_COUNTED.has(countNoun.toLowerCase()) && (word.toLowerCase() === 'personnel' || isKindOf(word, 'personnel'))) return true;
  return isKindOf(word, countNoun) || isKindOf(countNoun, word);
}

/** A percentage sign or word right after a number. */
const PERCENT_AFTER = /^\s*(%|percent\b|per cent\b|pc\b|percentage points?\b)/i;
/** "the fourth time" is the fourth of four. */
const ORDINAL_TIME = new RegExp(`\\bthe (${ORDINAL_WORDS.join('|')}|\\d+(?:st|nd|rd|th)) time\\b`, 'gi');
/** A unit of measure right after a number ("1.8GB", "300 miles", "7.5 tonnes"), kept in the answer. */
const MEASURE_UNIT =
  /^\s?(?:[KMGT]B|gigabytes?|megabytes?|terabytes?|km|kilomet(?:re|er)s?|miles?|mph|km\/h|kg|kilograms?|tonnes?|tons?|met(?:re|er)s?|feet|ft|litres?|liters?|barrels?|acres?|hectares?|square (?:miles|kilomet(?:re|er)s|feet|met(?:re|er)s))\b/;
/** Text ending inside parentheses: an amount there converts the one before ("200,000 yuan ($24,000; £12,700)"). */
const INSIDE_PARENTHESES = /\([^()]*$/;
/** A currency named after a number ("19,800 yen", "260.75bn roubles"). */
/** Pence written on a number: "9p" (not "9pm"). */
const PENCE_AFTER = /^p\b/;
const CURRENCY_AFTER = /^\s*(dollars|euros|pounds|sterling|pence|cents|yen|yuan|roubles|rubles|rupees|francs|marks|lire|pesos|krona|kronor|won|usd|eur|gbp)\b/i;
const GENERIC_COUNTED = new Set(['people', 'persons', 'men', 'women', 'children', 'civilians', 'victims', 'individuals']);

function mentionsNoun(text: string, slot: Slot): boolean {
  return (text.match(/[\p{L}-]+/gu) ?? []).some((w) => slot.terms.has(analyzeTerm(w) ?? ''));
}
