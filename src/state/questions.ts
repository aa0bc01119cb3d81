import type Database from 'better-sqlite3';
import type { AnswerStatus } from '../types.ts';

/**
 * The log of questions asked, so that `newsdesk gaps` can list what the coverage could not answer:
 * questions whose latest ask was not_found, the most often asked first.
 */

/** A question the coverage could not answer, and how often it was asked. */
export interface Gap {
  /** The question as last asked. */
  question: string;
  /** How many times it was asked without an answer. */
  count: number;
  /** ISO time of the latest ask. */
  lastAsked: string;
}

interface Row {
  question: string;
  status: AnswerStatus;
  at: string;
}

/** Reads and writes the questions log. */
export class QuestionLog {
  constructor(private readonly db: Database.Database) {}

  /** Logs one asked question with the status and short answer it got. */
  record(question: string, status: AnswerStatus, answer: string | null, at: Date): void {
    this.db.prepare('INSERT INTO questions (question, status, answer, at) VALUES (?, ?, ?, ?)').run(question, status, answer, at.toISOString());
  }

  /** How many questions were logged. */
  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
  }

  /**
   * The questions the coverage could not answer: grouped by their normalised wording, only those
   * whose latest ask was not_found (coverage that grew since may answer the others), most asked first.
   * @param limit - at most this many
   */
  gaps(limit = 50): Gap[] {
    const rows = this.db.prepare('SELECT question, status, at FROM questions ORDER BY at, id').all() as Row[];
    const byKey = new Map<string, { question: string; count: number; lastAsked: string; lastStatus: AnswerStatus }>();
    for (const r of rows) {
      const key = normalizeQuestion(r.question);
      const g = byKey.get(key) ?? { question: r.question, count: 0, lastAsked: r.at, lastStatus: r.status };
      if (r.status === 'not_found') g.count++;
      g.question = r.question;
      g.lastAsked = r.at;
      g.lastStatus = r.status;
      byKey.set(key, g);
    }
    return [...byKey.values()]
      .filter((g) => g.lastStatus === 'not_found')
      .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked) || a.question.localeCompare(b.question))
      .slice(0, limit)
      .map(({ question, count, lastAsked }) => ({ question, count, lastAsked }));
  }
}

/** "Who won the  League?" and "who won the league" are one question. */
function normalizeQuestion(q: string): string {
  return q
    .toLowerCase()
    .replace(/[?!.\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
