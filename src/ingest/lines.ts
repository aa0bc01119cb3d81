/**
 * Small classifiers for single lines of article text, shared by header extraction and boilerplate
 * removal. Each answers one question about one line; none knows any corpus.
 */

const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MONTH_INDEX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})(?!\\d)`, 'i');

/**
 * Finds the first calendar date written in a line (ISO, "December 30, 2021", "30 Dec 2021").
 * @returns the date as ISO `YYYY-MM-DD`, or null when the line holds none (or an impossible one)
 * @example findDate('Updated: December 30, 2021, 11:49 PM') // '2021-12-30'
 */
export function findDate(line: string): string | null {
  const iso = ISO_DATE.exec(line);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = MONTH_DAY_YEAR.exec(line);
  if (mdy) return isoDate(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
  const dmy = DAY_MONTH_YEAR.exec(line);
  if (dmy) return isoDate(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
  return null;
}

/**
 * True when a line is a standalone date stamp (" date 2021-12-31", "Updated: December 30, 2021, 11:49 PM",
 * "December 30, 2021International") rather than a sentence that mentions a date.
 */
export function isDateLine(line: string): boolean {
  if (line.length > 120 || findDate(line) === null) return false;
  const rest = line
    .replace(ISO_DATE, ' ')
    .replace(MONTH_DAY_YEAR, ' ')
    .replace(DAY_MONTH_YEAR, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?/gi, ' ')
    .replace(
      /\b(date|dated|updated|published|posted|last|modified|on|at|am|pm|gmt|utc|bst|cet|et|est|edt|pt|pst|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
      ' ',
    )
    .replace(/[|:,.·•()\-–—/]/g, ' ')
    .trim();
  const words = rest === '' ? [] : rest.split(/\s+/);
  return words.length <= 2;
}

/** True for "3 days ago", "2 hours ago" and similar relative time stamps. */
export function isRelativeTimeLine(line: string): boolean {
  return /^(about |updated |posted )?(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\.?$/i.test(line.trim());
}

/** True when the whole line is one URL (image links, bare links). */
export function isUrlLine(line: string): boolean {
  return /^(https?:\/\/|www\.)\S+$/i.test(line.trim());
}

/**
 * Reads a byline ("By Franco Ordoñez", "By Jane Doe and John Roe, Reuters").
 * @returns the author part, or null when the line is not a byline
 */
export function parseByline(line: string): string | null {
  const m = /^\s*by\s+(.+?)\s*$/i.exec(line);
  if (!m) return null;
  const name = m[1]!.replace(/[|·•].*$/, '').trim();
  const words = name.split(/\s+/);
  if (words.length > 10 || (/[.!?]["”’']?$/.test(name) && !/\b[A-Z]\.$/.test(name))) return null;
  if (!/^[\p{Lu}]/u.test(name)) return null;
  return name;
}

/** Number of whitespace-separated words in a line. */
export function wordCount(line: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** True when a line ends like a sentence (., !, ? or …, possibly followed by a closing quote or bracket). */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…:]["”’'»)\]]*\s*$/.test(line);
}

/**
 * True when a line reads as running prose: enough words, mostly lower-case words, and a sentence ending
 * or sheer length. Headlines, labels, names and counters are not prose.
 */
export function isProse(line: string): boolean {
  const words = wordCount(line);
  if (words >= 25) return true;
  if (words < 6) return false;
  return endsLikeSentence(line) && lowercaseWordShare(line) >= 0.3;
}

/** Share of a line's alphabetic words that start with a lower-case letter. */
function lowercaseWordShare(line: string): number {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return 0;
  return words.filter((w) => /^["“‘'(]?\p{Ll}/u.test(w)).length / words.length;
}

function monthNumber(name: string): number {
  return MONTH_INDEX[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
