import { NewsdeskError } from '../errors.ts';

/**
 * Reads the `--since` of `newsdesk digest`: an ISO date ("2026-11-22", midnight UTC) or date and time
 * ("2026-11-22T18:00", local time unless a zone is given: "2026-11-22T18:00Z").
 */

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO date or date-time.
 * @throws NewsdeskError INPUT_INVALID when the text is not an ISO date or date-time
 * @example parseSince('2026-11-22').toISOString() // '2026-11-22T00:00:00.000Z'
 */
export function parseSince(text: string): Date {
  const t = text.trim();
  const ms = ISO.test(t) ? Date.parse(t.replace(' ', 'T')) : NaN;
  if (Number.isNaN(ms)) {
    throw new NewsdeskError(`--since must be an ISO date or date and time (2026-11-22 or 2026-11-22T08:00Z), not “${text}”.`, 'INPUT_INVALID');
  }
  return new Date(ms);
}
