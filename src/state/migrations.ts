import type Database from 'better-sqlite3';

/**
 * The numbered schema migrations of the state database. Each runs once, in its own immediate
 * transaction, and is recorded in `schema_migrations`; running them again (another process, a
 * restart) changes nothing. New versions are appended, never edited.
 */

/** One schema change. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions, deliveries and feedback',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        timezone TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (platform, channel)
      );
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        UNIQUE (subscription_id, local_date)
      );
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        user TEXT NOT NULL,
        conversation TEXT,
        at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'questions log',
    sql: `
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('answered', 'conflicting', 'not_found')),
        answer TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX questions_by_status ON questions (status, at);
    `,
  },
  {
    version: 3,
    name: 'articles covered by a delivery, why a subscription was paused, settings',
    sql: `
      ALTER TABLE deliveries ADD COLUMN articles TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE subscriptions ADD COLUMN paused_reason TEXT;
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'digests sent per channel and day, kept when a subscription is removed',
    sql: `
      CREATE TABLE channel_digests (
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (platform, channel, local_date)
      );
      INSERT OR IGNORE INTO channel_digests (platform, channel, local_date, sent_at)
        SELECT s.platform, s.channel, d.local_date, d.sent_at FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'sent' AND d.sent_at IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'incoming events already handled',
    sql: `
      CREATE TABLE seen_events (key TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
      CREATE INDEX seen_events_by_age ON seen_events (seen_at);
    `,
  },
  {
    version: 6,
    name: 'the story or keywords a subscription follows',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN topic TEXT;
    `,
  },
  {
    version: 7,
    name: 'the story each channel follows',
    sql: `
      CREATE TABLE story_follows (channel TEXT PRIMARY KEY, story TEXT NOT NULL, since TEXT NOT NULL);
    `,
  },
  {
    version: 8,
    name: 'answers kept by id, for their buttons',
    sql: `
      CREATE TABLE answers (id TEXT PRIMARY KEY, conversation TEXT, answer TEXT NOT NULL, at TEXT NOT NULL);
      CREATE INDEX answers_by_age ON answers (at);
    `,
  },
];

/**
 * Brings a database up to `target` (default: the latest version).
 * @returns the versions applied now (empty when it was up to date)
 */
export function migrate(db: Database.Database, target: number = MIGRATIONS[MIGRATIONS.length - 1]!.version): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version > target) break;
    const run = db.transaction(() => {
      // Checked inside the immediate transaction: another process may have applied it meanwhile.
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return false;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      return true;
    });
    if (run.immediate()) applied.push(m.version);
  }
  return applied;
}

/** The schema version of a database (0 when new). */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!row) return 0;
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}
