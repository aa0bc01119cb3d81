import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Digest } from '../../src/digest/types.ts';
import { silentLog } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { DeliveryError } from '../../src/schedule/delivery-error.ts';
import { DigestScheduler, coveredArticles, deliveryKey, type DeliveryAttempt, type DigestSchedulerOptions } from '../../src/schedule/scheduler.ts';
import { State } from '../../src/state/state.ts';
import type { Subscription } from '../../src/state/subscriptions.ts';
import { DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';

const DIGEST: Digest = {
  headline: 'Headline',
  points: [{ text: 'A point.', citations: [{ n: 1, source: 'a.txt', outlet: null, title: 'A', date: null, url: null, quote: 'A point.', start: 0, end: 8 }] }],
  new: [{ source: 'b.txt', title: 'B', outlet: null, firstSeen: '2026-01-01T00:00:00.000Z', facts: [] }],
  disagreements: [],
};
const MINUTE = 60_000;
const LEASE = 5 * MINUTE;

let dir: string;
const states: State[] = [];
/** Every attempt any scheduler of a test made, in order. */
const attempts: DeliveryAttempt[] = [];
const schedulers: DigestScheduler[] = [];

beforeEach(() => {
  dir = makeTmp('newsdesk-schedule-');
});
afterEach(() => {
  for (const s of schedulers.splice(0)) s.stop();
  for (const s of states.splice(0)) s.close();
  vi.useRealTimers();
  removeTmp(dir);
});

/** A state connection of the test's data folder (each call: another connection, as another process would have). */
function openState(): State {
  const s = State.open(dir);
  states.push(s);
  return s;
}

/** Posts recorded by a fake platform: subscription id, channel and the instant. */
interface Post {
  subscription: number;
  channel: string;
  at: string;
  /** The delivery the scheduler said it was (idempotency key, resumed). */
  attempt: DeliveryAttempt;
}

/** A scheduler whose `send` records posts (or runs `behave`). */
function scheduler(state: State, posts: Post[], extra: Partial<DigestSchedulerOptions> = {}, behave?: (sub: Subscription) => Promise<void>): DigestScheduler {
  const s = new DigestScheduler({
    state,
    makeDigest: () => DIGEST,
    send: async (sub, _digest, attempt) => {
      attempts.push(attempt);
      if (behave) await behave(sub);
      posts.push({ subscription: sub.id, channel: sub.channel, at: new Date().toISOString(), attempt });
    },
    log: silentLog,
    leaseMs: LEASE,
    syncEveryMs: 0,
    retry: { attempts: 3, initialDelayMs: 10_000, factor: 3, maxDelayMs: MINUTE },
    ...extra,
  });
  schedulers.push(s);
  return s;
}

describe('DigestScheduler timing', () => {
  it('posts at 08:00 local time in each timezone, across the London daylight-saving change', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-27T12:00:30Z') });
    const state = openState();
    const created = new Date(); // subscribed now: today's 08:00s had passed before, so nothing is owed
    state.subscriptions.upsert('slack', 'london', '08:00', 'Europe/London', created);
    state.subscriptions.upsert('slack', 'new-york', '08:00', 'America/New_York', created);
    state.subscriptions.upsert('discord', 'tokyo', '08:00', 'Asia/Tokyo', created);
    const posts: Post[] = [];
    await scheduler(state, posts).start();
    expect(posts).toEqual([]);
    await vi.advanceTimersByTimeAsync(3 * 24 * 60 * MINUTE);
    expect(posts.map((p) => `${p.channel} ${p.at}`)).toEqual([
      'tokyo 2026-03-27T23:00:00.000Z',
      'london 2026-03-28T08:00:00.000Z', // GMT
      'new-york 2026-03-28T12:00:00.000Z', // EDT since 8 March
      'tokyo 2026-03-28T23:00:00.000Z',
      'london 2026-03-29T07:00:00.000Z', // BST from 29 March, 01:00 GMT
      'new-york 2026-03-29T12:00:00.000Z',
      'tokyo 2026-03-29T23:00:00.000Z',
      'london 2026-03-30T07:00:00.000Z',
      'new-york 2026-03-30T12:00:00.000Z',
    ]);
    expect(state.deliveries.list(1).map((d) => [d.localDate, d.status, d.attempts, d.articles])).toEqual([
      ['2026-03-30', 'sent', 1, ['a.txt', 'b.txt']],
      ['2026-03-29', 'sent', 1, ['a.txt', 'b.txt']],
      ['2026-03-28', 'sent', 1, ['a.txt', 'b.txt']],
    ]);
  });

  it('picks up a subscription made after start on its next sync', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:00:00Z') });
    const state = openState();
    const posts: Post[] = [];
    const s = scheduler(state, posts, { syncEveryMs: MINUTE });
    await s.start();
    openState().subscriptions.upsert('slack', 'C1', '07:30', 'UTC', new Date());
    await vi.advanceTimersByTimeAsync(31 * MINUTE);
    expect(posts.map((p) => p.at)).toEqual(['2026-11-23T07:30:00.000Z']);
    expect(s.nextRun(1)?.toISOString()).toBe('2026-11-24T07:30:00.000Z');
  });

  it('sends today’s digest when a sync finds a subscription made just before its time', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:59:30Z') });
    const posts: Post[] = [];
    const s = scheduler(openState(), posts, { syncEveryMs: MINUTE });
    await s.start();
    openState().subscriptions.upsert('slack', 'C2', '08:00', 'UTC', new Date()); // another process, 07:59:30
    await vi.advanceTimersByTimeAsync(MINUTE); // the sync at 08:00:30 sees it after its 08:00
    await s.idle();
    expect(posts.map((p) => p.at)).toEqual(['2026-11-23T08:00:30.000Z']);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(posts).toHaveLength(1);
  });
});

