import { NewsdeskError } from '../errors.ts';
import type { Config } from '../config.ts';
import { silentLog, type Log } from '../log.ts';
import type { Answer, Citation } from '../types.ts';
import { openCorpus, type OpenedCorpus } from '../index/open-corpus.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { answerInStories } from '../stories/answer-in-stories.ts';
import { corpusStories, findStory, type Story } from '../stories/stories.ts';
import { validateQuestion } from '../ask/input.ts';
import { ConversationMemory } from '../ask/conversation.ts';
import { RateLimiter, type RateDecision } from './rate-limit.ts';
import { REQUEST_FAILED_MESSAGE, rateLimitedMessage, storyNotFound } from '../wording/messages.ts';
import { recordFeedback } from './feedback.ts';
import { feedbackSchema } from '../state/feedback-store.ts';
import { listSources, lookupSource, type SourceList, type SourceLookup } from '../index/sources.ts';
import { buildDigest } from '../digest/build-digest.ts';
import type { Digest } from '../digest/types.ts';
import { readFirstSeen } from '../ingest/first-seen.ts';
import { State } from '../state/state.ts';
import { AnswerMemory, type AnswerKeeper } from '../state/answers.ts';
import { randomUUID } from 'node:crypto';
import { subscribeChannel, subscriptionStatus, unsubscribeChannel, type DigestDefaults, type SubscriptionReply } from '../schedule/subscription-replies.ts';

/**
 * The one object every surface talks to (CLI, terminal chat, Discord, Slack): ask, look sources up,
 * record feedback, respect rate limits. It holds the opened corpus and the conversation memory;
 * it knows nothing of any platform.
 */

/**
 * The result of asking: an answer with the id it is kept under (for its buttons) and whether more
 * citations exist than it shows, or a message to show instead (bad input).
 */
export type AskResult =
  | { ok: true; answer: Answer; answerId: string; moreAvailable: boolean }
  /** `limited`: the asker is over the rate limit (the message says how long to wait). */
  | { ok: false; message: string; limited?: boolean };

/** Options of {@link Newsdesk.ask}. */
export interface AskOptions {
  /** Conversation key (thread, DM, terminal session) for follow-up questions. */
  conversationId?: string;
  /** Who asks (`slack:U123`, `discord:42`, `terminal`): each asker is held to the rate limit. */
  user?: string;
  /** A story (id or headline words) to answer within, instead of the one the conversation follows. */
  story?: string;
  /** The channel the conversation is in (`slack:C123`): the story the channel follows applies when the conversation follows none. */
  channelId?: string;
}

/** Options of the {@link Newsdesk} constructor. */
export interface NewsdeskOptions {
  /** Data folder (first-seen times, feedback when no state is given); null to keep nothing. */
  dataDir: string | null;
  rateLimitPerMinute: number;
  log: Log;
  /** The state database; when present every question asked is logged and subscriptions work. */
  state?: State | null;
  /** Time and timezone of a subscription that names none (DIGEST_TIME, DIGEST_TIMEZONE). */
  digestDefaults?: DigestDefaults;
  /** Stories a briefing of a many-story coverage lists (DIGEST_STORIES; default 5). */
  digestStories?: number;
}

/** Event delivery ids remembered in memory at most (without a state database). */
const SEEN_IN_MEMORY = 2000;

/** Citations found per answer and kept for "More sources". */
const KEPT_CITATIONS = 20;
/** Citations an answer shows (the rest come with "More sources"). */
const SHOWN_CITATIONS = 5;
/** Characters of an answer id (hexadecimal). */
const ANSWER_ID_LENGTH = 16;

/** An answer as shown: its first citations. */
function shownPart(answer: Answer): Answer {
  return answer.citations.length > SHOWN_CITATIONS ? { ...answer, citations: answer.citations.slice(0, SHOWN_CITATIONS) } : answer;
}

