import type Database from 'better-sqlite3';
import type { Answer } from '../types.ts';

/**
 * Answers kept by id, so that an answer's buttons ("More sources", "Share in channel", "Helpful")
 * act on the answer as it was given, even after a restart, instead of asking again. Bounded: the
 * oldest rows go once there are more than {@link KEPT_ANSWERS}.
 */

/** An answer as it was given, with every citation found (more than were shown). */
export interface KeptAnswer {
  id: string;
  /** The conversation it was given in, if any. */
  conversation: string | null;
  answer: Answer;
}

/** Where kept answers live: the state database, or memory when there is none. */
export interface AnswerKeeper {
  keep(entry: KeptAnswer, now: Date): void;
  /** The answer kept under `id`, or null (unknown, or dropped as too old). */
  find(id: string): KeptAnswer | null;
}

/** Answers kept at most. */
const KEPT_ANSWERS = 20_000;

/** Kept answers in the state database. */
export class AnswerStore implements AnswerKeeper {
  private writes = 0;

  constructor(private readonly db: Database.Database) {}

  keep(entry: KeptAnswer, now: Date): void {
    this.db
      .prepare('INSERT OR REPLACE INTO answers (id, conversation, answer, at) VALUES (?, ?, ?, ?)')
      .run(entry.id, entry.conversation, JSON.stringify(entry.answer), now.toISOString());
    // Trimming now and then keeps inserts cheap; the table never grows far past its bound.
    if (++this.writes % 500 === 0) this.db.prepare('DELETE FROM answers WHERE id NOT IN (SELECT id FROM answers ORDER BY at DESC LIMIT ?)').run(KEPT_ANSWERS);
  }

  find(id: string): KeptAnswer | null {
    const row = this.db.prepare('SELECT id, conversation, answer FROM answers WHERE id = ?').get(id) as
      | { id: string; conversation: string | null; answer: string }
      | undefined;
    if (!row) return null;
    try {
      return { id: row.id, conversation: row.conversation, answer: JSON.parse(row.answer) as Answer };
    } catch {
      return null;
    }
  }
}

/** Kept answers in memory, oldest dropped first, when there is no state database. */
export class AnswerMemory implements AnswerKeeper {
  private readonly entries = new Map<string, KeptAnswer>();

  /** @param capacity - answers kept at most */
  constructor(private readonly capacity = 2000) {}

  keep(entry: KeptAnswer): void {
    this.entries.delete(entry.id);
    this.entries.set(entry.id, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  find(id: string): KeptAnswer | null {
    return this.entries.get(id) ?? null;
  }
}
