import type { CorpusIndex } from '../../index/corpus-index.ts';
import type { ScoredSentence, Slot } from '../retrieve.ts';
import type { Candidate } from '../extract/candidate.ts';
import type { ParsedQuestion, QuestionFamily } from '../parsed-question.ts';

/**
 * What a question family is: how a question is recognised as one, what it asks about, how its
 * answers are read from sentences and whether different answers contradict each other. Each family is
 * one module of this folder; `registry.ts` lists them. A new family is a new module, its name in
 * {@link QuestionFamily} and a line in the registry.
 */

/**
 * One test that recognises a family. Tests of all families run in `order`, lowest first; the first
 * that holds decides ("how long ago", order 50, is a when question before "how long", order 60, is
 * tried). A question no test recognises is an `about` question.
 */
interface DetectRule {
  order: number;
  /** @param lower - the question lower-cased; @param original - as typed (case tells names apart) */
  test: (lower: string, original: string) => boolean;
}

/** What a family's extractor reads. */
interface FamilyInput {
  index: CorpusIndex;
  q: ParsedQuestion;
  slots: readonly Slot[];
  /** The readable sentences, most relevant first. */
  sentences: readonly ScoredSentence[];
}

/** A question family: detection, what it asks about, extraction and how its values compare. */
export interface Family {
  name: QuestionFamily;
  detect: readonly DetectRule[];
  /** A question word that ends the question and asks as this family ("…for where again?"). */
  echoWords?: readonly string[];
  /** The person, role or kind of thing the question asks about ("what did Putin say" → Putin). */
  entity?: (question: string) => string | null;
  /**
   * The entity is the kind of thing asked for ("which club…", "which prank outfit…"), which the
   * sentence that answers seldom names: a sentence need not hold it to answer from less of the question.
   */
  asksKind?: boolean;
  /**
   * The part of the question that only places what it asks about ("who is Ken Perkins, the guy quoted
   * on the Christmas sales?" → "the guy quoted on the Christmas sales"): its words weigh as a scene
   * clause's, since the coverage that answers need not repeat them.
   */
  scene?: (question: string) => string | null;
  /** Words that ask rather than name ("long" in "how long…"): left out of the question's focus. */
  asking?: (word: string, lowerQuestion: string) => boolean;
  /** Words that help find passages of the right kind ("minutes" for how long), searched at a low weight. */
  cues?: readonly string[];
  /** The answer is a typed value: one made only of the question's own words answers nothing. */
  typed: boolean;
  /**
   * How much of the question the winning sentence must cover for an answer, 0–1: below it, not_found
   * with the related passages. Chosen per family on the dev and val stories (`newsdesk eval --calibrate`).
   */
  minRelevance: number;
  /** Different values contradict each other (not for statements, descriptions or kinds of things). */
  conflicts: boolean;
  /** The question asked again about a name a pronoun stood for ("what did he say?" after "who is X?"). */
  reask?: (q: ParsedQuestion, name: string) => string;
  /** Candidate answers from the readable sentences. */
  extract: (input: FamilyInput) => Candidate[];
  /** Candidates regrouped before corroboration (one statement in several wordings, one country for its people). */
  regroup?: (candidates: Candidate[]) => Candidate[];
}
