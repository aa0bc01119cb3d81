import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/digest/parse-since.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { isValidTimezone, parseTimeOfDay } from '../../src/schedule/local-time.ts';

describe('reading user input for digests (property tests)', () => {
  it('parseTimeOfDay returns a valid HH:MM or null for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const t = parseTimeOfDay(text);
        if (t !== null) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }),
      { numRuns: 500 },
    );
  });

  it('parseTimeOfDay reads every HH:MM back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const t = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(parseTimeOfDay(t)).toBe(t);
      }),
    );
  });

  it('parseSince gives a valid date or a NewsdeskError for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        try {
          expect(Number.isNaN(parseSince(text).getTime())).toBe(false);
        } catch (err) {
          expect(isNewsdeskError(err, 'INPUT_INVALID')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('isValidTimezone never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => typeof isValidTimezone(text) === 'boolean'),
      { numRuns: 300 },
    );
  });
});
