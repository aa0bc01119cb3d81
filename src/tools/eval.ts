import path from 'node:path';
import { z } from 'zod';
import type { Answer, AnswerStatus } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { answerQuestion, notFoundAnswer } from '../ask/answer.ts';
import { validateQuestion } from '../ask/input.ts';
import { readJsonFile } from './read-json.ts';

/**
 * Evaluation of the ask pipeline against question sets with expected answers: each question passes
 * when the status is one of those allowed, the answer contains an expected value, and the citations
 * include the evidence it must cite. Scores are reported per question family.
 */

const statusSchema = z.enum(['answered', 'conflicting', 'not_found']);

/** One question of a set and what its answer must show. */
const evalQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  family: z.string(),
  expect: z.object({
    /** Allowed statuses. */
    status: z.array(statusSchema).min(1),
    /** The answer must contain one of these (case-insensitive). */
    answer: z.array(z.string()).optional(),
    /** Sources that must all be among the citations. */
    cite: z.array(z.string()).optional(),
    /** At least this many citations. */
    minCitations: z.number().int().nonnegative().optional(),
  }),
});

/** A question set over one corpus. */
const evalSetSchema = z.object({
  name: z.string(),
  /** Corpus folder, relative to the set file's project root (the folder holding package.json). */
  corpus: z.string(),
  questions: z.array(evalQuestionSchema).min(1),
});

/** A parsed question set. */
export type EvalSet = z.infer<typeof evalSetSchema>;
/** One parsed question. */
type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** The outcome of one question. */
interface EvalOutcome {
  id: string;
  family: string;
  question: string;
  pass: boolean;
  /** Why it failed (empty when it passed). */
  problems: string[];
  answer: Answer;
}

/** Scores of a set: overall and per family. */
export interface EvalReport {
  name: string;
  total: number;
  passed: number;
  score: number;
  families: Record<string, { total: number; passed: number; score: number }>;
  outcomes: EvalOutcome[];
}

/**
 * Reads a question set file.
 * @throws NewsdeskError INPUT_INVALID naming the file and the first problem
 */
export function readEvalSet(file: string): EvalSet {
  return readJsonFile(file, evalSetSchema, 'question set');
}

/**
 * Runs every question of a set against an index (each question on its own, no conversation).
 * @example runEval(index, readEvalSet('test/fixtures/qa/ukraine-call-2021.json')).score // 0.95
 */
export function runEval(index: CorpusIndex, set: EvalSet): EvalReport {
  const outcomes = set.questions.map((q) => judge(q, ask(index, q.question)));
  const families: EvalReport['families'] = {};
  for (const o of outcomes) {
    const f = (families[o.family] ??= { total: 0, passed: 0, score: 0 });
    f.total++;
    if (o.pass) f.passed++;
  }
  for (const f of Object.values(families)) f.score = f.passed / f.total;
  const passed = outcomes.filter((o) => o.pass).length;
  return { name: set.name, total: outcomes.length, passed, score: passed / outcomes.length, families, outcomes };
}

/** Resolves a set's corpus folder against the project root. */
export function evalCorpusDir(set: EvalSet, projectRoot: string): string {
  return path.resolve(projectRoot, set.corpus);
}

function ask(index: CorpusIndex, question: string): Answer {
  const input = validateQuestion(question);
  if (!input.ok) return notFoundAnswer(question);
  return answerQuestion(index, input.question).answer;
}

function judge(q: EvalQuestion, answer: Answer): EvalOutcome {
  const problems: string[] = [];
  const e = q.expect;
  if (!e.status.includes(answer.status as AnswerStatus)) problems.push(`status ${answer.status}, expected ${e.status.join(' or ')}`);
  if (e.answer && !e.answer.some((v) => (answer.answer ?? '').toLowerCase().includes(v.toLowerCase()))) {
    problems.push(`answer ${JSON.stringify(answer.answer)}, expected one of ${JSON.stringify(e.answer)}`);
  }
  const cited = new Set(answer.citations.map((c) => c.source));
  for (const source of e.cite ?? []) if (!cited.has(source)) problems.push(`does not cite ${source}`);
  if (e.minCitations !== undefined && answer.citations.length < e.minCitations)
    problems.push(`${answer.citations.length} citations, expected at least ${e.minCitations}`);
  return { id: q.id, family: q.family, question: q.question, pass: problems.length === 0, problems, answer };
}
