import type Database from 'better-sqlite3';

/**
 * Digest subscriptions: one per platform channel, with the local time and IANA timezone of the
 * daily post, the story or keywords it follows (if any), and whether it is paused (and why).
 */

/** A channel's digest subscription. */
export interface Subscription {
  id: number;
  /** 'discord', 'slack', … */
  platform: string;
  /** The platform's channel id. */
  channel: string;
  /** Local time of the daily post, 'HH:MM'. */
  time: string;
  /** IANA timezone, e.g. 'Europe/London'. */
  timezone: string;
  paused: boolean;
  /** Why it was paused (e.g. the bot was removed from the channel), null when not paused. */
  pausedReason: string | null;
  /** A story id or keywords: the briefing covers only the matching stories; null for the top stories. */
  topic: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  platform: string;
  channel: string;
  time: string;
  timezone: string;
  paused: number;
  paused_reason: string | null;
  topic: string | null;
  created_at: string;
  updated_at: string;
}

/** Reads and writes subscriptions. */
export class SubscriptionStore {
  constructor(private readonly db: Database.Database) {}

  /**
   * Creates or updates the subscription of a channel (and unpauses it).
   * @param topic - a story id or keywords the briefing is limited to, or null for the top stories
   * @returns the subscription as stored
   */
  upsert(platform: string, channel: string, time: string, timezone: string, now: Date, topic: string | null = null): Subscription {
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel, time, timezone, paused, paused_reason, topic, created_at, updated_at)
         VALUES (?, ?, ?, ?, 0, NULL, ?, ?, ?)
         ON CONFLICT (platform, channel) DO UPDATE SET time = excluded.time, timezone = excluded.timezone, topic = excluded.topic, paused = 0, paused_reason = NULL, updated_at = excluded.updated_at`,
      )
      .run(platform, channel, time, timezone, topic, at, at);
    return this.get(platform, channel)!;
  }

  /** The subscription of a channel, or null. */
  get(platform: string, channel: string): Subscription | null {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ?').get(platform, channel) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** A subscription by id, or null. */
  byId(id: number): Subscription | null {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every subscription, by id. */
  list(): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY id').all() as Row[]).map(fromRow);
  }

  /** Removes a channel's subscription (and its delivery history). Returns false when there was none. */
  remove(platform: string, channel: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel = ?').run(platform, channel).changes > 0;
  }

  /** Pauses a subscription, recording why. */
  pause(id: number, reason: string, now: Date): void {
    this.db.prepare('UPDATE subscriptions SET paused = 1, paused_reason = ?, updated_at = ? WHERE id = ?').run(reason, now.toISOString(), id);
  }
}

function fromRow(r: Row): Subscription {
  return {
    id: r.id,
    platform: r.platform,
    channel: r.channel,
    time: r.time,
    timezone: r.timezone,
    paused: r.paused === 1,
    pausedReason: r.paused_reason,
    topic: r.topic ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