describe('DigestScheduler at most once per day', () => {
  it('sends a digest missed while down on start-up, once, and not again after another restart', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:30:00Z') });
    openState().subscriptions.upsert('slack', 'C1', '08:00', 'UTC', new Date('2026-11-20T00:00:00Z'));
    const posts: Post[] = [];
    const first = scheduler(openState(), posts);
    expect(await first.start()).toMatchObject([{ kind: 'sent' }]);
    first.stop();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(await scheduler(openState(), posts).start()).toMatchObject([{ kind: 'skipped', reason: 'already_sent' }]);
    expect(posts.map((p) => p.at)).toEqual(['2026-11-23T09:30:00.000Z']);
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(posts.map((p) => p.at)).toEqual(['2026-11-23T09:30:00.000Z', '2026-11-24T08:00:00.000Z']);
  });

  it('sends one digest per channel and day, even when the channel unsubscribes and subscribes again that day', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:30:00Z') });
    const state = openState();
    state.subscriptions.upsert('slack', 'C1', '08:00', 'UTC', new Date('2026-11-20T00:00:00Z'));
    const posts: Post[] = [];
    const first = scheduler(state, posts);
    expect(await first.start()).toMatchObject([{ kind: 'sent' }]);
    first.stop();
    expect(state.subscriptions.remove('slack', 'C1')).toBe(true);
    state.subscriptions.upsert('slack', 'C1', '10:00', 'UTC', new Date('2026-11-23T09:31:00Z'));
    const second = scheduler(state, posts);
    await second.start();
    const id = state.subscriptions.get('slack', 'C1')!.id;
    await vi.advanceTimersByTimeAsync(40 * MINUTE);
    expect(await second.deliver(id, '2026-11-23')).toEqual({ kind: 'skipped', reason: 'already_sent' });
    expect(posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(posts.map((p) => p.at)).toEqual(['2026-11-23T09:30:00.000Z', '2026-11-24T10:00:00.000Z']);
  });

  it('does not send on start-up a digest of a day that is over in the subscription’s timezone', async () => {
    // 22:30 UTC on the 23rd is 07:30 on the 24th in Tokyo: the last 08:00 there was on a day that is over.
    vi.useFakeTimers({ now: new Date('2026-11-23T22:30:00Z') });
    openState().subscriptions.upsert('discord', 'tokyo', '08:00', 'Asia/Tokyo', new Date('2026-11-01T00:00:00Z'));
    const posts: Post[] = [];
    expect(await scheduler(openState(), posts).start()).toEqual([]);
    expect(posts).toEqual([]);
  });

  it('sends exactly one digest when the process is killed after claiming, before posting', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:59:00Z') });
    openState().subscriptions.upsert('slack', 'C1', '08:00', 'UTC', new Date('2026-11-20T00:00:00Z'));
    const posts: Post[] = [];
    // The first process claims at 08:00 and dies before its post goes out.
    const dying = scheduler(openState(), posts, { owner: 'dying' }, () => new Promise(() => {}));
    await dying.start();
    await vi.advanceTimersByTimeAsync(MINUTE);
    dying.stop();
    const row = openState().deliveries.get(1, '2026-11-23')!;
    expect(row).toMatchObject({ status: 'claimed', claimedBy: 'dying', attempts: 1 });

    // Restarted two minutes later: the claim is still leased, so it waits for the lease, then sends once.
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    const restarted = scheduler(openState(), posts, { owner: 'restarted' });
    expect(await restarted.start()).toMatchObject([{ kind: 'skipped', reason: 'claimed_elsewhere' }]);
    expect(posts).toEqual([]);
    await vi.advanceTimersByTimeAsync(LEASE);
    await restarted.idle();
    expect(posts.map((p) => p.at)).toEqual(['2026-11-23T08:05:01.000Z']);
    expect(openState().deliveries.get(1, '2026-11-23')).toMatchObject({ status: 'sent', claimedBy: 'restarted', attempts: 2 });
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(posts).toHaveLength(1);
    // Both attempts carried the same key; the takeover said it resumed, so the platform looks for the
    // dying process's post before posting (see the Slack and Discord posters).
    const key = deliveryKey('slack', 'C1', '2026-11-23');
    expect(attempts.slice(-2)).toEqual([
      { key, resumed: false },
      { key, resumed: true },
    ]);
  });

  it('sends one digest when two schedulers run on the same database', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T06:59:00Z') });
    openState().subscriptions.upsert('slack', 'C1', '08:00', 'Europe/Berlin', new Date('2026-11-20T00:00:00Z'));
    const postsA: Post[] = [];
    const postsB: Post[] = [];
    // Posting takes a while, so both processes are inside a delivery at the same time.
    const slowPost = () => new Promise<void>((resolve) => setTimeout(resolve, 2000));
    await scheduler(openState(), postsA, { owner: 'a' }, slowPost).start();
    await scheduler(openState(), postsB, { owner: 'b' }, slowPost).start();
    await vi.advanceTimersByTimeAsync(LEASE + 3 * MINUTE);
    expect([...postsA, ...postsB].map((p) => p.at)).toEqual(['2026-11-23T07:00:02.000Z']);
    expect(openState().deliveries.list(1)).toMatchObject([{ localDate: '2026-11-23', status: 'sent', attempts: 1 }]);
  });
});

