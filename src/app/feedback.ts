import path from 'node:path';
import { z } from 'zod';
import { stateFor } from '../state/state.ts';

/**
 * Feedback on answers ("Helpful" / "Not helpful" buttons), recorded by the core in the state database
 * of the data folder (`DATA_DIR/newsdesk.db`), so any surface can record it and tools can read it.
 * Earlier versions appended it to `DATA_DIR/feedback.jsonl`; that file is imported once.
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
 * Stores feedback in the state database of a data folder (one transactional insert).
 * @throws ZodError when the record is malformed; NewsdeskError STATE_UNAVAILABLE when the database cannot be opened
 * @example recordFeedback('.newsdesk', { question: 'who?', helpful: true, user: 'slack:U1', at: new Date().toISOString() })
 */
export function recordFeedback(dataDir: string, feedback: Feedback): void {
  const record = feedbackSchema.parse(feedback);
  stateFor(dataDir).feedback.record(record);
}

/** Reads every feedback record of a data folder, in the order recorded. */
export function readFeedback(dataDir: string): Feedback[] {
  return stateFor(dataDir).feedback.list();
}

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
