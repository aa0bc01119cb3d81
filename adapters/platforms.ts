import type { Config } from '../src/config.ts';
import type { Log } from '../src/log.ts';
import type { Newsdesk } from '../src/app/newsdesk.ts';
import type { DigestPoster } from './digest-delivery.ts';
import { DISCORD_PLATFORM } from './discord/context.ts';
import { SLACK_PLATFORM } from './slack/digest-command.ts';

/**
 * The chat platforms newsdesk can serve, one entry each: whether the configuration enables it, how to
 * start it (its SDK is imported only then), and what to check when it cannot be reached. A new
 * platform is a folder under adapters/ whose start function returns a {@link RunningPlatform}, plus
 * one entry here.
 */

/** A started platform: how to stop it and how to post a digest to one of its channels. */
interface RunningPlatform {
  stop(): Promise<void>;
  postDigest: DigestPoster;
}

/** One platform of the registry. */
export interface ChatPlatform {
  /** The platform's name in subscriptions and logs ('discord', 'slack'). */
  id: string;
  /** Its name for people ("Discord"). */
  label: string;
  enabled(config: Config): boolean;
  start(options: { config: Config; desk: Newsdesk; log: Log }): Promise<RunningPlatform>;
  /** The settings to check when it cannot be reached. */
  check: string;
}

/** Every platform, in the order they start. */
export const PLATFORMS: readonly ChatPlatform[] = [
  {
    id: DISCORD_PLATFORM,
    label: 'Discord',
    enabled: (config) => Boolean(config.DISCORD_TOKEN),
    start: async (options) => (await import('./discord/bot.ts')).startDiscordBot(options),
    check: 'the network and DISCORD_API_URL',
  },
  {
    id: SLACK_PLATFORM,
    label: 'Slack',
    enabled: (config) => Boolean(config.SLACK_BOT_TOKEN),
    start: async (options) => (await import('./slack/app.ts')).startSlackApp(options),
    check: 'the network and SLACK_API_URL',
  },
];
