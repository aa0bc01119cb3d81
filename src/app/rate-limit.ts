/**
 * A per-user rate limit: a sliding one-minute window of request times per key.
 */

/** The decision for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Limits how many requests each key (a platform user) may make per minute.
 * @example const limiter = new RateLimiter(10); limiter.check('slack:U123').allowed // true
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  /**
   * @param perMinute - requests allowed per key in any 60-second window
   * @param now - clock, injectable for tests
   */
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a request for `key` if allowed, and says whether it is. */
  check(key: string): RateDecision {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((h) => t - h < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: WINDOW_MS - (t - recent[0]!) };
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > MAX_KEYS) this.prune(t);
    return { allowed: true };
  }

  private prune(t: number): void {
    for (const [key, times] of this.hits) if (times.every((h) => t - h >= WINDOW_MS)) this.hits.delete(key);
  }
}

const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;
