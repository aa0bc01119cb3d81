import { createHash } from 'node:crypto';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Digest } from '../digest/types.ts';
import { silentLog, type Log } from '../log.ts';
import type { State } from '../state/state.ts';
import type { Delivery } from '../state/deliveries.ts';
import type { Subscription } from '../state/subscriptions.ts';
import { isPermanentDeliveryError } from './delivery-error.ts';
import { dailyPattern, localDateTime, previousDailyRun } from './local-time.ts';

/**
 * The digest scheduler: one croner job per active subscription, in the subscription's timezone
 * (daylight-saving changes included). Platform-neutral: it builds the digest and hands it to a
 * `send` callback that the adapters provide.
 *
 * At most one digest per subscription and local day, through restarts, crashes and duplicate
 * processes: the day's delivery row is claimed in the database before sending (the unique key
 * decides between processes), and renewed on every attempt. A claim left by a process that died
 * is taken over once its lease runs out, or at once when that process ran on this host and is gone
 * (a restart after a crash); a clean shutdown releases the claims it still holds. A taken-over
 * delivery is `resumed`, so the platform looks for the earlier post first. A digest missed while the bot was down is
 * sent on start-up, once, if it is still the same local day. A platform error is retried with
 * backoff and recorded; a permanent one (channel gone, bot removed) pauses the subscription and is
 * reported instead of retried.
 */

