import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import {
  DIGEST_MANAGERS_ONLY_DISCORD,
  NO_MORE_SOURCES_MESSAGE,
  REQUEST_FAILED_MESSAGE,
  STALE_BUTTON_MESSAGE,
  STORY_USAGE,
  feedbackThanksMessage,
  followingStory,
  storyNotFound,
} from '../../src/wording/messages.ts';
import type { StoredReply } from './answer-store.ts';
import { decodeButtonId } from './custom-ids.ts';
import { COMMAND_NAMES, discordCommandUsages } from './commands.ts';
import { DISCORD_PLATFORM, discordChannelKey, discordUserKey, type BotContext } from './context.ts';
import { answerMessage } from './message-handler.ts';
import {
  renderAnswerForDiscord,
  renderChoicesForDiscord,
  renderHelpForDiscord,
  renderMoreCitationsForDiscord,
  renderNoticeForDiscord,
  renderSourceListForDiscord,
  renderSourceLookupForDiscord,
  renderStoryListForDiscord,
  withShareButton,
  type DiscordMessage,
} from './render.ts';
import { renderDigestForDiscord } from './render-digest.ts';
import { replyWithNotice, respondInTime } from './respond.ts';

/**
 * Slash commands, autocomplete and buttons. Command replies are private (ephemeral) with a
 * "Share in channel" button; anything not ready at once is deferred, then edited in.
 */

/**
 * Handles one interaction. Never throws: a failure is logged and answered plainly.
 */
export async function handleInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  const log = ctx.log.child({ interaction: interaction.id, user: interaction.user.id });
  try {
    if (interaction.isAutocomplete()) await handleAutocomplete(ctx, interaction);
    else if (interaction.isChatInputCommand()) await handleCommand(ctx, interaction);
    else if (interaction.isButton()) await handleButton(ctx, interaction);
  } catch (err) {
    log.error({ err }, 'could not handle an interaction');
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]).catch(() => {});
    } else if (interaction.isRepliable()) {
      if (!(await replyWithNotice(interaction, REQUEST_FAILED_MESSAGE))) log.warn('could not tell the user about the failure');
    }
  }
}

/** `/source query:` suggestions: outlets and titles from the core. */
async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const wanted = interaction.commandName === COMMAND_NAMES.source && focused.name === COMMAND_NAMES.query;
  await interaction.respond(wanted ? renderChoicesForDiscord(ctx.desk.suggestSources(String(focused.value))) : []);
}

async function handleCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const privately = { ephemeral: true, deferAfterMs: ctx.deferAfterMs };
  switch (interaction.commandName) {
    case COMMAND_NAMES.ask: {
      const question = interaction.options.getString(COMMAND_NAMES.question, true);
      const conversationId = conversationFor(interaction);
      await respondInTime(interaction, privately, async () => {
        const result = await ctx.desk.ask(question, {
          conversationId,
          channelId: discordChannelKey(interaction.channelId),
          user: discordUserKey(interaction.user.id),
        });
        if (!result.ok) return renderNoticeForDiscord(result.message);
        return answerMessage(ctx, result, conversationId, true);
      });
      return;
    }
    case COMMAND_NAMES.sources:
      await respondInTime(interaction, privately, () => shareable(ctx, interaction.id, renderSourceListForDiscord(ctx.desk.listSources())));
      return;
    case COMMAND_NAMES.source: {
      const query = interaction.options.getString(COMMAND_NAMES.query, true);
      await respondInTime(interaction, privately, () => {
        const lookup = ctx.desk.lookupSource(query);
        if (lookup.kind !== 'found') return renderSourceLookupForDiscord(lookup);
        return shareable(ctx, interaction.id, renderSourceLookupForDiscord(lookup));
      });
      return;
    }
    case COMMAND_NAMES.stories:
      await respondInTime(interaction, privately, () => shareable(ctx, interaction.id, renderStoryListForDiscord(ctx.desk.stories())));
      return;
    case COMMAND_NAMES.story: {
      // The channel (or thread) follows the story: questions asked in it are answered from its coverage.
      const query = interaction.options.getString(COMMAND_NAMES.query)?.trim() ?? '';
      const key = discordChannelKey(interaction.channelId);
      await respondInTime(interaction, privately, () => {
        if (query === '') {
          const followed = ctx.desk.followedStory(key, 'channel');
          return renderNoticeForDiscord(followed ? followingStory(followed.title) : STORY_USAGE);
        }
        const story = ctx.desk.followStory(key, query, 'channel');
        return renderNoticeForDiscord(story ? followingStory(story.title) : storyNotFound(query));
      });
      return;
    }
    case COMMAND_NAMES.digest:
      await handleDigestCommand(ctx, interaction);
      return;
    default:
      // `/newsdesk help`, and any command Discord still lists from an older registration.
      await interaction.reply({ ...renderHelpForDiscord(discordCommandUsages()), flags: MessageFlags.Ephemeral });
  }
}

/**
 * `/digest now` (today's briefing, private and shareable), `/digest subscribe [time] [timezone]`,
 * `/digest unsubscribe` and `/digest status` for the channel the command is used in.
 */
