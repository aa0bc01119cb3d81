import * as chrono from 'chrono-node';
import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from './candidate.ts';
import { MONTHS, WEEKDAYS } from '../lexicon.ts';

/**
 * Dates and days, read with chrono-node: it understands the many ways news copy writes a date
 * ("Jan. 10", "January 10", "on Thursday", "two days later", "next month") and resolves relative ones
 * against the article's own date — better than any hand-written pattern list. A date is keyed by the
 * calendar day it names (month and day), so "Jan. 10" and "January 10, 2022" agree.
 */

/** Month names but "May", which is mostly the verb. */
const UNAMBIGUOUS_MONTHS = MONTHS.filter((m) => m !== 'May');
const MONTH_STARTS = MONTHS.map((m) => m.slice(0, 3));
/** Cheap test before running chrono: the sentence mentions a month, a weekday, a year or a relative day. */
const DATE_HINT = new RegExp(
  [
    `\\b(${UNAMBIGUOUS_MONTHS.join('|')})\\b`,
    // "Dec. 30", "Sept 9"
    `\\b(${MONTH_STARTS.join('|')})[a-z]*\\.?\\s+\\d`,
    // "30 Dec"
    `\\b\\d{1,2}\\s+(${MONTH_STARTS.join('|')})`,
    `\\b(${WEEKDAYS.join('|')})\\b`,
    '\\b(19|20)\\d{2}\\b',
    '\\b(today|yesterday|tomorrow|tonight)\\b',
    '\\b(next|last) (week|month|year)\\b',
    '\\b\\d{1,2}\\/\\d{1,2}\\b',
  ].join('|'),
  'i',
);

/** "May" as the month: after a preposition of time or beside a day's number ("expected in May", "30 May"), capitalised. */
const MAY_MONTH = /\b(?:in|by|since|until|from|during|early|late|mid|next|last|this|of)\s+May\b|\bMay\s+\d|\d\s+May\b/;

/** A season the text names as a time ("by this summer", "next spring", "the winter of 2004"). */
const SEASON = /\b(?:(this|next|last)\s+(summer|spring|autumn|fall|winter)|(summer|spring|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d{2}))\b/gi;

/** Seasons as weak dates: chrono reads none, and "by this summer" answers "by when…". */
function extractSeasons(s: ScoredSentence): Candidate[] {
  return [...s.text.matchAll(SEASON)].map((m) => {
    const season = (m[2] ?? m[3])!.toLowerCase().replace('fall', 'autumn');
    const which = m[1]?.toLowerCase() ?? m[4]!;
    return { key: `season:${which}-${season}`, value: m[0], mention: m[0], at: m.index!, sentence: s, confidence: 0.6 };
  });
}

/** A month, a weekday or a year the text itself names. */
const NAMED_DAY = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:19|20)\d{2}\b/i;
/** A day told relative to the article's own ("today", "yesterday", "tomorrow", "tonight"). */
const RELATIVE_DAY = /\b(?:today|yesterday|tomorrow|tonight)\b/i;
/** A date the text names: a month, weekday or year, a relative day, or "13/11". */
const EXPLICIT_DATE = new RegExp(`${NAMED_DAY.source}|${RELATIVE_DAY.source}|\\b\\d{1,2}\\/\\d{1,2}\\b`, 'i');
/** A bare year after a preposition ("in 2014"), which chrono leaves alone. */
const YEAR = /\b(?:in|since|from|by|until|of|during|early|late|mid)\s+((?:19|20)\d{2})\b(?!\s*[-–]?\s*\d)/gi;

/**
 * Finds dates in a sentence.
 * @param wantTime - keep clock times too ("what time…" questions)
 * @example extractDates(sentence('… security talks on January 10.'))[0].value // 'January 10, 2022' (with an article dated 2021-12-31)
 */
