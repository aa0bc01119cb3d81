import type { Digest } from '../../src/digest/types.ts';
import type { AskOptions, AskResult } from '../../src/app/newsdesk.ts';
import type { Story } from '../../src/stories/stories.ts';
import type { SubscriptionReply } from '../../src/schedule/subscription-replies.ts';
import type { Log } from '../../src/log.ts';
import type { RateDecision } from '../../src/app/rate-limit.ts';
import type { SourceList, SourceLookup } from '../../src/index/sources.ts';
import type { Answer, Citation } from '../../src/types.ts';
import type { RecentReplies } from './answer-store.ts';

/**
 * What the Discord handlers share: the core service, the logger and the replies buttons refer to.
 */

/**
 * The part of the `Newsdesk` service the Discord adapter uses. `Newsdesk` satisfies it; `ask` and
 * `more` may also answer asynchronously (a slower pipeline, a test double), which the
 * adapter awaits while keeping Discord's 3-second acknowledgement.
 */
export interface DiscordDesk {
  ask(raw: unknown, options?: AskOptions): AskResult | Promise<AskResult>;
  /** Citations of a kept answer beyond the first `shown`; null once it is no longer kept. */
  more(answerId: string, shown: number): Citation[] | null | Promise<Citation[] | null>;
  /** A kept answer as it was shown, with its conversation; null once it is no longer kept. */
  answer(answerId: string): { answer: Answer; conversationId: string | null } | null | Promise<{ answer: Answer; conversationId: string | null } | null>;
  listSources(): SourceList;
  lookupSource(query: string): SourceLookup;
  suggestSources(partial: string): { name: string; value: string }[];
  checkRateLimit(userKey: string): RateDecision;
  recordFeedback(feedback: { question: string; helpful: boolean; user: string; conversation?: string }): boolean;
  /** Today's briefing (`/digest now`); "new" counts from the channel's last digest when it is subscribed. */
  digest(options?: { platform?: string; channel?: string }): Digest;
  /** `/digest subscribe [time] [timezone] [topic]` for a channel. */
  subscribe(platform: string, channel: string, time?: string | null, timezone?: string | null, now?: Date, topic?: string | null): SubscriptionReply;
  /** `/digest unsubscribe` for a channel. */
  unsubscribe(platform: string, channel: string): SubscriptionReply;
  /** `/digest status` of a channel. */
  subscriptionStatus(platform: string, channel: string): SubscriptionReply;
  /** The stories of the coverage, largest first (`/stories`). */
  stories(): Story[];
  /** `/story query:` — a channel (scope channel) or a conversation follows a story; null when none matches. */
  followStory(key: string, query: string, scope?: 'conversation' | 'channel'): Story | null;
  /** The story a channel or conversation follows, or null. */
  followedStory(key: string, scope?: 'conversation' | 'channel'): Story | null;
}

/** Everything a handler needs. */
export interface BotContext {
  desk: DiscordDesk;
  /** The `{ module: 'discord' }` child logger. */
  log: Log;
  replies: RecentReplies;
  /** Defer an interaction (or show "typing…") when the answer is not ready after this many ms. */
  deferAfterMs: number;
  /** Citations shown with an answer; the rest are behind "More sources". */
  citationsShown: number;
}

/** The rate-limit and feedback key of a Discord user. */
export function discordUserKey(userId: string): string {
  return `discord:${userId}`;
}

/** The platform name of Discord subscriptions (their channel is the Discord channel id). */
export const DISCORD_PLATFORM = 'discord';

/** The key a Discord channel (or thread) follows a story under: `discord:channel:123`. */
export function discordChannelKey(channelId: string): string {
  return `discord:channel:${channelId}`;
}
