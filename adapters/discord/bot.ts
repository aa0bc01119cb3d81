import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, RESTEvents } from 'discord.js';
import type { Config } from '../../src/config.ts';
import type { Digest } from '../../src/digest/types.ts';
import type { DeliveryAttempt } from '../../src/schedule/scheduler.ts';
import { NewsdeskError } from '../../src/errors.ts';
import type { Log } from '../../src/log.ts';
import { RecentReplies } from './answer-store.ts';
import { registerCommands } from './commands.ts';
import type { BotContext, DiscordDesk } from './context.ts';
import { handleInteraction } from './interaction-handler.ts';
import { handleMessage } from './message-handler.ts';
import { postDigestToDiscord } from './post-digest.ts';

/**
 * The Discord bot: a discord.js client connected with the configured token (REST base and, through
 * it, the gateway from `DISCORD_API_URL`), slash commands registered on ready, and every message and
 * interaction handed to the handlers.
 */

/** Options of {@link startDiscordBot}. */
export interface DiscordBotOptions {
  config: Config;
  /** The newsdesk service (a `Newsdesk`). */
  desk: DiscordDesk;
  log: Log;
  /** Defer an interaction (or show "typing…") when the answer is not ready after this many ms. */
  deferAfterMs?: number;
  /** Citations shown with an answer; the rest are behind "More sources". */
  citationsShown?: number;
}

/** A running bot. */
export interface DiscordBot {
  /** Disconnects from the gateway and releases every resource. Safe to call twice. */
  stop(): Promise<void>;
  /** Posts a scheduled digest to a channel (see post-digest.ts); throws DeliveryError. */
  postDigest(channelId: string, digest: Digest, attempt?: DeliveryAttempt): Promise<void>;
}

/** Defaults of the optional settings. */
const DEFAULTS = { deferAfterMs: 1500, citationsShown: 3 } as const satisfies Required<Pick<DiscordBotOptions, 'deferAfterMs' | 'citationsShown'>>;

/**
 * Connects the bot and resolves once it is ready and its slash commands are registered (per guild with
 * `DISCORD_GUILD_ID`, globally otherwise; a refused registration is logged, not fatal).
 * @throws NewsdeskError CONFIG_INVALID without DISCORD_TOKEN; discord.js errors when Discord refuses the token
 * @example
 * const bot = await startDiscordBot({ config, desk: Newsdesk.open(config, log), log });
 * process.once('SIGTERM', () => void bot.stop());
 */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { config } = options;
  if (!config.DISCORD_TOKEN) throw new NewsdeskError('Invalid configuration — DISCORD_TOKEN: required to start the Discord bot', 'CONFIG_INVALID');
  const log = options.log.child({ module: 'discord' });
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (config.DISCORD_MESSAGE_CONTENT) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    // DM channels arrive uncached; without this partial, direct messages would be dropped.
    partials: [Partials.Channel],
    rest: { api: config.DISCORD_API_URL },
    allowedMentions: { parse: [], repliedUser: false },
  });
  const ctx: BotContext = {
    desk: options.desk,
    log,
    replies: new RecentReplies(),
    deferAfterMs: options.deferAfterMs ?? DEFAULTS.deferAfterMs,
    citationsShown: options.citationsShown ?? DEFAULTS.citationsShown,
  };

  client.on(Events.MessageCreate, (message) => void handleMessage(ctx, message));
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(ctx, interaction));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (warning) => log.warn({ warning }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn(
      { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope },
      'rate limited by Discord; waiting it out',
    ),
  );

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    client.removeAllListeners();
    log.info('disconnected from Discord');
  };

  try {
    const ready = once(client, Events.ClientReady);
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  const applicationId = client.application?.id ?? config.DISCORD_APP_ID;
  if (config.DISCORD_APP_ID && applicationId !== config.DISCORD_APP_ID) {
    log.warn({ configured: config.DISCORD_APP_ID, actual: applicationId }, 'DISCORD_APP_ID differs from the token’s application; using the token’s');
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, messageContent: config.DISCORD_MESSAGE_CONTENT }, 'connected to Discord');
  if (applicationId) {
    try {
      await registerCommands(client.rest, applicationId, config.DISCORD_GUILD_ID);
      log.info({ scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'global' }, 'slash commands registered');
    } catch (err) {
      log.error({ err }, 'could not register slash commands; mentions and DMs still work');
    }
  }
  return { stop, postDigest: (channelId, digest, attempt) => postDigestToDiscord(client.rest, channelId, digest, attempt) };
}
