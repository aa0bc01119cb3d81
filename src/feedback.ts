import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Feedback on answers ("Helpful" / "Not helpful" buttons), recorded by the core as JSON Lines in the
 * data folder, so any surface can record it and tools can read it.
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
 * Appends feedback to `DATA_DIR/feedback.jsonl`.
 * @throws ZodError when the record is malformed
 * @example recordFeedback('.newsdesk', { question: 'who?', helpful: true, user: 'slack:U1', at: new Date().toISOString() })
 */
export function recordFeedback(dataDir: string, feedback: Feedback): void {
  const record = feedbackSchema.parse(feedback);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.appendFileSync(feedbackFile(dataDir), `${JSON.stringify(record)}\n`);
}

/** Reads every feedback record (malformed lines are ignored). */
export function readFeedback(dataDir: string): Feedback[] {
  let text: string;
  try {
    text = fs.readFileSync(feedbackFile(dataDir), 'utf8');
  } catch {
    return [];
  }
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

/** Path of the feedback file. */
export function feedbackFile(dataDir: string): string {
  return path.join(dataDir, 'feedback.jsonl');
}