describe('DigestScheduler errors', () => {
  it('retries a platform error with backoff and records the attempts', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:59:00Z') });
    const state = openState();
    state.subscriptions.upsert('slack', 'C1', '08:00', 'UTC', new Date('2026-11-20T00:00:00Z'));
    const posts: Post[] = [];
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw new DeliveryError('ratelimited', false);
    };
    await scheduler(state, posts, {}, flaky).start();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(state.deliveries.get(1, '2026-11-23')).toMatchObject({ status: 'claimed', attempts: 1, error: 'ratelimited' });
    await vi.advanceTimersByTimeAsync(10_000); // first backoff
    expect(state.deliveries.get(1, '2026-11-23')).toMatchObject({ status: 'claimed', attempts: 2, error: 'ratelimited' });
    await vi.advanceTimersByTimeAsync(30_000); // second backoff, ×3
    expect(posts.map((p) => p.at)).toEqual(['2026-11-23T08:00:40.000Z']);
    expect(state.deliveries.get(1, '2026-11-23')).toMatchObject({ status: 'sent', attempts: 3, error: null, sentAt: '2026-11-23T08:00:40.000Z' });
  });

  it('gives up after the last attempt and records the failure, without retrying that day', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:59:00Z') });
    const state = openState();
    state.subscriptions.upsert('slack', 'C1', '08:00', 'UTC', new Date('2026-11-20T00:00:00Z'));
    const posts: Post[] = [];
    const down = async () => {
      throw new Error('503 Service Unavailable');
    };
    await scheduler(state, posts, {}, down).start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(state.deliveries.get(1, '2026-11-23')).toMatchObject({ status: 'failed', attempts: 3, error: '503 Service Unavailable' });
    expect(await scheduler(openState(), posts).start()).toMatchObject([{ kind: 'skipped', reason: 'failed_today' }]);
    expect(posts).toEqual([]);
  });

  it('pauses the subscription and reports it when the channel is gone, without retrying', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:59:00Z') });
    const state = openState();
    state.subscriptions.upsert('discord', '999', '08:00', 'UTC', new Date('2026-11-20T00:00:00Z'));
    const posts: Post[] = [];
    const reported: string[] = [];
    let calls = 0;
    const gone = async () => {
      calls++;
      throw new DeliveryError('Unknown Channel', true);
    };
    await scheduler(state, posts, { onPaused: (sub, err) => reported.push(`${sub.channel}: ${(err as Error).message}`) }, gone).start();
    await vi.advanceTimersByTimeAsync(2 * 24 * 60 * MINUTE);
    expect(calls).toBe(1);
    expect(reported).toEqual(['999: Unknown Channel']);
    expect(state.subscriptions.byId(1)).toMatchObject({ paused: true, pausedReason: 'Unknown Channel' });
    expect(state.deliveries.list(1)).toMatchObject([{ status: 'failed', attempts: 1, error: 'Unknown Channel' }]);
  });
});

