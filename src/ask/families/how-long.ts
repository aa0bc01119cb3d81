import { extractDurations } from '../extract/duration.ts';
import type { Family } from './family.ts';

/** "how long has Barclays been around?", "how long have they existed?": a time ago answers it. */
const SINCE_THEN = /\bhow long (?:has|have)\b/i;

/** "how often is it updated?", "how long does it go between refreshes?": a frequency answers it. */
const INTERVAL = /\bhow (?:often|frequently)\b|\bhow long\b.*\bbetween\b/i;

/** "How long…" questions: durations ("for 50 minutes", "a four-day tour", "just under an hour"). */
export const howLong: Family = {
  name: 'how_long',
  detect: [
    {
      order: 60,
      test: (lower) =>
        /\b(how long|for how long|how often|how frequently|how quickly|duration|length of time|how many (seconds|minutes|hours|days|weeks|months|years)|how much (?:[a-z]+ )?time)\b|\b(?:over|for|during|in) what (?:period|stretch|length|span)\b/.test(
          lower,
        ),
    },
  ],
  echoWords: ['how long'],
  asking: (word) => word === 'long' || word === 'duration' || word === 'quickly' || word === 'time',
  cues: ['minutes', 'hour', 'lasted', 'long'],
  typed: true,
  minRelevance: 0.45,
  conflicts: true,
  extract: ({ q, sentences }) => {
    const sinceThen = SINCE_THEN.test(q.text);
    const interval = INTERVAL.test(q.text);
    return sentences.flatMap((s) => extractDurations(s, sinceThen, interval));
  },
};
