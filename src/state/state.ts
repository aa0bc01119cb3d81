import { SeenEventStore } from './seen-events.ts';
import { StoryFollowStore } from './story-follows.ts';
import { AnswerStore } from './answers.ts';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NewsdeskError } from '../errors.ts';
import { silentLog, type Log } from '../log.ts';
import { DeliveryStore } from './deliveries.ts';
import { FeedbackStore, feedbackFile, parseFeedbackLines } from './feedback-store.ts';
import { migrate } from './migrations.ts';
import { QuestionLog } from './questions.ts';
import { SubscriptionStore } from './subscriptions.ts';

/**
 * The state database of a newsdesk: an embedded SQLite file, `DATA_DIR/newsdesk.db`, in WAL mode
 * (readers never block the writer; several processes may open it), migrated to the latest schema on
 * open. Holds subscriptions, deliveries, feedback and the questions log. Every write is one statement
 * or one transaction.
 */

/** File name of the database in the data folder. */
export const STATE_FILE = 'newsdesk.db';

/** Options of {@link State.open}. */
export interface OpenStateOptions {
  log?: Log;
  /** Migrate only up to this version (tests of upgrades). */
  schemaVersion?: number;
}

/**
 * The opened state database and its stores.
 * @example
 * const state = State.open('.newsdesk', { log });
 * state.subscriptions.upsert('slack', 'C123', '08:00', 'Europe/London', new Date());
 */
export class State {
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryStore;
  readonly feedback: FeedbackStore;
  readonly questions: QuestionLog;
  readonly seenEvents: SeenEventStore;
  readonly storyFollows: StoryFollowStore;
  readonly answers: AnswerStore;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.subscriptions = new SubscriptionStore(db);
    this.deliveries = new DeliveryStore(db);
    this.feedback = new FeedbackStore(db);
    this.questions = new QuestionLog(db);
    this.seenEvents = new SeenEventStore(db);
    this.storyFollows = new StoryFollowStore(db);
    this.answers = new AnswerStore(db);
  }

  /**
   * Opens (creating and migrating when needed) the state database of a data folder. Feedback left in
   * a feedback.jsonl by earlier versions is imported once.
   * @param dataDir - the data folder, or ':memory:' for a private in-memory database
   * @throws NewsdeskError STATE_UNAVAILABLE when the file cannot be opened or migrated
   */
  static open(dataDir: string, options: OpenStateOptions = {}): State {
    const log = (options.log ?? silentLog).child({ module: 'state' });
    const memory = dataDir === ':memory:';
    const file = memory ? ':memory:' : path.join(dataDir, STATE_FILE);
    let db: Database.Database;
    try {
      if (!memory) fs.mkdirSync(dataDir, { recursive: true });
      db = new Database(file, { timeout: 5000 });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      const applied = migrate(db, options.schemaVersion);
      if (applied.length) log.info({ file, applied }, 'state database migrated');
    } catch (err) {
      throw new NewsdeskError(`Could not open the state database ${file}: ${(err as Error).message}`, 'STATE_UNAVAILABLE', err);
    }
    const state = new State(db, file);
    if (!memory && options.schemaVersion === undefined) {
      const imported = state.feedback.importJsonLines(feedbackFile(dataDir), parseFeedbackLines);
      if (imported > 0) log.info({ imported }, 'feedback.jsonl imported into the state database');
    }
    return state;
  }

  /**
   * Writes a consistent copy of the database to `file` while it is in use (SQLite's online backup).
   * @example await state.backup('backups/newsdesk-2026-11-23.db')
   */
  async backup(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await this.db.backup(file);
  }

  /** Closes the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

const shared = new Map<string, State>();

/**
 * The state of a data folder, opened once per process and shared (for callers that only know the
 * data folder, such as recordFeedback).
 */
export function stateFor(dataDir: string, log?: Log): State {
  const key = path.resolve(dataDir);
  const open = shared.get(key);
  if (open?.db.open && fs.existsSync(open.file)) return open;
  const state = State.open(key, { log });
  shared.set(key, state);
  return state;
}
