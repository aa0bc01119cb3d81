import { stateFor } from '../state/state.ts';
import { feedbackSchema, type Feedback } from '../state/feedback-store.ts';

/**
 * Feedback on answers ("Helpful" / "Not helpful" buttons), recorded by the core in the state database
 * of the data folder (`DATA_DIR/newsdesk.db`), so any surface can record it and tools can read it.
 * Earlier versions appended it to `DATA_DIR/feedback.jsonl`; that file is imported once.
 */

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
