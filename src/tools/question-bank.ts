import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Answer } from '../types.ts';
import { CorpusIndex } from '../index/corpus-index.ts';
import { listCorpusFiles, readArticleFile, readManifest } from '../ingest/corpus.ts';
import { answerQuestion, notFoundAnswer } from '../ask/answer.ts';
import { validateQuestion } from '../ask/input.ts';
import { readJsonFile } from './read-json.ts';

/**
 * The blind question bank (test/fixtures/qa/bank/{dev,val,test}/<story>.json): questions written from the
 * article text by people who never saw the pipeline, one file per story. Dev stories are for tuning;
 * test stories are frozen once committed and only measured. A question passes when:
 * - answerable: the status is answered or conflicting, the short answer contains one of the expected
 *   strings (case and accents ignored; typed answers must be short), and a citation quotes evidence
 *   (one of the evidence fragments or expected strings);
 * - unanswerable: the status is not_found.
 */

/** One bank question. Unanswerable questions have family "unanswerable" and no answer key. */
const bankQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  family: z.string(),
  answer: z.array(z.string().min(1)).optional(),
  evidence: z.array(z.string().min(1)).optional(),
  files: z.array(z.string()).optional(),
  kind: z.enum(['off_topic', 'absent']).optional(),
  note: z.string().optional(),
});

/** One story of the bank: its corpus (a folder, optionally a subset of its files) and questions. */
const bankStorySchema = z.object({
  story: z.string(),
  domain: z.string(),
  /** Corpus folder relative to the project root. */
  corpus: z.string(),
  /** When set, only these files of the folder (relative to it) make the corpus. */
  files: z.array(z.string()).optional(),
  questions: z.array(bankQuestionSchema).min(1),
});

/** A parsed bank story. */
export type BankStory = z.infer<typeof bankStorySchema>;
/** A parsed bank question. */
export type BankQuestion = z.infer<typeof bankQuestionSchema>;
/**
 * The parts of the bank: dev stories are tuned on; val stories decide between mechanisms that dev
 * alone cannot (a change that helps dev by undoing its own special cases); test stories are only
 * measured, never looked into.
 */
export type BankSplit = 'dev' | 'val' | 'test';

/** The splits in the order they are reported. */
export const BANK_SPLITS: readonly BankSplit[] = ['dev', 'val', 'test'];

/** Families whose answer is a typed value: the short answer must be a phrase, not a sentence. */
const TYPED_FAMILIES = new Set(['who', 'when', 'what_time', 'how_long', 'how_many', 'how_old', 'where']);
/** Longest short answer accepted for a typed family. */
const MAX_TYPED_ANSWER = 100;

/** The outcome of one bank question. */
export interface BankOutcome {
  id: string;
  family: string;
  question: string;
  answerable: boolean;
  pass: boolean;
  problems: string[];
  answer: Answer;
}

/** Counts over a set of outcomes. */
export interface BankScore {
  total: number;
  passed: number;
  /** passed / total. */
  score: number;
  /** Answers given (answered or conflicting), and how many of them were right. */
  answered: number;
  answeredRight: number;
  /** answeredRight / answered (1 when nothing was answered). */
  precision: number;
  /** Unanswerable questions, and how many got not_found. */
  unanswerable: number;
  abstained: number;
}

/** The report of one story. */
export interface BankStoryReport extends BankScore {
  story: string;
  split: BankSplit;
  domain: string;
  families: Record<string, BankScore>;
  outcomes: BankOutcome[];
}

/**
 * Reads a bank story file.
 * @throws NewsdeskError INPUT_INVALID naming the file and the first problem
 */
export function readBankStory(file: string): BankStory {
  return readJsonFile(file, bankStorySchema, 'question bank file');
}