/** What an answer cites: its citations, or its related passages when it found nothing. */
function citationsOf(answer: Answer): Citation[] {
  return answer.citations.length ? answer.citations : (answer.related ?? []);
}

/** Used when no digest defaults are configured. */
const DIGEST_DEFAULTS = { time: '08:00', timezone: 'UTC' } as const satisfies DigestDefaults;

/**
 * The newsdesk service.
 * @example
 * const desk = Newsdesk.open(config, log);
 * const result = desk.ask('who requested the call?', { conversationId: 'slack:C1:1700000000.1' });
 */
export class Newsdesk {
  private readonly memory = new ConversationMemory();
  /** Stories followed by whole channels (`/story` in a channel), by channel key. */
  private readonly channelStories = new ConversationMemory(5000, 30 * 24 * 60 * 60 * 1000);
  /** Event delivery ids seen, when there is no state database. */
  private readonly seenInMemory = new Set<string>();
  private readonly limiter: RateLimiter;
  /** Answers kept by id: in the state database when there is one, so buttons outlive a restart. */
  private readonly kept: AnswerKeeper;

  private currentIndex: CorpusIndex;

  constructor(
    index: CorpusIndex,
    private readonly options: NewsdeskOptions,
  ) {
    this.currentIndex = index;
    this.limiter = new RateLimiter(options.rateLimitPerMinute);
    this.kept = options.state?.answers ?? new AnswerMemory();
  }

  /** The corpus index questions are answered from; replaced when the coverage grows (see replaceIndex). */
  get index(): CorpusIndex {
    return this.currentIndex;
  }

  /**
   * Swaps in an updated index (files added, changed or removed while the bot runs); questions asked
   * from now on are answered from it.
   * @example startCoverageUpdates(config, desk, log) // calls desk.replaceIndex(opened.index) on each change
   */
  replaceIndex(index: CorpusIndex): void {
    this.currentIndex = index;
  }

  /** The state database (subscriptions, deliveries, feedback, questions log), or null when there is none. */
  get state(): State | null {
    return this.options.state ?? null;
  }

  /**
   * Opens the configured corpus (snapshot when unchanged) and returns a ready service.
   * @throws NewsdeskError CORPUS_NOT_FOUND
   */
  static open(config: Config, log: Log = silentLog, onProgress?: (done: number, total: number) => void): Newsdesk {
    const opened: OpenedCorpus = openCorpus(config.CORPUS_DIR, {
      dataDir: config.DATA_DIR,
      maxFileBytes: config.MAX_FILE_BYTES,
      log,
      onProgress,
    });
    return Newsdesk.forIndex(opened.index, config, log);
  }

  /**
   * A service over an already opened index, configured from `config`.
   * @param withState - open the state database (questions logged, subscriptions); a failure to open it
   *   throws NewsdeskError STATE_UNAVAILABLE naming the file and the fix, unless STATE_OPTIONAL is set,
   *   when it is logged and the service works without it
   */
  static forIndex(index: CorpusIndex, config: Config, log: Log = silentLog, withState = true): Newsdesk {
    let state: State | null = null;
    if (withState) {
      try {
        state = State.open(config.DATA_DIR, { log });
      } catch (err) {
        // Silently running without it would turn every channel's digests off: stop, naming the file
        // and the fix, unless the operator chose to run without state.
        if (!config.STATE_OPTIONAL) {
          const reason = err instanceof Error ? err.message : String(err);
          throw new NewsdeskError(
            `${reason}. Make DATA_DIR (${config.DATA_DIR}) a writable folder, or restore newsdesk.db there from a backup (newsdesk backup); to run without it (no daily briefings, no question log), set STATE_OPTIONAL=true.`,
            'STATE_UNAVAILABLE',
            err,
          );
        }
        log.warn({ err }, 'no state database (STATE_OPTIONAL=true): questions are not logged and daily briefings are off');
      }
    }
    return new Newsdesk(index, {
      dataDir: config.DATA_DIR,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      log,
      state,
      digestDefaults: { time: config.DIGEST_TIME, timezone: config.DIGEST_TIMEZONE },
      digestStories: config.DIGEST_STORIES,
    });
  }