describe('DigestScheduler with the real digest', () => {
  it('posts Newsdesk.digest(), "new" counted from the previous digest, and records the articles covered', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:59:00Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const state = openState();
    const desk = new Newsdesk(openCorpus(DEFAULT_CORPUS).index, { dataDir: null, rateLimitPerMinute: 100, log: silentLog, state });
    expect(desk.subscribe('slack', 'C1', '8:00', 'UTC', new Date('2026-11-20T00:00:00Z')).ok).toBe(true);
    const sent: { since: string | null; digest: Digest }[] = [];
    const s = new DigestScheduler({
      state,
      makeDigest: (_sub, since, now) => {
        sent.push({ since: since?.toISOString() ?? null, digest: desk.digest({ since, now }) });
        return sent[sent.length - 1]!.digest;
      },
      send: async () => {},
      log: silentLog,
      syncEveryMs: 0,
    });
    schedulers.push(s);
    await s.start();
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE + MINUTE);
    expect(sent.map((x) => x.since)).toEqual([null, '2026-11-23T08:00:00.000Z']);
    const digest = sent[0]!.digest;
    expect(digest.headline).toBe('Biden again calls on Putin to de-escalate tensions along Ukraine border');
    expect(state.deliveries.get(1, '2026-11-23')!.articles).toEqual(coveredArticles(digest));
    expect(coveredArticles(digest)).toEqual([
      '000_7c4e71be4a13ea11.txt',
      '001_ae44a968ee4ee127.txt',
      '002_34bd12b4df784525.txt',
      '003_aa27b1c8d01db12e.txt',
      '004_0ab6f7e65bf4a959.txt',
    ]);
    expect(path.basename(state.file)).toBe('newsdesk.db');
  });
});
