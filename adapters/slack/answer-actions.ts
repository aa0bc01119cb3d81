import type { App, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { Log } from '../../src/log.ts';
import { STALE_BUTTON_MESSAGE, feedbackThanksMessage, followingStory, rateLimitedMessage } from '../../src/wording/messages.ts';
import { ACTION_IDS, decodeAnswerRef, type AnswerRef } from './action-values.ts';
import { failureMessage, rateLimitKey } from './answer-flow.ts';
import type { SlackMessage } from './block-kit.ts';
import type { SlackDesk } from './desk-port.ts';
import type { RecentKeys } from './recent-keys.ts';
import { SLACK_PLATFORM } from './digest-command.ts';
import { renderDigestForSlack } from './render-digest.ts';
import { renderAnswerForSlack, renderMoreSourcesForSlack, renderNoticeForSlack } from './render.ts';
import { isDirectMessageChannel, postMessage, respondPrivately, respondWithRetries, type ReplyClient } from './replies.ts';

/**
 * The answer buttons: "More sources" (the next citations, in the answer's thread or privately),
 * "Helpful" / "Not helpful" (feedback recorded by the core) and "Share in channel" (a private slash
 * reply posted for everyone; under a private `/digest`, today's briefing), and the stories offered by
 * "which story?" (the channel follows the one clicked). Each click is acknowledged first.
 */

/** Citations a "More sources" click adds. */
const MORE_PER_CLICK = 5;

/** What the action listeners share. */
export interface ActionDeps {
  desk: SlackDesk;
  log: Log;
  botThreads: RecentKeys;
  track: <T>(work: Promise<T>) => Promise<T>;
}

const actionBody = z.object({
  user: z.object({ id: z.string() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ is_ephemeral: z.boolean().optional(), channel_id: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
});

const buttonAction = z.object({ value: z.string() });

/** Where a click came from. */
interface Click {
  ref: AnswerRef | null;
  userId: string;
  channelId: string | null;
  /** The clicked message when it is a normal (public) message; null for private replies. */
  message: { ts: string; threadTs: string | null } | null;
}

/**
 * Registers the listeners of the answer buttons and of the digest’s “Share in channel”.
 * @param app - the Bolt app
 * @param deps - desk, logger, the bot's threads and the in-flight tracker
 */
export function registerAnswerActions(app: App, deps: ActionDeps): void {
  const on = (actionId: string, run: (click: Click, client: ReplyClient, respond: RespondFn | undefined) => Promise<void>) => {
    app.action(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const parsed = actionBody.safeParse(body);
      const value = buttonAction.safeParse(action);
      if (!parsed.success) {
        deps.log.warn({ actionId }, 'ignored a button click without a user');
        return;
      }
      const b = parsed.data;
      const ephemeral = b.container?.is_ephemeral === true || b.message === undefined;
      const click: Click = {
        ref: value.success ? decodeAnswerRef(value.data.value) : null,
        userId: b.user.id,
        channelId: b.channel?.id ?? b.container?.channel_id ?? null,
        message: ephemeral || !b.message ? null : { ts: b.message.ts, threadTs: b.message.thread_ts ?? null },
      };
      await deps.track(guard(deps, actionId, click, client, respond, run));
    });
  };

  // "Which story?": the clicked story is followed by the channel, said privately to the clicker.
  app.action(new RegExp(`^${ACTION_IDS.followStory}_\\d+$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const parsed = actionBody.safeParse(body);
    const value = buttonAction.safeParse(action);
    if (!parsed.success) return;
    const b = parsed.data;
    const channelId = b.channel?.id ?? b.container?.channel_id ?? null;
    const ephemeral = b.container?.is_ephemeral === true || b.message === undefined;
    const click: Click = {
      ref: null,
      userId: b.user.id,
      channelId,
      message: ephemeral || !b.message ? null : { ts: b.message.ts, threadTs: b.message.thread_ts ?? null },
    };
    await deps.track(
      guard(deps, ACTION_IDS.followStory, click, client, respond, async () => {
        const story = value.success && channelId ? await deps.desk.followStory(`slack:${channelId}`, value.data.value.slice(0, 40), 'channel') : null;
        await replyPrivately(deps, click, client, respond, renderNoticeForSlack(story ? followingStory(story.title) : STALE_BUTTON_MESSAGE));
      }),
    );
  });

  on(ACTION_IDS.moreSources, async (click, client, respond) => {
    if (!click.ref) return replyPrivately(deps, click, client, respond, renderNoticeForSlack(STALE_BUTTON_MESSAGE));
    const decision = deps.desk.checkRateLimit(rateLimitKey(click.userId));
    if (!decision.allowed) return replyPrivately(deps, click, client, respond, renderNoticeForSlack(rateLimitedMessage(decision.retryAfterMs)));
    const { question, conversationId, shown, answerId } = click.ref;
    // The answer as it was given, kept by the core: nothing is asked again.
    const rest = answerId ? await deps.desk.more(answerId, shown) : null;
    if (rest === null) return replyPrivately(deps, click, client, respond, renderNoticeForSlack(STALE_BUTTON_MESSAGE));
    const citations = rest.slice(0, MORE_PER_CLICK);
    const reply = renderMoreSourcesForSlack(question, citations, {
      conversationId,
      shownBefore: shown,
      ...(answerId ? { answerId } : {}),
      moreAvailable: rest.length > citations.length,
    });
    if (click.message && click.channelId && citations.length) {
      const threadTs = click.message.threadTs ?? (isDirectMessageChannel(click.channelId) ? null : click.message.ts);
      try {
        await postMessage(client, { channel: click.channelId, threadTs }, reply);
        if (threadTs) deps.botThreads.add(`${click.channelId}:${threadTs}`);
        return;
      } catch (err) {
        // e.g. not_in_channel for an answer shared from a slash command: show it privately instead.
        deps.log.warn({ err, channel: click.channelId }, 'could not post more sources in the thread; replying privately');
      }
    }
    await replyPrivately(deps, click, client, respond, reply);
  });

  const feedback = (helpful: boolean) => async (click: Click, client: ReplyClient, respond: RespondFn | undefined) => {
    if (!click.ref) return replyPrivately(deps, click, client, respond, renderNoticeForSlack(STALE_BUTTON_MESSAGE));
    const recorded = await deps.desk.recordFeedback({
      question: click.ref.question,
      helpful,
      user: `slack:${click.userId}`,
      conversation: click.ref.conversationId ?? (click.channelId ? `slack:${click.channelId}` : undefined),
    });
    await replyPrivately(deps, click, client, respond, renderNoticeForSlack(feedbackThanksMessage(helpful, recorded)));
  };
  on(ACTION_IDS.helpful, feedback(true));
  on(ACTION_IDS.notHelpful, feedback(false));

  on(ACTION_IDS.share, async (click, client, respond) => {
    if (!click.ref || !respond) return replyPrivately(deps, click, client, respond, renderNoticeForSlack(STALE_BUTTON_MESSAGE));
    const { question, conversationId, answerId } = click.ref;
    // The answer as it was shown privately, not a new one: the conversation may have moved on since.
    const kept = answerId ? await deps.desk.answer(answerId) : null;
    if (!answerId || !kept) return replyPrivately(deps, click, client, respond, renderNoticeForSlack(STALE_BUTTON_MESSAGE));
    const listed = kept.answer.citations.length || (kept.answer.related?.length ?? 0);
    const beyond = (await deps.desk.more(answerId, listed)) ?? [];
    const shared = renderAnswerForSlack(kept.answer, { conversationId, showQuestion: true, askedAs: question, answerId, moreAvailable: beyond.length > 0 });
    await respondWithRetries(respond, { response_type: 'in_channel', replace_original: false, text: shared.text, blocks: shared.blocks });
    await respondWithRetries(respond, { delete_original: true });
  });

  on(ACTION_IDS.shareDigest, async (click, client, respond) => {
    if (!respond) return replyPrivately(deps, click, client, respond, renderNoticeForSlack(STALE_BUTTON_MESSAGE));
    const shared = renderDigestForSlack(await deps.desk.digest(click.channelId ? { platform: SLACK_PLATFORM, channel: click.channelId } : {}));
    await respondWithRetries(respond, { response_type: 'in_channel', replace_original: false, text: shared.text, blocks: shared.blocks });
    await respondWithRetries(respond, { delete_original: true });
  });
}

async function guard(
  deps: ActionDeps,
  actionId: string,
  click: Click,
  client: ReplyClient,
  respond: RespondFn | undefined,
  run: (click: Click, client: ReplyClient, respond: RespondFn | undefined) => Promise<void>,
): Promise<void> {
  try {
    await run(click, client, respond);
  } catch (err) {
    deps.log.error({ err, actionId, channel: click.channelId }, 'button action failed');
    try {
      await replyPrivately(deps, click, client, respond, failureMessage());
    } catch (again) {
      deps.log.warn({ err: again, actionId }, 'could not send the failure notice either');
    }
  }
}

/**
 * Replies to the clicker only: in the thread (chat.postEphemeral) for a public message, through the
 * response_url for a private one or when the bot cannot post in the channel.
 */
async function replyPrivately(deps: ActionDeps, click: Click, client: ReplyClient, respond: RespondFn | undefined, message: SlackMessage): Promise<void> {
  if (click.message && click.channelId) {
    try {
      await client.chat.postEphemeral({
        channel: click.channelId,
        user: click.userId,
        ...(click.message.threadTs ? { thread_ts: click.message.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
      });
      return;
    } catch (err) {
      if (!respond) throw err;
      deps.log.warn({ err, channel: click.channelId }, 'could not reply privately in the channel; using the response_url');
    }
  }
  if (!respond) throw new Error('no way to reply to this click: no channel message and no response_url');
  await respondPrivately(respond, message);
}
