import { extractClockTimes } from './clock-time.ts';
import type { Family } from './family.ts';

/** "What time…" questions: clock times, grouped by the minute they name. */
export const whatTime: Family = {
  name: 'what_time',
  detect: [{ order: 40, test: (lower) => /\b(what|which) time\b/.test(lower) }],
  asking: (word) => word === 'time',
  typed: true,
  minRelevance: 0.6,
  conflicts: true,
  extract: ({ sentences }) => sentences.flatMap((s) => extractClockTimes(s)),
};
