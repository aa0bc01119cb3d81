import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeDigests } from '../../adapters/digest-delivery.ts';
import { digestManagers, startSlackApp, type RunningSlackApp } from '../../adapters/slack/app.ts';
import { deliveryKey } from '../../src/schedule/scheduler.ts';
import { renderDigestForSlack } from '../../adapters/slack/render-digest.ts';
import { renderNoticeForSlack } from '../../adapters/slack/render.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLog } from '../../src/log.ts';
import { DIGEST_COMMAND_USAGE, SUBSCRIPTION_MESSAGES } from '../../src/wording/messages.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { startDigestScheduler } from '../../src/app/desk-scheduler.ts';
import type { DigestScheduler } from '../../src/schedule/scheduler.ts';
import { State } from '../../src/state/state.ts';
import { aheadClock, postTimeSoon } from '../digest-time-soon.ts';
import { FAKE_WORKSPACE, FakeSlack } from './fake-slack.ts';
import { SlackRequester, TEST_SIGNING_SECRET, commandFields } from './slack-requests.ts';

/**
 * The daily briefing on Slack end to end: the real Bolt app (startSlackApp, HTTP mode, signed
 * requests) against the fake Slack on loopback, with a real state database:
 * `/digest subscribe [time] [timezone]`, `/digest status`, `/digest unsubscribe` per channel, and the
 * scheduler (its clock a few minutes ahead) posting with chat.postMessage through the app's postDigest.
 */

const CORPUS = path.resolve(import.meta.dirname, '../../corpus');
const CHANNEL = 'C0NEWSROOM';
/** The user of the command fixtures. */
const ADMIN = 'U0ASKER001';

