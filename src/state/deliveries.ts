import type Database from 'better-sqlite3';

/**
 * Digest deliveries: at most one row per subscription and local day. A process claims the day's row
 * before it sends (the unique key decides between processes), renews the claim on every attempt, and
 * marks it sent or failed. A claim whose lease ran out (its process died between claiming and
 * sending) may be taken over, once.
 */

/** Where a delivery stands. */
type DeliveryStatus = 'claimed' | 'sent' | 'failed';

/** One subscription's digest of one local day. */
export interface Delivery {
  id: number;
  subscriptionId: number;
  /** The subscription's local date, 'YYYY-MM-DD'. */
  localDate: string;
  status: DeliveryStatus;
  /** The process that holds (or held) the claim. */
  claimedBy: string;
  claimedAt: string;
  sentAt: string | null;
  attempts: number;
  error: string | null;
  /** Ids of the articles the digest cited or listed as new. */
  articles: string[];
}

/** The result of trying to claim a delivery. */
export type ClaimResult = { claimed: true; delivery: Delivery } | { claimed: false; delivery: Delivery };

interface Row {
  id: number;
  subscription_id: number;
  local_date: string;
  status: DeliveryStatus;
  claimed_by: string;
  claimed_at: string;
  sent_at: string | null;
  attempts: number;
  error: string | null;
  articles: string;
}

/** Reads and writes deliveries. */
export class DeliveryStore {
  constructor(private readonly db: Database.Database) {}

  /**
   * Claims the delivery of a subscription's local day for `owner`, in one immediate transaction: a
   * new row, or a claimed row whose lease ran out. Sent and failed rows are never claimed again.
   * @param leaseMs - how long a claim holds without renewal
   */
  claim(subscriptionId: number, localDate: string, owner: string, now: Date, leaseMs: number): ClaimResult {
    const run = this.db.transaction((): ClaimResult => {
      const existing = this.get(subscriptionId, localDate);
      if (!existing) {
        this.db
          .prepare("INSERT INTO deliveries (subscription_id, local_date, status, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?)")
          .run(subscriptionId, localDate, owner, now.toISOString());
        return { claimed: true, delivery: this.get(subscriptionId, localDate)! };
      }
      const expired = existing.status === 'claimed' && Date.parse(existing.claimedAt) + leaseMs <= now.getTime();
      if (!expired) return { claimed: false, delivery: existing };
      const taken = this.db
        .prepare("UPDATE deliveries SET claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ? AND claimed_at = ?")
        .run(owner, now.toISOString(), existing.id, existing.claimedBy, existing.claimedAt).changes;
      return { claimed: taken === 1, delivery: this.get(subscriptionId, localDate)! };
    });
    return run.immediate();
  }

  /**
   * Records an attempt and renews the claim. Returns false when `owner` no longer holds it.
   */
  startAttempt(id: number, owner: string, now: Date): boolean {
    return (
      this.db
        .prepare("UPDATE deliveries SET attempts = attempts + 1, claimed_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?")
        .run(now.toISOString(), id, owner).changes === 1
    );
  }

  /**
   * Gives up `owner`'s claim of a delivery still in flight: its lease counts as run out, so another
   * process may take it over at once (as a resumed delivery, since attempts were made).
   */
  release(id: number, owner: string): void {
    this.db.prepare("UPDATE deliveries SET claimed_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?").run(new Date(0).toISOString(), id, owner);
  }

  /** Records the error of a failed attempt (the claim stays, for a retry). */
  recordError(id: number, owner: string, error: string): void {
    this.db.prepare("UPDATE deliveries SET error = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?").run(error, id, owner);
  }

  /**
   * Marks a claimed delivery sent, with the articles it covered, and records the channel's digest of
   * that day, which outlives the subscription (unsubscribing and subscribing again the same day does
   * not bring a second digest).
   */
  markSent(id: number, owner: string, now: Date, articles: readonly string[]): boolean {
    return this.db.transaction(() => {
      const updated =
        this.db
          .prepare("UPDATE deliveries SET status = 'sent', sent_at = ?, error = NULL, articles = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?")
          .run(now.toISOString(), JSON.stringify(articles), id, owner).changes === 1;
      if (updated) {
        this.db
          .prepare(
            'INSERT OR IGNORE INTO channel_digests (platform, channel, local_date, sent_at) SELECT s.platform, s.channel, d.local_date, d.sent_at FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.id = ?',
          )
          .run(id);
      }
      return updated;
    })();
  }

  /** True when a channel already got its digest for a local day, under any subscription, past or present. */
  sentToChannel(platform: string, channel: string, localDate: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM channel_digests WHERE platform = ? AND channel = ? AND local_date = ?').get(platform, channel, localDate) !== undefined
    );
  }

  /** Marks a claimed delivery failed for good (for its day). */
  markFailed(id: number, owner: string, error: string): boolean {
    return (
      this.db.prepare("UPDATE deliveries SET status = 'failed', error = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?").run(error, id, owner)
        .changes === 1
    );
  }

  /** The delivery of a subscription's local day, or null. */
  get(subscriptionId: number, localDate: string): Delivery | null {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND local_date = ?').get(subscriptionId, localDate) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** A subscription's deliveries, newest day first. */
  list(subscriptionId: number): Delivery[] {
    return (this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY local_date DESC').all(subscriptionId) as Row[]).map(fromRow);
  }

  /** The last delivery that was sent, or null. */
  lastSent(subscriptionId: number): Delivery | null {
    const row = this.db.prepare("SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'sent' ORDER BY sent_at DESC LIMIT 1").get(subscriptionId) as
      | Row
      | undefined;
    return row ? fromRow(row) : null;
  }
}

function fromRow(r: Row): Delivery {
  let articles: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.articles);
    if (Array.isArray(parsed)) articles = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    // a hand-edited row; treat as none
  }
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    localDate: r.local_date,
    status: r.status,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    sentAt: r.sent_at,
    attempts: r.attempts,
    error: r.error,
    articles,
  };
}
