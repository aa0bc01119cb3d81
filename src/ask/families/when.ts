import { extractDates, resolveWeekdays } from '../extract/when.ts';
import type { Candidate } from '../extract/candidate.ts';
import type { Family } from './family.ts';

/** What a bare weekday ("on Friday") counts when the coverage also gives calendar dates. */
const BARE_WEEKDAY_FACTOR = 0.7;

/**
 * A calendar date answers "when" better than a bare weekday: a weekday no date was matched to counts
 * less once any candidate is a date.
 */
function preferDates(candidates: Candidate[]): Candidate[] {
  if (!candidates.some((c) => !c.key.startsWith('weekday:'))) return candidates;
  return candidates.map((c) => (c.key.startsWith('weekday:') ? { ...c, confidence: c.confidence * BARE_WEEKDAY_FACTOR } : c));
}

/** "When…" questions: dates, weekdays resolved against the article's date, calendar dates first. */
export const when: Family = {
  name: 'when',
  detect: [
    { order: 50, test: (lower) => /\bhow long ago\b/.test(lower) },
    {
      order: 80,
      test: (lower) =>
        /^(when|since when|until when)\b|\b(what|which) (date|day|time|year|month|week)\b|\bwhat(?:'s|’s| is| was) the (date|deadline|day)\b|\bwhen (is|was|are|were|did|does|do|will|would)\b/.test(
          lower,
        ),
    },
  ],
  echoWords: ['when'],
  // "what date…", "which year…", "what day of the week…": the words that ask for the date name nothing in the coverage.
  asking: (word, lower) => /^(?:date|day|year|month|week)$/.test(word) && new RegExp(`\\b(?:what|which) (?:day of the )?${word}\\b`).test(lower),
  cues: ['scheduled', 'date'],
  typed: true,
  conflicts: true,
  extract: ({ q, sentences }) => preferDates(resolveWeekdays(sentences.flatMap((s) => extractDates(s, /\bwhat time\b/i.test(q.text))))),
};
