import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readFeedback, recordFeedback } from '../../src/app/feedback.ts';
import { feedbackFile } from '../../src/state/feedback-store.ts';
import { silentLog } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/state/migrations.ts';
import { State, STATE_FILE } from '../../src/state/state.ts';
import { DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';

const T = new Date('2026-11-23T07:00:00Z');
const tmps: string[] = [];
const opened: State[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  for (const d of tmps.splice(0)) removeTmp(d);
});

/** A fresh data folder and its opened state. */
function freshState(): { dir: string; state: State } {
  const dir = makeTmp('newsdesk-state-');
  tmps.push(dir);
  const state = State.open(dir);
  opened.push(state);
  return { dir, state };
}

describe('State.open', () => {
  it('creates DATA_DIR/newsdesk.db in WAL mode at the latest schema version', () => {
    const { dir, state } = freshState();
    expect(fs.existsSync(path.join(dir, STATE_FILE))).toBe(true);
    expect(state.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(state.db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect((state.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it('runs each migration once: migrating again and reopening change nothing', () => {
    const { dir, state } = freshState();
    expect(migrate(state.db)).toEqual([]);
    const again = State.open(dir);
    opened.push(again);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(8);
  });

  it('upgrades a version-1 database, keeping its rows and adding the new tables and columns', () => {
    const dir = makeTmp('newsdesk-state-');
    tmps.push(dir);
    const old = State.open(dir, { schemaVersion: 1 });
    expect(schemaVersion(old.db)).toBe(1);
    old.db
      .prepare("INSERT INTO subscriptions (platform, channel, time, timezone, created_at, updated_at) VALUES ('slack', 'C1', '08:00', 'UTC', ?, ?)")
      .run(T.toISOString(), T.toISOString());
    old.db
      .prepare(
        "INSERT INTO deliveries (subscription_id, local_date, status, claimed_by, claimed_at, sent_at, attempts) VALUES (1, '2026-11-22', 'sent', 'old', ?, ?, 1)",
      )
      .run(T.toISOString(), T.toISOString());
    expect(() => old.db.prepare('SELECT * FROM questions').all()).toThrow(/no such table/);
    old.close();

    const state = State.open(dir);
    opened.push(state);
    expect(schemaVersion(state.db)).toBe(8);
    expect(state.subscriptions.get('slack', 'C1')).toMatchObject({ id: 1, time: '08:00', timezone: 'UTC', paused: false, pausedReason: null, topic: null });
    expect(state.deliveries.get(1, '2026-11-22')).toMatchObject({ status: 'sent', attempts: 1, articles: [] });
    // The digests already sent are carried into the per-channel record.
    expect(state.deliveries.sentToChannel('slack', 'C1', '2026-11-22')).toBe(true);
    state.questions.record('who won?', 'not_found', null, T);
    expect(state.questions.count()).toBe(1);
  });

  it('rolls a failing migration back entirely', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE questions (x INTEGER)'); // clashes with migration 2
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'questions_by_status'").get()).toBeUndefined();
    db.close();
  });

  it('names the file when the database cannot be opened', () => {
    const dir = makeTmp('newsdesk-state-');
    tmps.push(dir);
    fs.writeFileSync(path.join(dir, STATE_FILE), 'not a database, just text that is long enough to be read as a header');
    expect(() => State.open(dir)).toThrow(/Could not open the state database .*newsdesk\.db/);
  });
});

describe('subscriptions', () => {
  it('creates one subscription per channel, updates it in place and removes it', () => {
    const { state } = freshState();
    const first = state.subscriptions.upsert('discord', '123', '08:00', 'Europe/London', T);
    const later = new Date(T.getTime() + 60_000);
    const changed = state.subscriptions.upsert('discord', '123', '07:30', 'Europe/Paris', later);
    expect(changed).toEqual({ ...first, time: '07:30', timezone: 'Europe/Paris', updatedAt: later.toISOString() });
    expect(state.subscriptions.list()).toHaveLength(1);
    state.subscriptions.pause(first.id, 'channel_not_found', later);
    expect(state.subscriptions.byId(first.id)).toMatchObject({ paused: true, pausedReason: 'channel_not_found' });
    expect(state.subscriptions.upsert('discord', '123', '07:30', 'Europe/Paris', later)).toMatchObject({ paused: false, pausedReason: null });
    expect(state.subscriptions.remove('discord', '123')).toBe(true);
    expect(state.subscriptions.remove('discord', '123')).toBe(false);
  });

  it('refuses a time that is not HH:MM', () => {
    const { state } = freshState();
    expect(() => state.subscriptions.upsert('slack', 'C1', '8am', 'UTC', T)).toThrow(/CHECK constraint/);
  });
});

describe('deliveries', () => {
  it('lets one claim win per subscription and day, takes over an expired claim, and never reclaims a sent day', () => {
    const { dir, state } = freshState();
    const other = State.open(dir);
    opened.push(other);
    const sub = state.subscriptions.upsert('slack', 'C1', '08:00', 'UTC', T);
    const lease = 60_000;
    const a = state.deliveries.claim(sub.id, '2026-11-23', 'a', T, lease);
    const b = other.deliveries.claim(sub.id, '2026-11-23', 'b', T, lease);
    expect(a.claimed).toBe(true);
    expect(b).toMatchObject({ claimed: false, delivery: { claimedBy: 'a', status: 'claimed' } });
    // 'a' died: once the lease ran out 'b' takes over, exactly once.
    const late = new Date(T.getTime() + lease);
    expect(other.deliveries.claim(sub.id, '2026-11-23', 'b', late, lease).claimed).toBe(true);
    expect(state.deliveries.claim(sub.id, '2026-11-23', 'c', late, lease).claimed).toBe(false);
    expect(state.deliveries.startAttempt(a.delivery.id, 'a', late)).toBe(false);
    expect(other.deliveries.startAttempt(a.delivery.id, 'b', late)).toBe(true);
    expect(other.deliveries.markSent(a.delivery.id, 'b', late, ['x.txt'])).toBe(true);
    expect(state.deliveries.claim(sub.id, '2026-11-23', 'a', new Date(T.getTime() + 10 * lease), lease)).toMatchObject({
      claimed: false,
      delivery: { status: 'sent', attempts: 1, articles: ['x.txt'] },
    });
    expect(state.deliveries.lastSent(sub.id)?.sentAt).toBe(late.toISOString());
  });
});

describe('questions log and gaps', () => {
  it('lists the questions the coverage could not answer, most asked first, until one is answered', () => {
    const { state } = freshState();
    const at = (min: number) => new Date(T.getTime() + min * 60_000);
    state.questions.record('who won the Premier League?', 'not_found', null, at(1));
    state.questions.record('who requested the call?', 'answered', 'Russia', at(2));
    state.questions.record('what is the weather in Kyiv?', 'not_found', null, at(3));
    state.questions.record('Who won the  Premier League', 'not_found', null, at(4));
    state.questions.record('how many ships?', 'not_found', null, at(5));
    state.questions.record('how many ships?', 'answered', '12 ships', at(6));
    expect(state.questions.gaps()).toEqual([
      { question: 'Who won the  Premier League', count: 2, lastAsked: at(4).toISOString() },
      { question: 'what is the weather in Kyiv?', count: 1, lastAsked: at(3).toISOString() },
    ]);
  });

  it('is filled by Newsdesk.ask when the desk has a state', () => {
    const { state } = freshState();
    const desk = new Newsdesk(openCorpus(DEFAULT_CORPUS).index, { dataDir: null, rateLimitPerMinute: 100, log: silentLog, state });
    desk.ask('who requested the call?');
    desk.ask('who won the Premier League?');
    desk.ask('   ');
    expect(state.db.prepare('SELECT question, status, answer FROM questions ORDER BY id').all()).toEqual([
      { question: 'who requested the call?', status: 'answered', answer: 'Russia' },
      { question: 'who won the Premier League?', status: 'not_found', answer: null },
    ]);
  });
});

describe('feedback in the state database', () => {
  it('keeps recordFeedback/readFeedback working, stored in newsdesk.db', () => {
    const dir = makeTmp('newsdesk-state-');
    tmps.push(dir);
    recordFeedback(dir, { question: 'who?', helpful: true, user: 'slack:U1', conversation: 'slack:C1', at: T.toISOString() });
    recordFeedback(dir, { question: 'when?', helpful: false, user: 'discord:2', at: T.toISOString() });
    expect(readFeedback(dir)).toEqual([
      { question: 'who?', helpful: true, user: 'slack:U1', conversation: 'slack:C1', at: T.toISOString() },
      { question: 'when?', helpful: false, user: 'discord:2', at: T.toISOString() },
    ]);
    expect(fs.existsSync(feedbackFile(dir))).toBe(false);
    const db = new Database(path.join(dir, STATE_FILE), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM feedback').get()).toEqual({ n: 2 });
    db.close();
  });

  it('imports an existing feedback.jsonl once, skipping torn lines', () => {
    const dir = makeTmp('newsdesk-state-');
    tmps.push(dir);
    const lines = [
      JSON.stringify({ question: 'old one', helpful: true, user: 'slack:U9', at: '2026-01-01T00:00:00.000Z' }),
      '{"question": "torn',
      JSON.stringify({ question: 'old two', helpful: false, user: 'discord:9', conversation: 'discord:thread:1', at: '2026-01-02T00:00:00.000Z' }),
    ];
    fs.writeFileSync(feedbackFile(dir), `${lines.join('\n')}\n`);
    const state = State.open(dir);
    opened.push(state);
    expect(state.feedback.list().map((f) => f.question)).toEqual(['old one', 'old two']);
    expect(fs.existsSync(feedbackFile(dir))).toBe(false);
    expect(fs.existsSync(`${feedbackFile(dir)}.imported`)).toBe(true);
    // A copy put back by hand is not imported twice.
    fs.copyFileSync(`${feedbackFile(dir)}.imported`, feedbackFile(dir));
    const again = State.open(dir);
    opened.push(again);
    expect(again.feedback.list()).toHaveLength(2);
  });

  it('records Newsdesk feedback in its state', () => {
    const { state } = freshState();
    const desk = new Newsdesk(openCorpus(DEFAULT_CORPUS).index, { dataDir: null, rateLimitPerMinute: 100, log: silentLog, state });
    expect(desk.recordFeedback({ question: 'who?', helpful: true, user: 'slack:U1' })).toBe(true);
    expect(state.feedback.list().map(({ at: _at, ...f }) => f)).toEqual([{ question: 'who?', helpful: true, user: 'slack:U1' }]);
  });
});
