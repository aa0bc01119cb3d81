import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from '../extract/candidate.ts';

/**
 * "What time…" questions: clock times as the coverage writes them ("9:20 p.m.", "21:20", "2300 GMT",
 * "11pm", "midnight"), grouped by the minute they name (12-hour and 24-hour forms agree).
 */

const CLOCK =
  /\b(?:(\d{1,2})[:.](\d{2})\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)?(?:\s*(?:GMT|BST|CET|UTC|ET|EST|local time|local))?|(\d{1,2})\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)|([01]\d|2[0-3])([0-5]\d)\s*(?:GMT|BST|CET|UTC|hours|hrs|local time)|(midnight|noon|midday))/gi;

/**
 * Clock times in a sentence.
 * @example extractClockTimes(sentence('The first blast was heard at 9:20 p.m.'))[0].value // '9:20 p.m.'
 */
export function extractClockTimes(s: ScoredSentence): Candidate[] {
  const out: Candidate[] = [];
  let previousEnd = -1;
  for (const m of s.text.matchAll(CLOCK)) {
    const minutes = minuteOfDay(m);
    if (minutes === null) continue;
    const value = m[0].trim();
    // "from 1700 local time (0100 GMT)": the same moment in another zone, not a second time.
    const converted = previousEnd >= 0 && /^\s*\(\s*$/.test(s.text.slice(previousEnd, m.index));
    previousEnd = m.index + m[0].length;
    if (converted) continue;
    out.push({
      key: `time:${minutes}`,
      value,
      mention: value,
      at: m.index,
      sentence: s,
      confidence: 1,
    });
  }
  return out;
}

function minuteOfDay(m: RegExpMatchArray): number | null {
  if (m[8]) return /midnight/i.test(m[8]) ? 0 : 720;
  if (m[6] && m[7]) return Number(m[6]) * 60 + Number(m[7]);
  const hour = Number(m[1] ?? m[4]);
  const minute = Number(m[2] ?? 0);
  const half = (m[3] ?? m[5] ?? '').toLowerCase();
  if (hour > 23 || minute > 59) return null;
  // "3.45" alone is a decimal ("$3.45bn"), not a time: a dotted time needs am/pm or a zone.
  if (m[1] !== undefined && !half && !m[0].includes(':') && !/GMT|BST|CET|UTC|ET|EST|local/i.test(m[0])) return null;
  const pm = half.startsWith('p');
  const am = half.startsWith('a');
  const h = am && hour === 12 ? 0 : pm && hour < 12 ? hour + 12 : hour;
  return h * 60 + minute;
}
