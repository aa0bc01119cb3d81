import type { AskOptions, AskResult, Newsdesk } from '../../src/app/newsdesk.ts';
import type { Answer, Citation } from '../../src/types.ts';
import type { SourceList, SourceLookup } from '../../src/index/sources.ts';
import type { RateDecision } from '../../src/app/rate-limit.ts';
import type { Digest } from '../../src/digest/types.ts';
import type { SubscriptionReply } from '../../src/schedule/subscription-replies.ts';
import type { Story } from '../../src/stories/stories.ts';

/**
 * What the Slack adapter needs from the core: the parts of {@link Newsdesk} it calls. Results may be
 * promises, so a slower desk (a remote one, or a test's deliberately slow one) fits as well.
 */

type MaybePromise<T> = T | Promise<T>;

/** The core calls the Slack adapter makes; `Newsdesk` satisfies it. */
export interface SlackDesk {
  ask(raw: unknown, options?: AskOptions): MaybePromise<AskResult>;
  /** Citations of a kept answer beyond the first `shown`; null once it is no longer kept. */
  more(answerId: string, shown: number): MaybePromise<Citation[] | null>;
  /** A kept answer as it was shown, with its conversation; null once it is no longer kept. */
  answer(answerId: string): MaybePromise<{ answer: Answer; conversationId: string | null } | null>;
  listSources(): MaybePromise<SourceList>;
  lookupSource(query: string): MaybePromise<SourceLookup>;
  checkRateLimit(userKey: string): RateDecision;
  recordFeedback(feedback: { question: string; helpful: boolean; user: string; conversation?: string }): MaybePromise<boolean>;
  /** Today's briefing (`/digest`); "new" counts from the channel's last digest when it is subscribed. */
  digest(options?: { platform?: string; channel?: string }): MaybePromise<Digest>;
  /** `/digest subscribe [time] [timezone] [topic]` for a channel. */
  subscribe(
    platform: string,
    channel: string,
    time?: string | null,
    timezone?: string | null,
    now?: Date,
    topic?: string | null,
  ): MaybePromise<SubscriptionReply>;
  /** `/digest unsubscribe` for a channel. */
  unsubscribe(platform: string, channel: string): MaybePromise<SubscriptionReply>;
  /** `/digest status` of a channel. */
  subscriptionStatus(platform: string, channel: string): MaybePromise<SubscriptionReply>;
  /** The stories of the coverage, largest first (`/stories`). */
  stories(): MaybePromise<Story[]>;
  /** `/story <words>`: a channel (scope channel) or a conversation follows a story; null when none matches. */
  followStory(key: string, query: string, scope?: 'conversation' | 'channel'): MaybePromise<Story | null>;
  /** The story a channel or conversation follows, or null. */
  followedStory(key: string, scope?: 'conversation' | 'channel'): MaybePromise<Story | null>;
  /** True the first time an event delivery id is seen (kept across restarts when there is state). */
  firstDelivery(key: string): boolean;
}

/** Compile-time proof that the real service fits the port. */
export const asSlackDesk = (desk: Newsdesk): SlackDesk => desk;
