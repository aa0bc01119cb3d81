import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';

/**
 * Feedback on answers ("Helpful" / "Not helpful"), in the state database. Feedback that earlier
 * versions appended to `DATA_DIR/feedback.jsonl` is imported once.
 */

/** One feedback record. */
export const feedbackSchema = z.object({
  question: z.string().max(2000),
  helpful: z.boolean(),
  /** Platform and user, e.g. "slack:U123"; never a token. */
  user: z.string().max(200),
  /** Where the answer was shown, e.g. "discord:channel-id". */
  conversation: z.string().max(200).optional(),
  at: z.string(),
});

/** A validated feedback record. */
export type Feedback = z.infer<typeof feedbackSchema>;

/**
 * The valid records of a feedback JSON Lines text (malformed or torn lines are skipped).
 * @example parseFeedbackLines('{"question":"q","helpful":true,"user":"u","at":"2026-01-01T00:00:00Z"}\n').length // 1
 */
export function parseFeedbackLines(text: string): Feedback[] {
  const out: Feedback[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = feedbackSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // a torn line from a crash; skip it
    }
  }
  return out;
}

/** Path of the legacy feedback file (imported into the state database once). */
export function feedbackFile(dataDir: string): string {
  return path.join(dataDir, 'feedback.jsonl');
}

interface Row {
  question: string;
  helpful: number;
  user: string;
  conversation: string | null;
  at: string;
}

/** Meta key set once the JSON Lines file was imported. */
const IMPORTED_KEY = 'feedback_jsonl_imported';

/** Reads and writes feedback. */
export class FeedbackStore {
  constructor(private readonly db: Database.Database) {}

  /** Stores one (already validated) feedback record. */
  record(f: Feedback): void {
    this.db
      .prepare('INSERT INTO feedback (question, helpful, user, conversation, at) VALUES (?, ?, ?, ?, ?)')
      .run(f.question, f.helpful ? 1 : 0, f.user, f.conversation ?? null, f.at);
  }

  /** Every feedback record, in the order recorded. */
  list(): Feedback[] {
    return (this.db.prepare('SELECT question, helpful, user, conversation, at FROM feedback ORDER BY id').all() as Row[]).map((r) => ({
      question: r.question,
      helpful: r.helpful === 1,
      user: r.user,
      ...(r.conversation === null ? {} : { conversation: r.conversation }),
      at: r.at,
    }));
  }

  /**
   * Imports the records of a legacy feedback.jsonl once (one transaction; the file is then renamed to
   * feedback.jsonl.imported). Returns how many records were imported.
   * @param parse - reads the file's valid records
   */
  importJsonLines(file: string, parse: (text: string) => Feedback[]): number {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return 0;
    }
    const records = parse(text);
    const imported = this.db
      .transaction(() => {
        if (this.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(IMPORTED_KEY)) return -1;
        for (const r of records) this.record(r);
        this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(IMPORTED_KEY, new Date().toISOString());
        return records.length;
      })
      .immediate();
    try {
      fs.renameSync(file, `${file}.imported`);
    } catch {
      // read-only folder: the meta key keeps it from being imported twice
    }
    return Math.max(0, imported);
  }
}
