import type Database from 'better-sqlite3';

/**
 * Incoming events already handled, by the platform's delivery id (Slack's `event_id`): a platform
 * that redelivers an event it thinks was missed, even after newsdesk restarted, gets no second
 * answer. Entries older than a day are dropped (platforms retry within minutes).
 */
export class SeenEventStore {
  private inserts = 0;

  constructor(private readonly db: Database.Database) {}

  /**
   * Records a delivery id; true the first time it is seen.
   * @example store.addIfNew('slack:Ev123', new Date()) // true, then false
   */
  addIfNew(key: string, now: Date): boolean {
    const added = this.db.prepare('INSERT OR IGNORE INTO seen_events (key, seen_at) VALUES (?, ?)').run(key, now.toISOString()).changes === 1;
    if (added && ++this.inserts % PRUNE_EVERY === 0) {
      this.db.prepare('DELETE FROM seen_events WHERE seen_at < ?').run(new Date(now.getTime() - KEEP_MS).toISOString());
    }
    return added;
  }
}

/** How long a delivery id is remembered. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** Old ids are dropped once every this many new ones. */
const PRUNE_EVERY = 200;
