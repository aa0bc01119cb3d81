import { clusterStatements } from '../corroborate.ts';
import { extractExplanations } from './sentence-answers.ts';
import type { Family } from './family.ts';

/**
 * "How did they identify him?", "how is Sony pitching it?": the sentence that gives the manner or
 * means, quoted whole (not "how many / much / long / big", families of their own that are tried first).
 */
export const how: Family = {
  name: 'how',
  detect: [
    {
      order: 110,
      test: (lower) => /^how (did|does|do|is|was|were|are|has|have|had|will|would|can|could|might|may|should|must)\b/.test(lower),
    },
  ],
  typed: false,
  minRelevance: 0.45,
  conflicts: false,
  extract: ({ sentences }) => extractExplanations(sentences, 'how'),
  regroup: clusterStatements,
};
