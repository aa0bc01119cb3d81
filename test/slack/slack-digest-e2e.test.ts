import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApp, type RunningSlackApp } from '../../adapters/slack/app.ts';
import { renderNoticeForSlack } from '../../adapters/slack/render.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLog } from '../../src/log.ts';
import { DIGEST_COMMAND_USAGE, SUBSCRIPTION_MESSAGES } from '../../src/messages.ts';
import { Newsdesk } from '../../src/newsdesk.ts';
import { openCorpus } from '../../src/open-corpus.ts';
import { State } from '../../src/state/state.ts';
import { FAKE_WORKSPACE, FakeSlack } from './fake-slack.ts';
import { SlackRequester, TEST_SIGNING_SECRET, commandFields } from './slack-requests.ts';

/**
 * The daily briefing on Slack end to end: the real Bolt app (startSlackApp, HTTP mode, signed
 * requests) against the fake Slack on loopback, with a real state database:
 * `/digest subscribe [time] [timezone]`, `/digest status`, `/digest unsubscribe` per channel.
 */

const CORPUS = path.resolve(import.meta.dirname, '../../corpus');
const CHANNEL = 'C0NEWSROOM';

describe('Slack /digest subscriptions end to end', () => {
  let fake: FakeSlack;
  let slack: RunningSlackApp;
  let req: SlackRequester;
  let desk: Newsdesk;
  let state: State;
  let dataDir: string;

  /** Runs `/digest <text>` in `channel` and returns the private reply. */
  async function digest(text: string, channel = CHANNEL): Promise<Record<string, unknown>> {
    const url = fake.responseUrl();
    const ack = await req.command(commandFields('/digest', text, url, { channel_id: channel }));
    expect(ack).toMatchObject({ status: 200, body: '' });
    const response = await fake.waitForResponse((r) => r.id === url.split('/').pop());
    expect(response.body.response_type).toBe('ephemeral');
    return response.body;
  }

  beforeAll(async () => {
    fake = await FakeSlack.start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-slack-digest-'));
    state = State.open(dataDir);
    desk = new Newsdesk(openCorpus(CORPUS).index, { dataDir, rateLimitPerMinute: 1000, log: silentLog, state, digestDefaults: { time: '08:00', timezone: 'Europe/London' } });
    const config = loadConfig({ CORPUS_DIR: CORPUS, DATA_DIR: dataDir, SLACK_BOT_TOKEN: FAKE_WORKSPACE.botToken, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    slack = await startSlackApp({ config, desk, log: silentLog, port: 0 });
    req = new SlackRequester(`http://127.0.0.1:${slack.port}/slack/events`);
  });

  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
    state?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('/digest status says the channel is not subscribed yet', async () => {
    expect(await digest('status')).toMatchObject(renderNoticeForSlack(SUBSCRIPTION_MESSAGES.notSubscribed));
  });

  it('/digest subscribe 07:30 Europe/Paris stores the channel’s subscription and says when the next one comes', async () => {
    const body = await digest('subscribe 07:30 Europe/Paris');
    expect(body.text).toMatch(/^Subscribed: this channel gets the daily briefing at 07:30 \(Europe\/Paris\)\. Next one: \w+ \d+ \w+, 07:30 \(Europe\/Paris\)\.$/);
    expect(state.subscriptions.get('slack', CHANNEL)).toMatchObject({ platform: 'slack', channel: CHANNEL, time: '07:30', timezone: 'Europe/Paris', paused: false });
    expect((await digest('status')).text).toMatch(/^This channel gets the daily briefing at 07:30 \(Europe\/Paris\)\. Next one: .* None sent yet\.$/);
  });

  it('/digest subscribe alone uses 08:00 and the configured timezone; a bad time or timezone is refused plainly', async () => {
    expect((await digest('subscribe')).text).toMatch(/^Subscribed: this channel gets the daily briefing at 08:00 \(Europe\/London\)\./);
    expect((await digest('subscribe 25:00')).text).toBe('“25:00” is not a time of day: use HH:MM, e.g. 08:00 or 18:30.');
    expect((await digest('subscribe 09:00 Mars/Olympus')).text).toMatch(/^“Mars\/Olympus” is not a timezone I know/);
    expect(state.subscriptions.get('slack', CHANNEL)).toMatchObject({ time: '08:00', timezone: 'Europe/London' });
  });

  it('subscriptions are per channel', async () => {
    expect((await digest('subscribe 6pm', 'C0OTHER')).text).toMatch(/^Subscribed: this channel gets the daily briefing at 18:00 \(Europe\/London\)\./);
    expect(state.subscriptions.list().map((s) => [s.channel, s.time])).toEqual([
      [CHANNEL, '08:00'],
      ['C0OTHER', '18:00'],
    ]);
  });

  it('/digest unsubscribe removes the channel’s subscription, and says so when there is none', async () => {
    expect(await digest('unsubscribe')).toMatchObject(renderNoticeForSlack(SUBSCRIPTION_MESSAGES.unsubscribed));
    expect(state.subscriptions.get('slack', CHANNEL)).toBeNull();
    expect(await digest('unsubscribe')).toMatchObject(renderNoticeForSlack(SUBSCRIPTION_MESSAGES.notSubscribed));
  });

  it('explains the subcommands when /digest gets one it does not know', async () => {
    expect(await digest('sometimes')).toMatchObject(renderNoticeForSlack(DIGEST_COMMAND_USAGE));
  });
});
