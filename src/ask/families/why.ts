import { clusterStatements } from '../corroborate.ts';
import { extractExplanations } from './sentence-answers.ts';
import type { Family } from './family.ts';

/** "Why…" questions: the sentence that gives the reason, quoted whole. */
export const why: Family = {
  name: 'why',
  detect: [
    {
      order: 30,
      test: (lower) =>
        /^(why|how come)\b|\b(what|which)(?:'s|’s| was| is| were| are) the (reason|reasons|motive|purpose|cause)\b|\bfor what reason\b|^what (caused|prompted|led to|made)\b/.test(
          lower,
        ),
    },
  ],
  typed: false,
  minRelevance: 0.45,
  conflicts: false,
  extract: ({ sentences }) => extractExplanations(sentences, 'why'),
  regroup: clusterStatements,
};