async function handleDigestCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const channel = interaction.channelId;
  const notice = (reply: { message: string }) => renderNoticeForDiscord(reply.message);
  const privately = { ephemeral: true, deferAfterMs: ctx.deferAfterMs };
  const subcommand = interaction.options.getSubcommand(false) ?? COMMAND_NAMES.now;
  // Changing a channel's subscription needs Manage Channels, whatever the server's command settings.
  const changes = subcommand === COMMAND_NAMES.subscribe || subcommand === COMMAND_NAMES.unsubscribe;
  if (changes && interaction.inGuild() && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) {
    await respondInTime(interaction, privately, () => renderNoticeForDiscord(DIGEST_MANAGERS_ONLY_DISCORD));
    return;
  }
  switch (subcommand) {
    case COMMAND_NAMES.subscribe: {
      const time = interaction.options.getString(COMMAND_NAMES.time);
      const timezone = interaction.options.getString(COMMAND_NAMES.timezone);
      const topic = interaction.options.getString(COMMAND_NAMES.topic);
      await respondInTime(interaction, privately, () => notice(ctx.desk.subscribe(DISCORD_PLATFORM, channel, time, timezone, new Date(), topic)));
      return;
    }
    case COMMAND_NAMES.unsubscribe:
      await respondInTime(interaction, privately, () => notice(ctx.desk.unsubscribe(DISCORD_PLATFORM, channel)));
      return;
    case COMMAND_NAMES.status:
      await respondInTime(interaction, privately, () => notice(ctx.desk.subscriptionStatus(DISCORD_PLATFORM, channel)));
      return;
    default:
      await respondInTime(interaction, privately, () =>
        shareable(ctx, interaction.id, renderDigestForDiscord(ctx.desk.digest({ platform: DISCORD_PLATFORM, channel }))),
      );
  }
}

async function handleButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const action = decodeButtonId(interaction.customId);
  if (action?.kind === 'story') {
    // "Which story?": the channel (or thread) follows the story clicked; said to the clicker alone.
    const story = ctx.desk.followStory(discordChannelKey(interaction.channelId), action.key, 'channel');
    await interaction.reply({ ...renderNoticeForDiscord(story ? followingStory(story.title) : STALE_BUTTON_MESSAGE), flags: MessageFlags.Ephemeral });
    return;
  }
  const stored = action ? (ctx.replies.recall(action.key) ?? (await keptAnswer(ctx, action.key))) : undefined;
  if (!action || !stored) {
    await interaction.reply({ ...renderNoticeForDiscord(STALE_BUTTON_MESSAGE), flags: MessageFlags.Ephemeral });
    return;
  }
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  switch (action.kind) {
    case 'share': {
      // A new public message in the channel, answering the click; the private one stays as it was.
      const payload =
        stored.kind === 'answer'
          ? renderAnswerForDiscord(stored.answer, {
              shown: ctx.citationsShown,
              controls: { key: action.key, moreAvailable: stored.moreAvailable, share: false, feedback: true },
            })
          : stored.payload;
      await interaction.reply(payload);
      return;
    }
    case 'feedback': {
      if (stored.kind !== 'answer') break;
      const recorded = ctx.desk.recordFeedback({
        question: stored.question,
        helpful: action.helpful,
        user: discordUserKey(interaction.user.id),
        conversation: stored.conversationId,
      });
      await interaction.reply({ ...renderNoticeForDiscord(feedbackThanksMessage(action.helpful, recorded)), flags: MessageFlags.Ephemeral });
      return;
    }
    case 'more': {
      if (stored.kind !== 'answer') break;
      const { question, answerId } = stored;
      await respondInTime(interaction, { ephemeral, deferAfterMs: ctx.deferAfterMs }, async () => {
        const rest = await ctx.desk.more(answerId, action.shown);
        if (rest === null) return renderNoticeForDiscord(STALE_BUTTON_MESSAGE);
        const next = rest.slice(0, MORE_PER_CLICK);
        if (next.length === 0) return renderNoticeForDiscord(NO_MORE_SOURCES_MESSAGE);
        return renderMoreCitationsForDiscord(question, next, { key: action.key, moreAvailable: rest.length > next.length });
      });
      return;
    }
  }
  await interaction.reply({ ...renderNoticeForDiscord(STALE_BUTTON_MESSAGE), flags: MessageFlags.Ephemeral });
}

/**
 * An answer the core still keeps under a button's key, for a click this process does not remember
 * (after a restart, or once evicted): the buttons carry the answer's id.
 */
async function keptAnswer(ctx: BotContext, key: string): Promise<StoredReply | undefined> {
  const kept = await ctx.desk.answer(key);
  if (!kept) return undefined;
  const listed = kept.answer.citations.length || (kept.answer.related?.length ?? 0);
  const beyond = listed > ctx.citationsShown ? [] : ((await ctx.desk.more(key, listed)) ?? []);
  const moreAvailable = listed > ctx.citationsShown || beyond.length > 0;
  return { kind: 'answer', answerId: key, question: kept.answer.question, conversationId: kept.conversationId ?? '', answer: kept.answer, moreAvailable };
}

/** Citations a "More sources" click adds. */
const MORE_PER_CLICK = 5;

/** Remembers a private reply so "Share in channel" can post it, and adds that button. */
function shareable(ctx: BotContext, key: string, payload: DiscordMessage): DiscordMessage {
  ctx.replies.remember(key, { kind: 'message', payload });
  return withShareButton(payload, key);
}

/** The conversation of a command: the thread or DM it is used in, else this user in this channel. */
function conversationFor(interaction: ChatInputCommandInteraction): string {
  const channel = interaction.channel;
  if (channel?.isThread()) return `discord:thread:${channel.id}`;
  if (!interaction.inGuild()) return `discord:dm:${interaction.channelId}`;
  return `discord:channel:${interaction.channelId}:${interaction.user.id}`;
}
