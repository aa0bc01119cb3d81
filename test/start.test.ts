import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import { silentLog } from '../src/log.ts';
import { Newsdesk } from '../src/app/newsdesk.ts';
import { openCorpus } from '../src/index/open-corpus.ts';
import { State } from '../src/state/state.ts';
import { aheadClock, postTimeSoon } from './digest-time-soon.ts';
import { freePort } from './free-port.ts';
import { startNewsdesk } from '../adapters/start.ts';
import { FakeDiscord } from './discord/fake-discord.ts';
import { FAKE_WORKSPACE, FakeSlack } from './slack/fake-slack.ts';
import { TEST_SIGNING_SECRET } from './slack/slack-requests.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', 'corpus');

/** Configuration that points both platforms at their fakes. */
function platformConfig(discord: FakeDiscord, slack: FakeSlack, dataDir: string, slackPort: number): Config {
  return loadConfig({
    CORPUS_DIR: CORPUS,
    DATA_DIR: dataDir,
    DISCORD_TOKEN: discord.options.token,
    DISCORD_APP_ID: discord.options.applicationId,
    DISCORD_GUILD_ID: discord.options.guildId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: FAKE_WORKSPACE.botToken,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_PORT: String(slackPort),
  });
}

async function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startNewsdesk (npm start)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('connects to every configured platform and shuts both down on SIGTERM', async () => {
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const slack = await FakeSlack.start();
    cleanups.push(() => slack.close());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-start-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const config = platformConfig(discord, slack, dataDir, port);
    const desk = new Newsdesk(openCorpus(CORPUS).index, { dataDir, rateLimitPerMinute: 10, log: silentLog });
    const signals = new EventEmitter();
    let stopped = false;
    const running = startNewsdesk({ config, desk, log: silentLog, signals }).then(() => {
      stopped = true;
    });

    await discord.waitForCall((c) => c.method === 'PUT' && c.path.includes('/commands'));
    await slack.waitForCall('auth.test');
    await new Promise((r) => setTimeout(r, 50));
    expect(await portIsOpen(port)).toBe(true);
    expect(stopped).toBe(false);

    signals.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(stopped).toBe(true);
    expect(await portIsOpen(port)).toBe(false);
  }, 20_000);

  it('posts each subscribed channel’s digest through its platform once its time passes, and stops the scheduler on SIGTERM', async () => {
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const slack = await FakeSlack.start();
    cleanups.push(() => slack.close());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-start-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const state = State.open(dataDir);
    cleanups.push(async () => state.close());
    const { time, timezone } = postTimeSoon();
    state.subscriptions.upsert('discord', discord.options.channelId, time, timezone, new Date());
    state.subscriptions.upsert('slack', 'C0START', time, timezone, new Date());
    const config = platformConfig(discord, slack, dataDir, await freePort());
    const desk = new Newsdesk(openCorpus(CORPUS).index, { dataDir, rateLimitPerMinute: 10, log: silentLog, state });
    const signals = new EventEmitter();
    const running = startNewsdesk({ config, desk, log: silentLog, signals, digestScheduler: { now: aheadClock, syncEveryMs: 0 } });

    const posted = await discord.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${discord.options.channelId}/messages`);
    expect(posted.body.embeds[0].title).toBe('Daily briefing');
    const slackPost = await slack.waitForCall('chat.postMessage', (c) => c.params.channel === 'C0START');
    expect(String(slackPost.params.text)).toMatch(/^Daily briefing: /);

    signals.emit('SIGTERM', 'SIGTERM');
    await running;
    for (const sub of state.subscriptions.list()) expect(state.deliveries.lastSent(sub.id)).toMatchObject({ status: 'sent' });
    expect(discord.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  }, 20_000);
});
