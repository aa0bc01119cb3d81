import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import type { Log } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { State } from '../../src/state/state.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import type { CorpusIndex } from '../../src/index/corpus-index.ts';
import { startDiscordBot, type DiscordBot } from '../../adapters/discord/bot.ts';
import type { DiscordDesk } from '../../adapters/discord/context.ts';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';

/**
 * Starts the fake Discord and the real bot (real discord.js client, real Newsdesk over the default
 * corpus) connected to it, for end-to-end tests.
 */

/** The default corpus folder. */
export const CORPUS_DIR = path.resolve(import.meta.dirname, '..', '..', 'corpus');

let sharedIndex: CorpusIndex | null = null;

/** The default corpus, opened once per test file. */
export function corpusIndex(): CorpusIndex {
  sharedIndex ??= openCorpus(CORPUS_DIR).index;
  return sharedIndex;
}

/** A log line the bot wrote. */
type LogLine = Record<string, unknown> & { level: number; msg: string };

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  messageContent?: boolean;
  /** Register commands in the fake's guild (default) or globally. */
  guildCommands?: boolean;
  rateLimitPerMinute?: number;
  /** Wraps the real Newsdesk (e.g. to make it slow or failing). */
  wrapDesk?: (desk: Newsdesk) => DiscordDesk;
  fake?: Partial<FakeDiscordOptions>;
  /** Open a state database in the data folder (subscriptions, deliveries). */
  state?: boolean;
}

/** A running fake and bot. */
export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  desk: Newsdesk;
  dataDir: string;
  logs: LogLine[];
  close(): Promise<void>;
}

/** Starts a fake Discord and the bot against it; always `close()` it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-discord-'));
  const logs: LogLine[] = [];
  const log: Log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const state = options.state ? State.open(dataDir, { log }) : null;
  const desk = new Newsdesk(corpusIndex(), { dataDir, rateLimitPerMinute: options.rateLimitPerMinute ?? 100, log, state });
  const config = loadConfig({
    DISCORD_TOKEN: fake.options.token,
    DISCORD_APP_ID: fake.options.applicationId,
    DISCORD_GUILD_ID: options.guildCommands === false ? undefined : fake.options.guildId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_MESSAGE_CONTENT: options.messageContent ? 'true' : 'false',
    CORPUS_DIR,
    DATA_DIR: dataDir,
  });
  let bot: DiscordBot;
  try {
    bot = await startDiscordBot({ config, desk: options.wrapDesk ? options.wrapDesk(desk) : desk, log });
  } catch (err) {
    await fake.close();
    state?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    fake,
    bot,
    desk,
    dataDir,
    logs,
    async close() {
      await bot.stop();
      await fake.close();
      state?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