  /**
   * Answers a question; never throws on any input.
   * @param raw - the user's text, platform markup already removed by the adapter
   */
  ask(raw: unknown, options: AskOptions = {}): AskResult {
    if (options.user !== undefined) {
      const rate = this.limiter.check(options.user);
      if (!rate.allowed) {
        this.options.log.info({ user: options.user, retryAfterMs: rate.retryAfterMs }, 'asker rate limited');
        return { ok: false, message: rateLimitedMessage(rate.retryAfterMs), limited: true };
      }
    }
    const input = validateQuestion(raw);
    if (!input.ok) return input;
    const previous = options.conversationId ? this.memory.last(options.conversationId) : null;
    const focus = this.focusFor(options, previous?.story ?? null);
    if (focus === undefined) return { ok: false, message: storyNotFound(options.story ?? '') };
    // Only a story picked up from an earlier answer gives way to a question about another one.
    const focusImplicit = options.story === undefined && previous?.story != null && previous.storyChosen !== true;
    try {
      // One run finds every citation the buttons may show; the answer shows the first few.
      const {
        answer: full,
        subject,
        story,
      } = answerInStories(this.index, input.question, { previousSubject: previous?.subject ?? null, focus, focusImplicit, maxCitations: KEPT_CITATIONS });
      const answer = shownPart(full);
      const answerId = randomUUID().replace(/-/g, '').slice(0, ANSWER_ID_LENGTH);
      this.kept.keep({ id: answerId, conversation: options.conversationId ?? null, answer: full }, new Date());
      if (options.conversationId) {
        const followed = story?.id ?? focus?.id ?? null;
        const chosen = followed !== null && followed === previous?.story && previous.storyChosen === true;
        this.memory.remember(options.conversationId, { question: input.question, subject, story: followed, storyChosen: chosen });
      }
      // "Which story?" is a question back, not a gap in the coverage.
      if (!answer.storyChoices) this.logQuestion(answer);
      return { ok: true, answer, answerId, moreAvailable: citationsOf(full).length > citationsOf(answer).length };
    } catch (err) {
      // A bug in the pipeline must never take a chat surface down: log it, answer plainly.
      this.options.log.error({ err, question: input.question }, 'answering failed');
      return { ok: false, message: REQUEST_FAILED_MESSAGE };
    }
  }

  /**
   * Citations of a kept answer beyond the first `shown` ("More sources"), as they were found when it
   * was given: nothing is asked again.
   * @returns the next citations (numbered on from `shown + 1`; empty when there are no more), or
   *   null when the answer is no longer kept
   */
  more(answerId: string, shown: number): Citation[] | null {
    const kept = this.kept.find(answerId);
    return kept ? citationsOf(kept.answer).slice(Math.max(0, shown)) : null;
  }

  /**
   * A kept answer as it was shown ("Share in channel", "Helpful"), with the conversation it was given in.
   * @returns null when the answer is no longer kept
   */
  answer(answerId: string): { answer: Answer; conversationId: string | null } | null {
    const kept = this.kept.find(answerId);
    return kept ? { answer: shownPart(kept.answer), conversationId: kept.conversation } : null;
  }

  /** The stories of the coverage, largest first. */
  stories(): Story[] {
    return corpusStories(this.index, this.options.dataDir ? readFirstSeen(this.options.dataDir) : new Map());
  }

