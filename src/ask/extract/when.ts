import * as chrono from 'chrono-node';
import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from './candidate.ts';

/**
 * Dates and days, read with chrono-node: it understands the many ways news copy writes a date
 * ("Jan. 10", "January 10", "on Thursday", "two days later", "next month") and resolves relative ones
 * against the article's own date — better than any hand-written pattern list. A date is keyed by the
 * calendar day it names (month and day), so "Jan. 10" and "January 10, 2022" agree.
 */

/** Cheap test before running chrono: the sentence mentions a month, a weekday, a year or a relative day. */
const DATE_HINT = /\b(january|february|march|april|june|july|august|september|october|november|december)\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(19|20)\d{2}\b|\b(today|yesterday|tomorrow|tonight)\b|\b(next|last) (week|month|year)\b|\b\d{1,2}\/\d{1,2}\b/i;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Finds dates in a sentence.
 * @param wantTime - keep clock times too ("what time…" questions)
 * @example extractDates(sentence('… security talks on January 10.'))[0].value // 'January 10, 2022' (with an article dated 2021-12-31)
 */
export function extractDates(s: ScoredSentence, wantTime = false): Candidate[] {
  if (!DATE_HINT.test(s.text)) return [];
  const reference = s.article.published ? new Date(`${s.article.published}T12:00:00Z`) : undefined;
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(s.text, reference ?? new Date(0), { forwardDate: false });
  } catch {
    return [];
  }
  const out: Candidate[] = [];
  for (const r of results) {
    const c = r.start;
    const known = (k: chrono.Component): boolean => c.isCertain(k);
    const hasDay = known('day') && known('month');
    const hasWeekday = known('weekday');
    const hasMonth = known('month');
    const hasYear = known('year');
    if (!hasDay && !hasWeekday && !hasMonth && !hasYear && !/\b(today|yesterday|tomorrow|tonight|week|month|year)\b/i.test(r.text)) {
      if (!(wantTime && known('hour'))) continue;
    }
    const date = c.date();
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth();
    const d = date.getUTCDate();
    const resolved = hasDay || ((hasWeekday || /\b(today|yesterday|tomorrow|tonight)\b/i.test(r.text)) && reference !== undefined);
    let key: string;
    let value: string;
    if (resolved) {
      const yearKnown = hasYear || reference !== undefined;
      key = `date:${mo + 1}-${d}`;
      value = `${MONTHS[mo]} ${d}${yearKnown ? `, ${y}` : ''}`;
      if (hasWeekday && !hasDay) value = `${WEEKDAYS[date.getUTCDay()]}, ${value}`;
    } else if (hasWeekday) {
      key = `weekday:${WEEKDAYS[c.get('weekday') ?? 0]}`;
      value = WEEKDAYS[c.get('weekday') ?? 0]!;
    } else if (hasMonth) {
      key = `month:${hasYear ? y : 'y'}-${mo + 1}`;
      value = `${MONTHS[mo]}${hasYear ? ` ${y}` : ''}`;
    } else if (hasYear) {
      key = `year:${y}`;
      value = String(y);
    } else {
      key = `when:${r.text.toLowerCase().trim()}`;
      value = r.text.trim();
    }
    if (wantTime && known('hour')) {
      const time = `${String(c.get('hour')).padStart(2, '0')}:${String(c.get('minute') ?? 0).padStart(2, '0')}`;
      key += `@${time}`;
      value += ` ${time}`;
    }
    out.push({ key, value, mention: r.text.trim().replace(/[,.]$/, ''), sentence: s, confidence: hasDay ? 1 : hasWeekday ? 0.8 : 0.6 });
  }
  return out;
}
