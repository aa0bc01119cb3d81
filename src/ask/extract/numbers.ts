import { APPROXIMATORS, BOUNDING_APPROXIMATORS, MULTIPLIERS, NUMBER_WORDS } from '../lexicon.ts';

/**
 * Reading amounts written in news copy: "100,000", "1.5 million", "fifty", "twenty-five", "fifty nine", with the
 * qualifier before them ("around", "more than", "just under").
 */

/** Alternation of approximators, longest first, for regular expressions. */
export const APPROX_PATTERN = [...APPROXIMATORS]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/ /g, '\\s+'))
  .join('|');

/** A number written in digits or words (group 1), as a regular expression source. */
export const NUMBER_PATTERN = `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:${Object.keys(NUMBER_WORDS)
  .filter((w) => w.length > 2)
  .join(
    '|',
  )})(?:-(?:one|two|three|four|five|six|seven|eight|nine)|(?<=(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\\s+(?:one|two|three|four|five|six|seven|eight|nine))?(?![\\p{L}]))(?:\\s*(million|billion|trillion|thousand|hundred|bn|m)\\b)?`;

/**
 * The value of a number written in digits or words with an optional multiplier.
 * @example parseAmount('1.5', 'million') // 1500000
 * @example parseAmount('twenty-five') // 25
 * @example parseAmount('fifty nine') // 59
 */
export function parseAmount(text: string, multiplier?: string): number | null {
  const t = text.toLowerCase().replace(/,/g, '');
  let value: number;
  if (/^\d+(\.\d+)?$/.test(t)) value = Number(t);
  else {
    const parts = t.split(/[-\s]+/);
    value = 0;
    for (const p of parts) {
      const n = NUMBER_WORDS[p];
      if (n === undefined) return null;
      value += n;
    }
  }
  if (multiplier) value *= MULTIPLIERS[multiplier.toLowerCase()] ?? 1;
  return value;
}

/** Normalises a qualifier ("More  than" → "more than"), or null when there is none. */
export function normalizeQualifier(q: string | undefined): string | null {
  if (!q) return null;
  return q.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when a qualifier makes a different claim from the bare amount ("more than", "just under"). */
export function isBounding(qualifier: string | null): boolean {
  return qualifier !== null && BOUNDING_APPROXIMATORS.has(qualifier);
}

/** 100000 → "100,000". */
export function formatAmount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}
