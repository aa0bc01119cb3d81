import type { ScoredSentence } from '../retrieve.ts';

/**
 * The shape every extractor produces: a typed value found in a sentence, with a grouping key so that
 * equivalent values from different outlets ("50 minutes", "50-minute call") count together.
 */

/** A value found in a sentence. */
export interface Candidate {
  /** Grouping key: equal keys are the same claim. */
  key: string;
  /** How the value is shown in the answer. */
  value: string;
  /** The words of the sentence that carry the value (verbatim). */
  mention: string;
  /** Offset of the mention in the sentence, when the extractor knows it. */
  at?: number;
  sentence: ScoredSentence;
  /** How sure the extractor is that this is an answer of the right kind, 0–1. */
  confidence: number;
  /** For a person: the country the coverage says they belong to, to group "Putin" with "Russia". */
  affiliation?: string | null;
  /** For a date whose year is known: its weekday, to group "Friday" with "November 13, 2015". */
  weekday?: string;
}

/**
 * Score of a candidate: relevance of its sentence times the extractor's confidence, with a slight
 * preference for what an article says early (news puts the main facts first).
 */
export function candidateScore(c: Candidate): number {
  const position = 1 - Math.min(0.15, c.sentence.passage.ordinal * 0.01);
  return c.sentence.relevance * c.confidence * position;
}
