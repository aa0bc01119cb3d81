import { MessageType, ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { REQUEST_FAILED_MESSAGE } from '../../src/wording/messages.ts';
import type { Answer } from '../../src/types.ts';
import { discordChannelKey, discordUserKey, type BotContext } from './context.ts';
import { questionFromMessage } from './mentions.ts';
import { renderAnswerForDiscord, renderNoticeForDiscord, threadNameForQuestion, type DiscordMessage } from './render.ts';

/**
 * Questions asked in messages: a mention of the bot in a channel (answered in a new thread on the
 * message), a direct message, or a message in one of the bot's threads (a follow-up: the thread is
 * the conversation, so "how long was it?" knows what "it" is).
 */

/** Where a message is answered, and the conversation it belongs to. */
type MessageRoute = { kind: 'dm'; conversationId: string } | { kind: 'thread'; conversationId: string } | { kind: 'channel'; conversationId: string };

/**
 * Decides whether a message asks the bot something, and where to answer.
 * @returns null when the message is not for the bot (other people's chat, bots, system messages)
 */
function routeMessage(message: Message, botId: string): MessageRoute | null {
  if (message.author.bot || message.author.id === botId || message.system) return null;
  if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return null;
  const mentioned = message.mentions.users.has(botId);
  if (!message.inGuild()) return { kind: 'dm', conversationId: `discord:dm:${message.channelId}` };
  const channel = message.channel;
  if (channel.isThread()) {
    const ownThread = channel.ownerId === botId;
    if (mentioned || (ownThread && message.content.trim() !== '')) return { kind: 'thread', conversationId: `discord:thread:${channel.id}` };
    return null;
  }
  // A thread started on a message takes the message's id, so the conversation key is known up front.
  if (mentioned) return { kind: 'channel', conversationId: `discord:thread:${message.id}` };
  return null;
}

/**
 * Handles one message: asks the core and answers in place (thread or DM), or in a new thread on a
 * channel message (a reply to the message when a thread cannot be started). Never throws: a failure
 * is logged and answered plainly.
 */
export async function handleMessage(ctx: BotContext, message: Message): Promise<void> {
  const botId = message.client.user.id;
  const route = routeMessage(message, botId);
  if (!route) return;
  const log = ctx.log.child({ message: message.id, channel: message.channelId, user: message.author.id });
  try {
    const question = questionFromMessage(message.content, botId, {
      users: new Map(message.mentions.users.map((u) => [u.id, u.displayName])),
      channels: new Map(message.mentions.channels.map((c) => [c.id, 'name' in c && c.name ? c.name : c.id])),
    });
    const channel = message.channel;
    const typing = setTimeout(() => {
      if (channel.isSendable()) channel.sendTyping().catch(() => {});
    }, ctx.deferAfterMs);
    let result;
    try {
      result = await ctx.desk.ask(question, {
        conversationId: route.conversationId,
        channelId: discordChannelKey(message.channelId),
        user: discordUserKey(message.author.id),
      });
    } finally {
      clearTimeout(typing);
    }
    if (!result.ok) {
      await answerInPlace(message, route, renderNoticeForDiscord(result.message));
      return;
    }
    const payload = answerMessage(ctx, result, route.conversationId);
    if (route.kind === 'channel') {
      const thread = await message
        .startThread({ name: threadNameForQuestion(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay })
        .catch((err: unknown) => {
          log.warn({ err }, 'could not start a thread; replying to the message instead');
          return null;
        });
      if (thread) {
        await thread.send(payload);
        log.info({ thread: thread.id, status: result.answer.status }, 'answered in a new thread');
        return;
      }
    }
    await answerInPlace(message, route, payload);
    log.info({ route: route.kind, status: result.answer.status }, 'answered');
  } catch (err) {
    log.error({ err }, 'could not answer a message');
    await answerInPlace(message, route, renderNoticeForDiscord(REQUEST_FAILED_MESSAGE)).catch((e: unknown) =>
      log.warn({ err: e }, 'could not tell the user about the failure'),
    );
  }
}

/**
 * The answer message: the first `ctx.citationsShown` citations, "More sources" when there are more
 * (in the answer, or kept by the core beyond it), the feedback buttons, and "Share in channel" when
 * the reply is private. The buttons carry the id the core keeps the answer under, so they work after
 * a restart too; it is remembered under that id here as well.
 */
export function answerMessage(
  ctx: BotContext,
  result: { answer: Answer; answerId: string; moreAvailable: boolean },
  conversationId: string,
  share = false,
): DiscordMessage {
  const { answer, answerId } = result;
  const listed = answer.citations.length || (answer.related?.length ?? 0);
  const moreAvailable = listed > ctx.citationsShown || result.moreAvailable;
  ctx.replies.remember(answerId, { kind: 'answer', answerId, question: answer.question, conversationId, answer, moreAvailable });
  return renderAnswerForDiscord(answer, { shown: ctx.citationsShown, controls: { key: answerId, moreAvailable, share, feedback: true } });
}

/** Sends in the DM or thread, or replies to the channel message (without pinging its author). */
async function answerInPlace(message: Message, route: MessageRoute, payload: DiscordMessage): Promise<void> {
  if (route.kind === 'channel') {
    await message.reply({ ...payload, allowedMentions: { ...payload.allowedMentions, repliedUser: false } });
    return;
  }
  if (!message.channel.isSendable()) throw new Error(`channel ${message.channelId} cannot be sent to`);
  await message.channel.send(payload);
}
