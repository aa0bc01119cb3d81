import type { CorpusIndex } from '../index/corpus-index.ts';
import type { QuestionFamily } from '../ask/parsed-question.ts';
import { answerWithTrace, barWithRelief } from '../ask/answer.ts';
import { familyOf } from '../ask/families/registry.ts';
import { validateQuestion } from '../ask/input.ts';
import { judgeBankAnswer, type BankQuestion } from './question-bank.ts';

/**
 * Calibration of the families' bars (`minRelevance`): how much of the question the best evidence
 * must cover before a family answers. Every question of the tuning stories (dev and val, never test) is
 * asked with the gate open; its answer is judged, and each bar of a grid is scored as if it had
 * gated: an answer below the bar becomes not_found, which is right only for an unanswerable question.
 * Each family's best bar is the highest of those that pass most questions, so a tie keeps the answers
 * that are surer.
 */

/** The bars tried: from the relevance the extractors read from (0.45) to well above it. */
export const BAR_GRID: readonly number[] = [0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/** What one question tells the calibration. */
export interface CalibrationPoint {
  /** The family the pipeline routed the question to (its bar is the one that gates it). */
  family: QuestionFamily;
  answerable: boolean;
  /** Whether the answer given with the gate open passes. */
  right: boolean;
  /** The winning evidence's relevance (null: nothing was read, so the answer is not_found at any bar). */
  relevance: number | null;
  /** The lower bar a reading lets this answer from, whatever the family's (see answer.ts). */
  relief: number | null;
}

/**
 * Asks one bank question with the gate open and judges the answer.
 * @returns null for a question the chat input would refuse (it never reaches a family)
 */
export function calibrationPoint(index: CorpusIndex, q: BankQuestion): CalibrationPoint | null {
  const input = validateQuestion(q.question);
  if (!input.ok) return null;
  const { result, trace } = answerWithTrace(index, input.question, { ungated: true });
  return {
    family: trace.family,
    answerable: q.family !== 'unanswerable',
    right: judgeBankAnswer(q, result.answer).pass,
    relevance: trace.winner?.relevance ?? null,
    relief: trace.winner?.relief ?? null,
  };
}

/** Whether a question passes when its family's bar is `bar`. */
export function passesAt(point: CalibrationPoint, bar: number): boolean {
  const answers = point.relevance !== null && point.relevance >= barWithRelief(bar, point.relief);
  return answers ? point.right : !point.answerable;
}

/** One family's calibration. */
export interface FamilyCalibration {
  family: QuestionFamily;
  questions: number;
  /** Questions passed at each bar of {@link BAR_GRID}, in its order. */
  passed: number[];
  /** The highest bar among those that pass most. */
  best: number;
  /** The family's bar now. */
  current: number;
}

/**
 * Scores every bar of the grid for every family the points were routed to, families by name.
 * @example calibrate(points).find((c) => c.family === 'when')?.best // 0.45
 */
export function calibrate(points: readonly CalibrationPoint[]): FamilyCalibration[] {
  const families = [...new Set(points.map((p) => p.family))].sort();
  return families.map((family) => {
    const own = points.filter((p) => p.family === family);
    const passed = BAR_GRID.map((bar) => own.filter((p) => passesAt(p, bar)).length);
    const most = Math.max(...passed);
    const best = Math.max(...BAR_GRID.filter((_, i) => passed[i] === most));
    return { family, questions: own.length, passed, best, current: familyOf(family).minRelevance };
  });
}