  /**
   * Makes a conversation, or a whole channel, follow a story (`/story <words>`): its questions are
   * then answered within it. A channel's story applies to its conversations that follow none.
   * @param key - a conversation id, or a channel key given as `channelId` when asking
   * @returns the story, or null when none matches (what was followed stays)
   */
  followStory(key: string, query: string, scope: 'conversation' | 'channel' = 'conversation'): Story | null {
    const story = findStory(this.index, this.stories(), query);
    if (!story) return null;
    if (scope === 'channel') {
      this.channelStories.remember(key, { question: '', subject: null, story: story.id });
      try {
        this.state?.storyFollows.follow(key, story.id, new Date());
      } catch (err) {
        // Followed until the restart all the same.
        this.options.log.warn({ err }, 'could not keep the story a channel follows');
      }
    } else {
      const previous = this.memory.last(key);
      this.memory.remember(key, { question: previous?.question ?? '', subject: null, story: story.id, storyChosen: true });
    }
    return story;
  }

  /** The story a conversation (or, with scope channel, a channel) follows, or null. */
  followedStory(key: string, scope: 'conversation' | 'channel' = 'conversation'): Story | null {
    const id = scope === 'channel' ? this.channelStoryId(key) : this.memory.last(key)?.story;
    return id ? (this.stories().find((s) => s.id === id) ?? null) : null;
  }

  /** The story id a channel follows: remembered here, else kept in the state database (after a restart). */
  private channelStoryId(key: string): string | null {
    const remembered = this.channelStories.last(key)?.story;
    if (remembered) return remembered;
    if (!this.state) return null;
    try {
      return this.state.storyFollows.followed(key);
    } catch (err) {
      this.options.log.warn({ err }, 'could not read the story a channel follows');
      return null;
    }
  }

  /**
   * The story to answer within: the one asked for, else the one the conversation follows, else the
   * channel's (if it still exists); undefined when the asked-for story matches nothing.
   */
  private focusFor(options: AskOptions, followed: string | null): Story | null | undefined {
    if (options.story !== undefined) return findStory(this.index, corpusStories(this.index), options.story) ?? undefined;
    const id = followed ?? (options.channelId ? this.channelStoryId(options.channelId) : null);
    return id ? (corpusStories(this.index).find((s) => s.id === id) ?? null) : null;
  }

  /** Every source and the skipped files. */
  listSources(): SourceList {
    return listSources(this.index);
  }

  /** One source by id, outlet or title words. */
  lookupSource(query: string): SourceLookup {
    return lookupSource(this.index, query);
  }

  /** Outlets and titles that start with or contain `partial`, for autocomplete (at most 25). */
  suggestSources(partial: string): { name: string; value: string }[] {
    const q = partial.trim().toLowerCase();
    const out: { name: string; value: string }[] = [];
    for (const a of this.index.sortedArticles()) {
      const label = `${a.outlet ? `${a.outlet}: ` : ''}${a.title}`;
      if (q === '' || label.toLowerCase().includes(q) || a.id.toLowerCase().includes(q)) out.push({ name: label, value: a.id });
      if (out.length >= 25) break;
    }
    return out;
  }

  /**
   * Today's briefing of the coverage (what `/digest` shows).
   * @param options - since: articles first seen after it are "new" (default: when the channel's last
   *   digest was sent, for a subscribed `platform` and `channel`; else the last 24 hours); now: the clock;
   *   topic: the stories to cover (default: the channel's subscription topic)
   * @example desk.digest().points[0].citations.length // 4
   * @example desk.digest({ platform: 'slack', channel: 'C123' }).new // articles since that channel's last digest
   */
  digest(options: { since?: Date | null; now?: Date; platform?: string; channel?: string; topic?: string | null } = {}): Digest {
    const firstSeen = this.options.dataDir ? readFirstSeen(this.options.dataDir) : new Map<string, string>();
    let since = options.since ?? null;
    let topic = options.topic ?? null;
    if (options.platform && options.channel && this.state) {
      try {
        const sub = this.state.subscriptions.get(options.platform, options.channel);
        const sentAt = sub ? this.state.deliveries.lastSent(sub.id)?.sentAt : null;
        if (since === null && sentAt) since = new Date(sentAt);
        if (options.topic === undefined) topic = sub?.topic ?? null;
      } catch (err) {
        this.options.log.warn({ err }, 'could not read the last digest of the channel');
      }
    }
    return buildDigest(this.index, { since, firstSeen, now: options.now ?? new Date(), maxStories: this.options.digestStories, topic }, this.options.log);
  }