export function extractDates(s: ScoredSentence, wantTime = false): Candidate[] {
  const out: Candidate[] = extractSeasons(s);
  if (!DATE_HINT.test(s.text) && !MAY_MONTH.test(s.text)) return out;
  const reference = s.article.published ? new Date(`${s.article.published}T12:00:00Z`) : undefined;
  const results = parseDates(s.text, reference);
  for (const m of s.text.matchAll(YEAR)) {
    if (results.some((r) => r.index <= m.index! + m[0].length && r.index + r.text.length >= m.index!)) continue;
    out.push({
      key: `year:${m[1]}`,
      value: m[1]!,
      mention: m[1]!,
      at: m.index!,
      sentence: s,
      confidence: 0.7,
    });
  }
  for (const r of results) {
    const c = r.start;
    const known = (k: chrono.Component): boolean => c.isCertain(k);
    const hasDay = known('day') && known('month');
    const hasWeekday = known('weekday');
    const hasMonth = known('month');
    const hasYear = known('year');
    // Only what the text itself names: a month, a weekday, a year or a relative day. "The past two
    // months" resolves to a date, but it is not one the article gives.
    if (!EXPLICIT_DATE.test(r.text) && !(wantTime && known('hour'))) continue;
    // "Today programme", "said yesterday" in an article without a date: a day relative to nothing
    // (chrono would count it from 1 January 1970).
    if (reference === undefined && RELATIVE_DAY.test(r.text) && !NAMED_DAY.test(r.text)) continue;
    const date = c.date();
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth();
    const d = date.getUTCDate();
    const resolved = hasDay || ((hasWeekday || RELATIVE_DAY.test(r.text)) && reference !== undefined);
    let key: string;
    let value: string;
    if (resolved) {
      const yearKnown = hasYear || reference !== undefined;
      key = `date:${mo + 1}-${d}`;
      // As the coverage writes its dates: "7 March 2003" in British copy, "March 7, 2003" in American.
      value = dayFirst(r.text, s.article.text) ? `${d} ${MONTHS[mo]}${yearKnown ? ` ${y}` : ''}` : `${MONTHS[mo]} ${d}${yearKnown ? `, ${y}` : ''}`;
      if (hasWeekday && !hasDay) value = `${WEEKDAYS[date.getUTCDay()]}, ${value}`;
    } else if (hasWeekday) {
      key = `weekday:${WEEKDAYS[c.get('weekday') ?? 0]}`;
      value = WEEKDAYS[c.get('weekday') ?? 0]!;
    } else if (hasMonth) {
      key = `month:${hasYear ? y : 'y'}-${mo + 1}`;
      value = `${partOf(s.text, r.index)}${MONTHS[mo]}${hasYear ? ` ${y}` : ''}`;
    } else if (hasYear) {
      key = `year:${y}`;
      value = `${partOf(s.text, r.index)}${y}`;
    } else {
      key = `when:${r.text.toLowerCase().trim()}`;
      value = r.text.trim();
    }
    if (wantTime && known('hour')) {
      const time = `${String(c.get('hour')).padStart(2, '0')}:${String(c.get('minute') ?? 0).padStart(2, '0')}`;
      key += `@${time}`;
      value += ` ${time}`;
    }
    const kind = hasDay ? 1 : hasWeekday ? 0.8 : 0.6;
    const weekday = resolved && (hasYear || reference !== undefined) ? WEEKDAYS[date.getUTCDay()] : undefined;
    out.push({
      key,
      value,
      mention: r.text.trim().replace(/[,.]$/, ''),
      at: r.index,
      sentence: s,
      confidence: kind,
      ...(weekday ? { weekday } : {}),
    });
  }
  return out;
}

/** "late November", "early 2005", "mid-March": the part of a month or year the text gives before it. */
const PART_OF_PERIOD = /\b(early|late|mid|the end of|the start of|the beginning of|the middle of)[\s-]+(?:in\s+)?$/i;

/** The part of a month or a year the text names before the mention at `at` ("late "), or "". */
function partOf(text: string, at: number): string {
  const m = PART_OF_PERIOD.exec(text.slice(Math.max(0, at - 20), at));
  return m ? `${m[1]!.toLowerCase()}${m[1]!.toLowerCase() === 'mid' ? '-' : ' '}` : '';
}

/** A day number before a month name ("7 March", "13th of March"). */
const DAY_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS.join('|')})\\b`, 'g');
/** A month name before a day number ("March 7", "Dec. 7"). */
const MONTH_DAY = new RegExp(`\\b(?:${MONTHS.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)\\s+\\d{1,2}\\b`, 'g');

/**
 * Whether a date is shown day first: as its own text writes it, or when it names no day ("on
 * Monday"), as its article writes most of its dates. American style otherwise.
 */
function dayFirst(mention: string, articleText: string): boolean {
  const own = (mention.match(DAY_MONTH)?.length ?? 0) - (mention.match(MONTH_DAY)?.length ?? 0);
  if (own !== 0) return own > 0;
  let style = dayFirstArticles.get(articleText);
  if (style === undefined) {
    style = (articleText.match(DAY_MONTH)?.length ?? 0) > (articleText.match(MONTH_DAY)?.length ?? 0);
    if (dayFirstArticles.size >= PARSED_CACHE_LIMIT) dayFirstArticles.clear();
    dayFirstArticles.set(articleText, style);
  }
  return style;
}

const dayFirstArticles = new Map<string, boolean>();

const MONTH_STOP = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\.(?=\s+\d)/g;
const parsedCache = new Map<string, chrono.ParsedResult[]>();
const PARSED_CACHE_LIMIT = 5000;

/** chrono's reading of a sentence, cached: parsing is the slow step and the same sentences recur. */
function parseDates(raw: string, reference: Date | undefined): chrono.ParsedResult[] {
  // "scheduled for January. 13": a stray full stop after a month name hides the date from chrono.
  // Replaced by a space, so offsets stay those of the sentence.
  const text = raw.replace(MONTH_STOP, (m) => m.replace('.', ' '));
  const key = `${reference?.toISOString() ?? '-'}\u0000${text}`;
  const cached = parsedCache.get(key);
  if (cached) return cached;
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, reference ?? new Date(0), {
      forwardDate: false,
    });
  } catch {
    results = [];
  }
  if (parsedCache.size >= PARSED_CACHE_LIMIT) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(key, results);
  return results;
}

/**
 * Gives a bare weekday ("on Friday", in an article without a date) the calendar date that other
 * articles put on that weekday ("Friday, November 13, 2015"), so that they agree.
 */
export function resolveWeekdays(candidates: readonly Candidate[]): Candidate[] {
  const byWeekday = new Map<string, Map<string, Candidate>>();
  for (const c of candidates) {
    if (!c.weekday) continue;
    const dates = byWeekday.get(c.weekday) ?? new Map<string, Candidate>();
    if (!dates.has(c.key)) dates.set(c.key, c);
    byWeekday.set(c.weekday, dates);
  }
  return candidates.map((c) => {
    if (!c.key.startsWith('weekday:')) return c;
    const dates = byWeekday.get(c.value);
    if (dates?.size !== 1) return c;
    const date = [...dates.values()][0]!;
    return { ...c, key: date.key, value: date.value };
  });
}