/** Backoff of transient send failures. */
export interface RetryPolicy {
  /** Attempts in all (the first included). */
  attempts: number;
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

/**
 * Which delivery a post is, so that the platform can make it happen once: `key` is the same for
 * every attempt of one channel's digest of one day (a Discord nonce, Slack message metadata), and
 * `resumed` says an earlier attempt, perhaps by a process that died mid-post, may have got through.
 */
export interface DeliveryAttempt {
  key: string;
  resumed: boolean;
}

/** Options of {@link DigestScheduler}. */
export interface DigestSchedulerOptions {
  state: State;
  /** Builds the digest for a subscription: `since` is when its last digest was sent (null: none yet). */
  makeDigest: (subscription: Subscription, since: Date | null, now: Date) => Digest;
  /** Posts a digest to the subscription's channel; throws DeliveryError (permanent or not) on failure. */
  send: (subscription: Subscription, digest: Digest, attempt: DeliveryAttempt) => Promise<void>;
  log?: Log;
  /** The clock (tests). */
  now?: () => Date;
  /** Identifies this scheduler in claims; default host:pid:process tag:random (see {@link holderIsGone}). */
  owner?: string;
  /** How long a claim holds without renewal (default 5 minutes; longer than any backoff delay). */
  leaseMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How often subscriptions made by other processes are picked up (default 60 s; 0 disables). */
  syncEveryMs?: number;
  /** Called when a subscription is paused after a permanent delivery error. */
  onPaused?: (subscription: Subscription, error: unknown) => void;
}

/** What became of one scheduled delivery. */
export type DeliveryOutcome =
  | { kind: 'sent'; delivery: Delivery }
  | { kind: 'skipped'; reason: 'already_sent' | 'failed_today' | 'claimed_elsewhere' | 'paused' | 'unsubscribed' | 'day_over' | 'lost_claim' | 'stopped' }
  | { kind: 'failed'; error: string; permanent: boolean };

const DEFAULTS = {
  leaseMs: 5 * 60_000,
  syncEveryMs: 60_000,
  retry: { attempts: 4, initialDelayMs: 5_000, factor: 4, maxDelayMs: 2 * 60_000 },
} as const satisfies { leaseMs: number; syncEveryMs: number; retry: RetryPolicy };

/**
 * Schedules and delivers daily digests.
 * @example
 * const scheduler = new DigestScheduler({ state, makeDigest: (s, since, now) => desk.digest({ since, now }), send: postToChannel, log });
 * await scheduler.start();
 */
export class DigestScheduler {
  private readonly jobs = new Map<number, { cron: Cron; key: string }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Backoff waits in progress: stop() ends them early. */
  private readonly sleepers = new Set<() => void>();
  private readonly inFlight = new Set<Promise<DeliveryOutcome>>();
  /** Deliveries this scheduler holds the claim of. */
  private readonly held = new Set<number>();
  private syncTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly log: Log;
  private readonly now: () => Date;
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: DigestSchedulerOptions) {
    this.log = (options.log ?? silentLog).child({ module: 'schedule' });
    this.now = options.now ?? (() => new Date());
    this.owner = options.owner ?? `${os.hostname()}:${process.pid}:${PROCESS_TAG}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
    this.retry = { ...DEFAULTS.retry, ...options.retry };
  }

  /**
   * Schedules every active subscription and sends, once, the digests missed while down today.
   * @returns the outcomes of the catch-up deliveries
   */
  async start(): Promise<DeliveryOutcome[]> {
    this.stopped = false;
    const missed = this.sync();
    const every = this.options.syncEveryMs ?? DEFAULTS.syncEveryMs;
    if (every > 0) {
      this.syncTimer = setInterval(() => this.sync(), every);
      this.syncTimer.unref?.();
    }
    return Promise.all(missed);
  }

  /**
   * Brings the cron jobs in line with the subscriptions in the database (after subscribe/unsubscribe,
   * and every `syncEveryMs`). A subscription seen for the first time whose post time passed today
   * after it was made (missed while down, or made by another process) gets today's digest now.
   * @returns the catch-up deliveries started
   */
  sync(): Promise<DeliveryOutcome>[] {
    if (this.stopped) return [];
    const active = new Map<number, Subscription>();
    for (const s of this.options.state.subscriptions.list()) if (!s.paused) active.set(s.id, s);
    for (const [id, job] of this.jobs) {
      const sub = active.get(id);
      if (!sub || jobKey(sub) !== job.key) {
        job.cron.stop();
        this.jobs.delete(id);
      }
    }
    const missed: Promise<DeliveryOutcome>[] = [];
    const now = this.now();
    for (const sub of active.values()) {
      if (this.jobs.has(sub.id)) continue;
      const cron = new Cron(dailyPattern(sub.time), { timezone: sub.timezone, unref: true }, () => {
        this.fire(sub.id);
      });
      this.jobs.set(sub.id, { cron, key: jobKey(sub) });
      const owed = owedToday(sub, now);
      if (owed) {
        this.log.info({ subscription: sub.id, platform: sub.platform, channel: sub.channel, localDate: owed }, 'catching up a digest missed today');
        missed.push(this.track(this.deliver(sub.id, owed)));
      }
    }
    return missed;
  }

  /** The next instant a subscription's digest is due, or null (paused, unknown). */
  nextRun(subscriptionId: number): Date | null {
    return this.jobs.get(subscriptionId)?.cron.nextRun() ?? null;
  }

  /** Stops every job and timer. A delivery in flight stops before its next attempt and gives up its claim. */
  stop(): void {
    this.stopped = true;
    for (const job of this.jobs.values()) job.cron.stop();
    this.jobs.clear();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const wake of [...this.sleepers]) wake();
    if (this.syncTimer) clearInterval(this.syncTimer);
    this.syncTimer = null;
  }

  /**
   * Gives up the claims of deliveries still in flight (after stop(), on shutdown): another process
   * may take them over at once, and looks for this one's post before posting.
   */
  releaseClaims(): void {
    for (const id of this.held) this.options.state.deliveries.release(id, this.owner);
    this.held.clear();
  }

  /** Resolves when no delivery is in flight (tests, clean shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Delivers a subscription's digest for a local day, unless it was already sent, failed for good,
   * or another process holds the claim (then it checks again when that claim's lease runs out).
   */
  async deliver(subscriptionId: number, localDate: string): Promise<DeliveryOutcome> {
    const { state } = this.options;
    const sub = state.subscriptions.byId(subscriptionId);
    if (!sub) return { kind: 'skipped', reason: 'unsubscribed' };
    if (sub.paused) return { kind: 'skipped', reason: 'paused' };
    const now = this.now();
    if (localDateTime(now, sub.timezone).date !== localDate) return { kind: 'skipped', reason: 'day_over' };
    // One digest per channel and local day, whatever happened to its subscription meanwhile.
    if (state.deliveries.sentToChannel(sub.platform, sub.channel, localDate)) return { kind: 'skipped', reason: 'already_sent' };
    const log = this.log.child({ subscription: sub.id, platform: sub.platform, channel: sub.channel, localDate });
    let claim = state.deliveries.claim(sub.id, localDate, this.owner, now, this.leaseMs);
    if (!claim.claimed && claim.delivery.status === 'claimed' && holderIsGone(claim.delivery.claimedBy)) {
      log.info({ holder: claim.delivery.claimedBy }, 'taking over the claim of a process that is gone');
      claim = state.deliveries.claim(sub.id, localDate, this.owner, now, 0);
    }
    if (!claim.claimed) {
      const d = claim.delivery;
      if (d.status === 'claimed') {
        // Another process is sending, or died before it could: look again when its lease runs out.
        const wait = Math.max(1000, Date.parse(d.claimedAt) + this.leaseMs - now.getTime() + 1000);
        log.info({ holder: d.claimedBy, retryInMs: wait }, 'digest claimed by another process');
        this.later(wait, () => this.track(this.deliver(subscriptionId, localDate)));
        return { kind: 'skipped', reason: 'claimed_elsewhere' };
      }
      return { kind: 'skipped', reason: d.status === 'sent' ? 'already_sent' : 'failed_today' };
    }
    const id = claim.delivery.id;
    this.held.add(id);
    try {
      return await this.post(sub, id, localDate, claim.delivery.attempts, now, log);
    } finally {
      this.held.delete(id);
      // Stopped before it was done: the claim is given up (a no-op once sent or failed).
      if (this.stopped) state.deliveries.release(id, this.owner);
    }
  }

  /** Builds and posts a claimed delivery, retrying transient failures. */
  private async post(sub: Subscription, id: number, localDate: string, priorAttempts: number, now: Date, log: Log): Promise<DeliveryOutcome> {
    const { state } = this.options;
    const key = deliveryKey(sub.platform, sub.channel, localDate);
    let digest: Digest;
    try {
      const last = state.deliveries.lastSent(sub.id);
      digest = this.options.makeDigest(sub, last?.sentAt ? new Date(last.sentAt) : null, now);
    } catch (err) {
      state.deliveries.markFailed(id, this.owner, errorText(err));
      log.error({ err }, 'could not build the digest');
      return { kind: 'failed', error: errorText(err), permanent: false };
    }
    let delay = this.retry.initialDelayMs;
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      if (this.stopped) return { kind: 'skipped', reason: 'stopped' };
      if (!state.deliveries.startAttempt(id, this.owner, this.now())) return { kind: 'skipped', reason: 'lost_claim' };
      try {
        // A claim taken over from a process that had started posting: the platform checks first.
        await this.options.send(sub, digest, { key, resumed: priorAttempts > 0 || attempt > 1 });
      } catch (err) {
        const message = errorText(err);
        if (isPermanentDeliveryError(err)) {
          state.deliveries.markFailed(id, this.owner, message);
          state.subscriptions.pause(sub.id, message, this.now());
          this.jobs.get(sub.id)?.cron.stop();
          this.jobs.delete(sub.id);
          log.warn({ err }, 'digest cannot be delivered: subscription paused');
          this.options.onPaused?.(sub, err);
          return { kind: 'failed', error: message, permanent: true };
        }
        state.deliveries.recordError(id, this.owner, message);
        if (attempt === this.retry.attempts) {
          state.deliveries.markFailed(id, this.owner, message);
          log.error({ err, attempts: attempt }, 'digest delivery failed');
          return { kind: 'failed', error: message, permanent: false };
        }
        log.warn({ err, attempt, retryInMs: delay }, 'digest delivery failed; retrying');
        await this.sleep(delay);
        delay = Math.min(delay * this.retry.factor, this.retry.maxDelayMs);
        continue;
      }
      state.deliveries.markSent(id, this.owner, this.now(), coveredArticles(digest));
      log.info({ attempts: attempt }, 'digest sent');
      return { kind: 'sent', delivery: state.deliveries.get(sub.id, localDate)! };
    }
    return { kind: 'skipped', reason: 'stopped' };
  }

  private fire(subscriptionId: number): void {
    const sub = this.options.state.subscriptions.byId(subscriptionId);
    if (!sub || sub.paused) return;
    this.track(this.deliver(sub.id, localDateTime(this.now(), sub.timezone).date));
  }

  private track(p: Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
    const guarded = p.catch((err: unknown): DeliveryOutcome => {
      this.log.error({ err }, 'digest delivery crashed');
      return { kind: 'failed', error: errorText(err), permanent: false };
    });
    this.inFlight.add(guarded);
    void guarded.finally(() => this.inFlight.delete(guarded));
    return guarded;
  }

  private later(ms: number, run: () => void): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) run();
    }, ms);
    t.unref?.();
    this.timers.add(t);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(t);
        this.sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

/**
 * The local date whose digest a subscription is owed at `now`: today, when today's post time has
 * passed and the subscription (at its current time) already existed then; else null.
 */
function owedToday(sub: Subscription, now: Date): string | null {
  const last = previousDailyRun(sub.time, sub.timezone, now);
  const today = localDateTime(now, sub.timezone).date;
  if (!last || localDateTime(last, sub.timezone).date !== today || last.getTime() < Date.parse(sub.updatedAt)) return null;
  return today;
}

/** The articles a digest covers: those its points cite and those it lists as new, sorted. */
export function coveredArticles(digest: Digest): string[] {
  const ids = new Set<string>();
  for (const p of digest.points) for (const c of p.citations) ids.add(c.source);
  for (const a of digest.new) ids.add(a.source);
  return [...ids].sort();
}

/** Tells this process apart from an earlier one with the same pid (a container restarted). */
const PROCESS_TAG = randomUUID().slice(0, 8);

/**
 * True when a claim's holder was a process on this host that no longer runs: its pid is gone, or it
 * is this process's pid with another process tag. Holders of other hosts, or owners in another
 * form, are never judged gone (their lease decides).
 */
function holderIsGone(owner: string): boolean {
  const [host, pid, tag] = owner.split(':');
  if (host !== os.hostname() || tag === undefined || !/^\d+$/.test(pid ?? '')) return false;
  if (Number(pid) === process.pid) return tag !== PROCESS_TAG;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function jobKey(s: Subscription): string {
  return `${s.time}|${s.timezone}`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The idempotency key of a channel's digest for a local day: 25 characters (Discord's nonce limit),
 * the same in every process and attempt.
 * @example deliveryKey('discord', '1234', '2026-11-23').length // 25
 */
export function deliveryKey(platform: string, channel: string, localDate: string): string {
  return createHash('sha256').update(`newsdesk-digest\u0000${platform}\u0000${channel}\u0000${localDate}`).digest('base64url').slice(0, 25);
}