  /** Applies the per-user rate limit. */
  checkRateLimit(userKey: string): RateDecision {
    return this.limiter.check(userKey);
  }

  /**
   * Subscribes a channel to the daily briefing (or changes its time), e.g. `/digest subscribe 07:30 Europe/Paris`.
   * @param time - 'HH:MM' or '8am'; default DIGEST_TIME
   * @param timezone - IANA name; default DIGEST_TIMEZONE
   * @param topic - a story id or keywords: the briefing then covers only the matching stories
   * @example desk.subscribe('slack', 'C123', '07:30', 'Europe/Paris').message // 'Subscribed: this channel gets the daily briefing at 07:30 (Europe/Paris). …'
   */
  subscribe(
    platform: string,
    channel: string,
    time?: string | null,
    timezone?: string | null,
    now: Date = new Date(),
    topic: string | null = null,
  ): SubscriptionReply {
    return this.stateCall(() => subscribeChannel(this.state, this.options.digestDefaults ?? DIGEST_DEFAULTS, platform, channel, time, timezone, now, topic));
  }

  /** Unsubscribes a channel from the daily briefing (`/digest unsubscribe`). */
  unsubscribe(platform: string, channel: string): SubscriptionReply {
    return this.stateCall(() => unsubscribeChannel(this.state, platform, channel));
  }

  /** A channel's subscription, next and last briefing (`/digest status`). */
  subscriptionStatus(platform: string, channel: string, now: Date = new Date()): SubscriptionReply {
    return this.stateCall(() => subscriptionStatus(this.state, platform, channel, now));
  }

  /**
   * True the first time an incoming event's delivery id is seen, in the state database when there is
   * one (so a redelivery after a restart is still recognised), else in this process's memory.
   * @example desk.firstDelivery('slack:Ev0123') // true, then false
   */
  firstDelivery(key: string): boolean {
    if (this.state) {
      try {
        return this.state.seenEvents.addIfNew(key, new Date());
      } catch (err) {
        this.options.log.warn({ err }, 'could not record an event delivery; remembered in memory only');
      }
    }
    if (this.seenInMemory.has(key)) return false;
    this.seenInMemory.add(key);
    if (this.seenInMemory.size > SEEN_IN_MEMORY) this.seenInMemory.delete(this.seenInMemory.values().next().value!);
    return true;
  }

  /** Records "Helpful" / "Not helpful" feedback. Returns false (and logs) when it could not be stored. */
  recordFeedback(feedback: { question: string; helpful: boolean; user: string; conversation?: string }): boolean {
    if (!this.options.dataDir && !this.state) return false;
    try {
      const record = { ...feedback, at: new Date().toISOString() };
      if (this.state) this.state.feedback.record(feedbackSchema.parse(record));
      else recordFeedback(this.options.dataDir!, record);
      return true;
    } catch (err) {
      this.options.log.warn({ err }, 'could not record feedback');
      return false;
    }
  }

  /** Logs an asked question in the state database; never fails the answer. */
  private logQuestion(answer: Answer): void {
    if (!this.state) return;
    try {
      this.state.questions.record(answer.question, answer.status, answer.answer, new Date());
    } catch (err) {
      this.options.log.warn({ err }, 'could not log the question');
    }
  }

  /** Runs a subscription command; a database failure becomes a plain reply. */
  private stateCall(run: () => SubscriptionReply): SubscriptionReply {
    try {
      return run();
    } catch (err) {
      this.options.log.error({ err }, 'subscription command failed');
      return { ok: false, subscription: null, nextAt: null, lastDelivery: null, message: REQUEST_FAILED_MESSAGE };
    }
  }
}