/** An App whose users.info says nobody is an admin (for the allow-list alone). */
function slackClientStub(): Parameters<typeof digestManagers>[0] {
  return { client: { users: { info: async () => ({ ok: true, user: { is_admin: false, is_owner: false } }) } } } as unknown as Parameters<
    typeof digestManagers
  >[0];
}

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
    // The fixtures' user manages the workspace's digests: an admin, as users.info reports.
    fake.roles.set(ADMIN, 'admin');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-slack-digest-'));
    state = State.open(dataDir);
    desk = new Newsdesk(openCorpus(CORPUS).index, {
      dataDir,
      rateLimitPerMinute: 1000,
      log: silentLog,
      state,
      digestDefaults: { time: '08:00', timezone: 'Europe/London' },
    });
    const config = loadConfig({
      CORPUS_DIR: CORPUS,
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: FAKE_WORKSPACE.botToken,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    slack = await startSlackApp({ config, desk, log: silentLog, port: 0 });
    req = new SlackRequester(`http://127.0.0.1:${slack.port}/slack/events`);
  });

  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
    state?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a subscription change from a member who is no admin or owner, unless SLACK_DIGEST_MANAGERS names them', async () => {
    const url = fake.responseUrl();
    await req.command(commandFields('/digest', 'subscribe 06:00', url, { user_id: 'U0MEMBER01' }));
    const refused = await fake.waitForResponse((r) => r.id === url.split('/').pop());
    expect(refused.body.text).toBe(
      'Only workspace admins and owners (and the people this newsdesk names as digest managers) can subscribe this channel to the daily briefing or stop it. “/digest” and “/digest status” are open to everyone.',
    );
    expect(state.subscriptions.get('slack', CHANNEL)).toBeNull();
    const allowed = digestManagers(slackClientStub(), ['U0MEMBER01'], silentLog);
    expect([await allowed('U0MEMBER01'), await allowed('U0OTHER001')]).toEqual([true, false]);
  });

  it('/digest status says the channel is not subscribed yet', async () => {
    expect(await digest('status')).toMatchObject(renderNoticeForSlack(SUBSCRIPTION_MESSAGES.notSubscribed));
  });

  it('/digest subscribe 07:30 Europe/Paris stores the channel’s subscription and says when the next one comes', async () => {
    const body = await digest('subscribe 07:30 Europe/Paris');
    expect(body.text).toMatch(
      /^Subscribed: this channel gets the daily briefing at 07:30 \(Europe\/Paris\)\. Next one: \w+ \d+ \w+, 07:30 \(Europe\/Paris\)\.$/,
    );
    expect(state.subscriptions.get('slack', CHANNEL)).toMatchObject({
      platform: 'slack',
      channel: CHANNEL,
      time: '07:30',
      timezone: 'Europe/Paris',
      paused: false,
    });
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

  describe('scheduled posting', () => {
    const schedulers: DigestScheduler[] = [];
    const ROOM = 'C0MORNING';
    const GONE = 'C0ARCHIVED';

    /** Starts a scheduler posting through the app; resolves once the digests owed today are sent. */
    async function startScheduler(): Promise<DigestScheduler> {
      const scheduler = await startDigestScheduler(desk, routeDigests({ slack: slack.postDigest }), silentLog, {
        now: aheadClock,
        syncEveryMs: 0,
        retry: { initialDelayMs: 20, maxDelayMs: 40 },
      });
      if (!scheduler) throw new Error('no state database');
      schedulers.push(scheduler);
      return scheduler;
    }

    const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);

    afterAll(() => {
      for (const s of schedulers) s.stop();
    });

    it('posts a resumed delivery (a retry, or a takeover after a crash mid-post) once: the delivery key is found in the channel history', async () => {
      const channel = 'C0TWICE001';
      const attempt = { key: deliveryKey('slack', channel, '2026-11-23'), resumed: false };
      await slack.postDigest(channel, desk.digest(), attempt);
      await slack.postDigest(channel, desk.digest(), { ...attempt, resumed: true });
      expect(postsTo(channel)).toHaveLength(1);
      expect(postsTo(channel)[0]!.params.metadata).toEqual({ event_type: 'newsdesk_digest', event_payload: { delivery: attempt.key } });
      expect(fake.callsTo('conversations.history').map((c) => [c.params.channel, c.params.include_all_metadata])).toEqual([[channel, 'true']]);
      // A resumed delivery that finds nothing of its own posts.
      await slack.postDigest('C0ONCE0001', desk.digest(), { key: deliveryKey('slack', 'C0ONCE0001', '2026-11-23'), resumed: true });
      expect(postsTo('C0ONCE0001')).toHaveLength(1);
    });

    it('posts exactly one digest, as Block Kit, to a channel subscribed with /digest subscribe once its time passes', async () => {
      const { time, timezone } = postTimeSoon();
      await digest(`subscribe ${time} ${timezone}`, ROOM);
      const sub = state.subscriptions.get('slack', ROOM)!;
      expect(sub).toMatchObject({ time, timezone, paused: false });

      await startScheduler();
      const posts = postsTo(ROOM);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.response.ok).toBe(true);
      const briefing = renderDigestForSlack(desk.digest());
      expect({ text: posts[0]!.params.text, blocks: posts[0]!.params.blocks }).toEqual(briefing);
      expect(posts[0]!.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' }); // form-encoded
      expect(posts[0]!.params).not.toHaveProperty('link_names');
      expect(state.deliveries.lastSent(sub.id)).toMatchObject({ status: 'sent' });
    });

    it('does not post a second digest after a restart the same day, and /digest status tells when the last one was sent', async () => {
      schedulers.at(-1)!.stop();
      const before = postsTo(ROOM).length;
      await startScheduler();
      await sleep(100);
      expect(postsTo(ROOM)).toHaveLength(before);
      const last = state.deliveries.lastSent(state.subscriptions.get('slack', ROOM)!.id)!;
      expect((await digest('status', ROOM)).text).toMatch(new RegExp(`Last one sent on ${last.localDate}\\.$`));
    });

    it('pauses the subscription of a channel Slack reports as not found instead of retrying', async () => {
      const { time, timezone } = postTimeSoon();
      await digest(`subscribe ${time} ${timezone}`, GONE);
      fake.channelErrors.set(GONE, 'channel_not_found');
      const scheduler = await startScheduler();
      await sleep(150);
      expect(postsTo(GONE).map((c) => c.response.error)).toEqual(['channel_not_found']);
      const sub = state.subscriptions.get('slack', GONE)!;
      expect(sub).toMatchObject({ paused: true, pausedReason: 'Slack refused the post: channel_not_found' });
      expect(scheduler.nextRun(sub.id)).toBeNull();
      expect((await digest('status', GONE)).text).toMatch(/^The daily briefing of this channel is paused \(Slack refused the post: channel_not_found\)\./);
    });

    it('retries a transient error with backoff and posts once it clears', async () => {
      const { time, timezone } = postTimeSoon();
      const FLAKY = 'C0FLAKY';
      await digest(`subscribe ${time} ${timezone}`, FLAKY);
      fake.channelErrors.set(FLAKY, 'internal_error');
      const started = startScheduler();
      while (postsTo(FLAKY).length < 2) await sleep(5);
      fake.channelErrors.delete(FLAKY);
      await started;
      expect(postsTo(FLAKY).map((c) => c.response.ok ?? false)).toEqual([false, false, true]);
      expect(state.subscriptions.get('slack', FLAKY)).toMatchObject({ paused: false });
    });
  });
});