/** The bank's story files of one split, sorted by name. */
export function bankFiles(bankDir: string, split: BankSplit): string[] {
  const dir = path.join(bankDir, split);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Builds the in-memory index of a story's corpus (the listed files only, when the story lists them).
 * @returns null when the corpus folder is not on this machine (the shared corpora live beside the project)
 */
export function openBankCorpus(story: BankStory, projectRoot: string): CorpusIndex | null {
  const dir = path.resolve(projectRoot, story.corpus);
  if (!fs.existsSync(dir)) return null;
  const wanted = story.files ? new Set(story.files) : null;
  const { manifest } = readManifest(dir);
  const index = new CorpusIndex();
  for (const file of listCorpusFiles(dir)) {
    if (wanted && !wanted.has(file.id)) continue;
    index.addArticles(readArticleFile(file, manifest[file.id] ?? {}).articles);
  }
  return index;
}

/**
 * Asks every question of a story (each on its own, no conversation) and judges the answers.
 * @example runBankStory(index, story, 'test').score // 0.8
 */
export function runBankStory(index: CorpusIndex, story: BankStory, split: BankSplit): BankStoryReport {
  const outcomes = story.questions.map((q) => judgeBankAnswer(q, askOnce(index, q.question)));
  const families: Record<string, BankScore> = {};
  for (const family of [...new Set(outcomes.map((o) => o.family))].sort()) families[family] = scoreOutcomes(outcomes.filter((o) => o.family === family));
  return { story: story.story, split, domain: story.domain, ...scoreOutcomes(outcomes), families, outcomes };
}

/** Judges one answer against its question's key. */
export function judgeBankAnswer(q: BankQuestion, answer: Answer): BankOutcome {
  const answerable = q.family !== 'unanswerable';
  const problems: string[] = [];
  if (!answerable) {
    if (answer.status !== 'not_found') problems.push(`answered ${JSON.stringify(answer.answer)} to an unanswerable question`);
  } else if (answer.status === 'not_found') {
    problems.push('not_found');
  } else {
    const expected = (q.answer ?? []).map(normalise);
    const given = normalise(answer.answer ?? '');
    if (!expected.some((e) => contains(given, e))) problems.push(`answer ${JSON.stringify(answer.answer)}, expected one of ${JSON.stringify(q.answer)}`);
    if (TYPED_FAMILIES.has(q.family) && (answer.answer ?? '').length > MAX_TYPED_ANSWER) problems.push(`answer longer than ${MAX_TYPED_ANSWER} characters`);
    const evidence = [...(q.evidence ?? []), ...(q.answer ?? [])].map(normalise);
    if (!answer.citations.some((c) => evidence.some((e) => contains(normalise(c.quote), e)))) problems.push('no citation quotes the evidence');
  }
  return { id: q.id, family: q.family, question: q.question, answerable, pass: problems.length === 0, problems, answer };
}

/** Counts passes, answered precision and abstention over outcomes. */
export function scoreOutcomes(outcomes: readonly BankOutcome[]): BankScore {
  const passed = outcomes.filter((o) => o.pass).length;
  const answered = outcomes.filter((o) => o.answer.status !== 'not_found');
  const answeredRight = answered.filter((o) => o.pass).length;
  const unanswerable = outcomes.filter((o) => !o.answerable);
  return {
    total: outcomes.length,
    passed,
    score: outcomes.length ? passed / outcomes.length : 0,
    answered: answered.length,
    answeredRight,
    precision: answered.length ? answeredRight / answered.length : 1,
    unanswerable: unanswerable.length,
    abstained: unanswerable.filter((o) => o.pass).length,
  };
}

/**
 * Whether a normalised answer holds a normalised key, as whole words; the key's last word may take a
 * plural "s" ("7 seconds" holds the key "7 second").
 */
export function contains(given: string, key: string): boolean {
  return given.includes(key) || (key.length > 2 && given.includes(`${key.slice(0, -1)}s `));
}

/**
 * Lower case, accents folded, punctuation as spaces (an apostrophe only inside a word; a possessive "'s" apart), digits apart
 * from letters ("9.20pm" → "9 20 pm"), a day before its month put after it ("7 march" → "march 7"): how answers and keys are compared.
 */
export function normalise(text: string): string {
  return (
    ` ${text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/[$£€%]/gu, ' $& ')
      .replace(/[^\p{L}\p{N}$£€%']+/gu, ' ')
      // An apostrophe that ends or opens a word is punctuation ("Footballers' Association").
      .replace(/'(?=\s|$)|(?<=^|\s)'/gu, ' ')
      // A possessive holds its word: "TBWA's boss" names TBWA.
      .replace(/(\p{L})'s(?=\s|$)/gu, '$1 s')
      .replace(/(\p{N})(?=\p{L})|(\p{L})(?=\p{N})/gu, '$1$2 ')
      .trim()} `
      .replace(/ +/g, ' ')
      // One date in either order: "7 March 2003" and "March 7, 2003" are the same answer.
      .replace(DAY_BEFORE_MONTH, ' $2 $1 ')
  );
}

/** A day number before a month name, in normalised text. */
const DAY_BEFORE_MONTH = / (\d{1,2})(?: st| nd| rd| th)?(?: of)? (january|february|march|april|may|june|july|august|september|october|november|december) /g;

function askOnce(index: CorpusIndex, question: string): Answer {
  const input = validateQuestion(question);
  if (!input.ok) return notFoundAnswer(question);
  return answerQuestion(index, input.question).answer;
}
