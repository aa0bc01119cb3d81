import type { Answer } from '../../src/types.ts';
import type { DiscordMessage } from './render.ts';

/**
 * The replies newsdesk's buttons refer to ("More sources", "Helpful", "Share in channel"), kept in
 * memory for a while: Discord only sends a button's `custom_id` back, and a reply does not fit in
 * one. An answer's buttons carry the id the core keeps it under, so "More sources" reads the
 * citations found when it was given, and after a restart the core still has it; a shared source list
 * or digest, once evicted or after a restart, gets a polite "ask again".
 */

/** What a button may need from the reply it sits under. */
export type StoredReply =
  | {
      kind: 'answer';
      /** The id the core keeps the answer under (its buttons carry it). */
      answerId: string;
      /** The question as the core validated it. */
      question: string;
      conversationId: string;
      answer: Answer;
      /** Whether the core held citations beyond those in the answer when it was shown. */
      moreAvailable: boolean;
    }
  | { kind: 'message'; payload: DiscordMessage };

/**
 * A bounded map of recent replies, oldest evicted first.
 * @example const replies = new RecentReplies(2); replies.remember('1', { kind: 'message', payload }); replies.recall('1')
 */
export class RecentReplies {
  private readonly entries = new Map<string, StoredReply>();

  /** @param capacity - how many replies to keep (at least 1) */
  constructor(private readonly capacity = 2000) {}

  /** Stores (or replaces) the reply under `key`, evicting the oldest beyond the capacity. */
  remember(key: string, reply: StoredReply): void {
    this.entries.delete(key);
    this.entries.set(key, reply);
    while (this.entries.size > Math.max(1, this.capacity)) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** The reply stored under `key`, if it is still kept. */
  recall(key: string): StoredReply | undefined {
    return this.entries.get(key);
  }

  /** How many replies are kept. */
  get size(): number {
    return this.entries.size;
  }
}
