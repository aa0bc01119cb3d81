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
  conflicts: false,
  extract: ({ sentences }) => extractExplanations(sentences, 'why'),
  regroup: clusterStatements,
  // A sentence that states its reason outright ("Because the family does not own the copyright…")
  // answers though it words less of the question (0.55, not 0.6: chosen on the dev and val stories).
  answerRelevance: (winner) => (winner.confidence >= 1 ? STATED_REASON_RELEVANCE : null),
};

/** The bar for a sentence that gives its reason outright. */
const STATED_REASON_RELEVANCE = 0.55;
