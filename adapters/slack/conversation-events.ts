import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Log } from '../../src/log.ts';
import { askForSlack, failureMessage } from './answer-flow.ts';
import type { SlackDesk } from './desk-port.ts';
import type { RecentKeys } from './recent-keys.ts';
import { isDirectMessageChannel, postMessage, type MessageTarget, type ReplyClient } from './replies.ts';
import { mentionsUser, slackTextToPlain } from './slack-text.ts';

/**
 * Questions asked in conversation: a mention in a channel (answered in its thread), a direct message,
 * or a reply in a thread the bot answered in. The thread (or the DM) is the conversation, so
 * follow-up questions keep its context.
 */

/** What the event listeners share. */
export interface ConversationDeps {
  desk: SlackDesk;
  log: Log;
  /** `channel:thread_ts` of threads the bot answered in. */
  botThreads: RecentKeys;
  /** Registers work in flight, so stopping waits for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

const mentionEvent = z.object({
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  channel: z.string(),
  thread_ts: z.string().optional(),
});

const messageEvent = z.object({
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  channel: z.string(),
  channel_type: z.string().optional(),
  thread_ts: z.string().optional(),
});

/**
 * Registers the `app_mention` and `message` listeners.
 * @param app - the Bolt app
 * @param deps - desk, logger, the bot's threads and the in-flight tracker
 */
export function registerConversationEvents(app: App, deps: ConversationDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    const ev = mentionEvent.safeParse(event);
    if (!ev.success || !ev.data.user || ev.data.bot_id) return;
    if (isDirectMessageChannel(ev.data.channel)) return; // the message.im event answers DMs
    const root = ev.data.thread_ts ?? ev.data.ts;
    await deps.track(
      answerInConversation(deps, client, {
        channel: ev.data.channel,
        userId: ev.data.user,
        text: slackTextToPlain(ev.data.text, context.botUserId ?? null),
        threadTs: root,
        conversationId: `slack:${ev.data.channel}:${root}`,
      }),
    );
  });

  app.event('message', async ({ event, context, client }) => {
    const ev = messageEvent.safeParse(event);
    if (!ev.success) return;
    const m = ev.data;
    if (m.subtype !== undefined || m.bot_id !== undefined || !m.user || m.user === context.botUserId) return;
    const botUserId = context.botUserId ?? null;
    if (m.channel_type === 'im' || isDirectMessageChannel(m.channel)) {
      await deps.track(
        answerInConversation(deps, client, {
          channel: m.channel,
          userId: m.user,
          text: slackTextToPlain(m.text, botUserId),
          threadTs: m.thread_ts ?? null,
          conversationId: m.thread_ts ? `slack:${m.channel}:${m.thread_ts}` : `slack:${m.channel}`,
        }),
      );
      return;
    }
    // In channels: only replies in threads the bot answered in; a reply that mentions the bot
    // arrives as app_mention too and is answered there.
    if (!m.thread_ts || m.thread_ts === m.ts || !deps.botThreads.has(`${m.channel}:${m.thread_ts}`)) return;
    if (botUserId && mentionsUser(m.text, botUserId)) return;
    await deps.track(
      answerInConversation(deps, client, {
        channel: m.channel,
        userId: m.user,
        text: slackTextToPlain(m.text, botUserId),
        threadTs: m.thread_ts,
        conversationId: `slack:${m.channel}:${m.thread_ts}`,
      }),
    );
  });
}

interface ConversationQuestion {
  channel: string;
  userId: string;
  text: string;
  threadTs: string | null;
  conversationId: string;
}

async function answerInConversation(deps: ConversationDeps, client: ReplyClient, q: ConversationQuestion): Promise<void> {
  const target: MessageTarget = { channel: q.channel, threadTs: q.threadTs };
  try {
    const outcome = await askForSlack(deps.desk, deps.log, {
      question: q.text,
      userId: q.userId,
      conversationId: q.conversationId,
      channelId: `slack:${q.channel}`,
    });
    if (outcome.kind === 'limited' && !isDirectMessageChannel(q.channel)) {
      // A rate-limit reply concerns the asker only: say it privately, in the thread.
      await client.chat.postEphemeral({
        channel: q.channel,
        user: q.userId,
        ...(q.threadTs ? { thread_ts: q.threadTs } : {}),
        text: outcome.message.text,
        blocks: outcome.message.blocks,
      });
      return;
    }
    await postMessage(client, target, outcome.message);
    if (q.threadTs) deps.botThreads.add(`${q.channel}:${q.threadTs}`);
  } catch (err) {
    deps.log.error({ err, channel: q.channel, conversationId: q.conversationId }, 'could not answer in Slack');
    try {
      await postMessage(client, target, failureMessage());
    } catch (again) {
      deps.log.warn({ err: again, channel: q.channel }, 'could not post the failure notice either');
    }
  }
}
