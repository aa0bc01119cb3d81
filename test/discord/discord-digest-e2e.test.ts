import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../src/log.ts';
import { SUBSCRIPTION_MESSAGES } from '../../src/wording/messages.ts';
import { startDigestScheduler } from '../../src/app/desk-scheduler.ts';
import type { DigestScheduler } from '../../src/schedule/scheduler.ts';
import { routeDigests } from '../../adapters/digest-delivery.ts';
import { renderDigestForDiscord } from '../../adapters/discord/render-digest.ts';
import { renderNoticeForDiscord } from '../../adapters/discord/render.ts';
import { aheadClock, postTimeSoon } from '../digest-time-soon.ts';
import { deliveryKey } from '../../src/schedule/scheduler.ts';
import { CHANNEL_MANAGER_PERMISSIONS, type RecordedCall } from './fake-discord.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * The daily briefing on Discord end to end: the real discord.js client (startDiscordBot) against the
 * fake Discord on loopback, with a real state database: `/digest subscribe|status|unsubscribe` per
 * channel, and the scheduler (its clock a few minutes ahead) posting through the bot's postDigest.
 */

const EPHEMERAL = 64;
/** A notice as the bot sends it (escaped content). */
const notice = (text: string): string | undefined => renderNoticeForDiscord(text).content;
const isPost = (p: string) => (c: RecordedCall) => c.method === 'POST' && c.path === p;

/** Runs `/digest <sub>` in `where` and returns the private reply's text. */
async function runDigestCommand(
  h: Harness,
  user: ReturnType<Harness['fake']['addUser']>,
  sub: string,
  options: { name: string; value: string }[],
  where: string,
): Promise<string> {
  const mark = h.fake.mark();
  const interaction = h.fake.slashCommand(user, where, 'digest', [{ name: sub, type: 1, options: options.map((o) => ({ ...o, type: 3 })) }]);
  const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
  expect(callback.body.data.flags).toBe(EPHEMERAL);
  expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  return callback.body.data.content as string;
}

describe('Discord /digest subscriptions end to end', () => {
  let h: Harness;
  let ada: ReturnType<Harness['fake']['addUser']>;
  let channel: string;

  const digestCommand = (sub: string, options: { name: string; value: string }[] = [], where = channel) => runDigestCommand(h, ada, sub, options, where);

  beforeAll(async () => {
    h = await startHarness({ state: true });
    ada = h.fake.addUser('ada', { permissions: CHANNEL_MANAGER_PERMISSIONS });
    channel = h.fake.options.channelId;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('registers /digest for members who can manage channels, and refuses a subscription change from a member without that right', async () => {
    const registered = [...h.fake.commands.values()].flat().find((c: { name: string }) => c.name === 'digest');
    expect(registered.default_member_permissions).toBe('16');
    const bo = h.fake.addUser('bo');
    const refusal =
      'Only members who can manage this channel (Manage Channels) can subscribe it to the daily briefing or stop it. “/digest” and “/digest status” are open to everyone.';
    expect(await runDigestCommand(h, bo, 'subscribe', [{ name: 'time', value: '07:00' }], channel)).toBe(refusal);
    expect(await runDigestCommand(h, bo, 'unsubscribe', [], channel)).toBe(refusal);
    expect(await runDigestCommand(h, bo, 'status', [], channel)).toMatch(/^This channel is not subscribed to the daily briefing\. Subscribe with/);
  });

  it('/digest status says the channel is not subscribed yet', async () => {
    expect(await digestCommand('status')).toBe(notice(SUBSCRIPTION_MESSAGES.notSubscribed));
  });

  it('/digest subscribe with a time and a timezone stores the channel’s subscription and says when the next one comes', async () => {
    const reply = await digestCommand('subscribe', [
      { name: 'time', value: '7:30' },
      { name: 'timezone', value: 'Europe/Paris' },
    ]);
    expect(reply).toMatch(/^Subscribed: this channel gets the daily briefing at 07:30 \(Europe\/Paris\)\. Next one: \w+ \d+ \w+, 07:30 \(Europe\/Paris\)\.$/);
    expect(h.desk.state?.subscriptions.get('discord', channel)).toMatchObject({
      platform: 'discord',
      channel,
      time: '07:30',
      timezone: 'Europe/Paris',
      paused: false,
    });
    expect(await digestCommand('status')).toMatch(/^This channel gets the daily briefing at 07:30 \(Europe\/Paris\)\. Next one: .* None sent yet\.$/);
  });

  it('/digest subscribe without options uses 08:00 and the configured timezone; a bad time is refused plainly', async () => {
    expect(await digestCommand('subscribe')).toMatch(/^Subscribed: this channel gets the daily briefing at 08:00 \(UTC\)\./);
    expect(h.desk.state?.subscriptions.get('discord', channel)).toMatchObject({ time: '08:00', timezone: 'UTC' });
    expect(await digestCommand('subscribe', [{ name: 'time', value: '25:00' }])).toBe('“25:00” is not a time of day: use HH:MM, e.g. 08:00 or 18:30.');
    expect(await digestCommand('subscribe', [{ name: 'timezone', value: 'Mars/Olympus' }])).toMatch(/^“Mars\/Olympus” is not a timezone I know/);
    expect(h.desk.state?.subscriptions.get('discord', channel)).toMatchObject({ time: '08:00', timezone: 'UTC' });
  });

  it('subscriptions are per channel', async () => {
    const other = h.fake.addTextChannel('briefings');
    expect(await digestCommand('status', [], other)).toBe(notice(SUBSCRIPTION_MESSAGES.notSubscribed));
    await digestCommand('subscribe', [{ name: 'time', value: '18:00' }], other);
    expect(h.desk.state?.subscriptions.list().map((s) => [s.channel, s.time])).toEqual([
      [channel, '08:00'],
      [other, '18:00'],
    ]);
  });

  it('/digest unsubscribe removes the channel’s subscription, and says so when there is none', async () => {
    expect(await digestCommand('unsubscribe')).toBe(notice(SUBSCRIPTION_MESSAGES.unsubscribed));
    expect(h.desk.state?.subscriptions.get('discord', channel)).toBeNull();
    expect(await digestCommand('unsubscribe')).toBe(notice(SUBSCRIPTION_MESSAGES.notSubscribed));
  });
});

describe('Discord scheduled digests end to end', () => {
  let h: Harness;
  let ada: ReturnType<Harness['fake']['addUser']>;
  let channel: string;
  const schedulers: DigestScheduler[] = [];

  /** Starts a scheduler posting through the bot; resolves once the digests owed today are sent. */
  async function startScheduler(): Promise<DigestScheduler> {
    const scheduler = await startDigestScheduler(h.desk, routeDigests({ discord: h.bot.postDigest }), silentLog, {
      now: aheadClock,
      syncEveryMs: 0,
      retry: { initialDelayMs: 20, maxDelayMs: 40 },
    });
    if (!scheduler) throw new Error('no state database');
    schedulers.push(scheduler);
    return scheduler;
  }

  const postsTo = (where: string, since: number) => h.fake.calls.slice(since).filter(isPost(`/channels/${where}/messages`));

  beforeAll(async () => {
    h = await startHarness({ state: true });
    ada = h.fake.addUser('ada', { permissions: CHANNEL_MANAGER_PERMISSIONS });
    channel = h.fake.options.channelId;
  });

  afterAll(async () => {
    for (const s of schedulers) s.stop();
    await h?.close();
  });

  it('posts exactly one digest, as embeds with nobody pinged, to a channel subscribed with /digest subscribe once its time passes', async () => {
    const { time, timezone } = postTimeSoon();
    await runDigestCommand(
      h,
      ada,
      'subscribe',
      [
        { name: 'time', value: time },
        { name: 'timezone', value: timezone },
      ],
      channel,
    );
    const sub = h.desk.state!.subscriptions.get('discord', channel)!;
    expect(sub).toMatchObject({ time, timezone, paused: false });

    const mark = h.fake.mark();
    await startScheduler();
    const posts = postsTo(channel, mark);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(200);
    const briefing = renderDigestForDiscord(h.desk.digest());
    const sent = h.desk.state!.deliveries.lastSent(sub.id)!;
    expect(sent).toMatchObject({ status: 'sent', localDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // The delivery key goes out as an enforced nonce: a repeated post of this delivery returns this message.
    const nonce = deliveryKey('discord', channel, sent.localDate);
    expect(posts[0]!.body).toEqual(
      JSON.parse(JSON.stringify({ embeds: briefing.embeds, components: [], allowed_mentions: { parse: [] }, nonce, enforce_nonce: true })),
    );
    expect(posts[0]!.body.embeds[0].title).toBe('Daily briefing');
    expect(h.fake.pings).toEqual([]);
  });

  it('posts a repeated delivery (a retry or a takeover after a crash mid-post) once: Discord returns the message of the nonce', async () => {
    const other = h.fake.addTextChannel('briefings-twice');
    const attempt = { key: deliveryKey('discord', other, '2026-11-23'), resumed: false };
    const mark = h.fake.mark();
    await h.bot.postDigest(other, h.desk.digest(), attempt);
    await h.bot.postDigest(other, h.desk.digest(), { ...attempt, resumed: true });
    const created = [...h.fake.messages.values()].filter((m) => m.channel_id === other);
    expect(created).toHaveLength(1);
    expect(postsTo(other, mark).map((p) => p.status)).toEqual([200, 200]);
  });

  it('does not post a second digest after a restart the same day, and /digest status tells when the last one was sent', async () => {
    schedulers.at(-1)!.stop();
    const mark = h.fake.mark();
    await startScheduler();
    await sleep(100);
    expect(postsTo(channel, mark)).toHaveLength(0);
    const sub = h.desk.state!.subscriptions.get('discord', channel)!;
    const last = h.desk.state!.deliveries.lastSent(sub.id)!;
    expect(await runDigestCommand(h, ada, 'status', [], channel)).toMatch(new RegExp(`Last one sent on ${last.localDate}\\.$`));
  });

  it('pauses the subscription of a channel that was deleted (10003 Unknown Channel) instead of retrying', async () => {
    const gone = h.fake.addTextChannel('old-news');
    const { time, timezone } = postTimeSoon();
    await runDigestCommand(
      h,
      ada,
      'subscribe',
      [
        { name: 'time', value: time },
        { name: 'timezone', value: timezone },
      ],
      gone,
    );
    h.fake.deleteChannel(gone);
    const mark = h.fake.mark();
    const scheduler = await startScheduler();
    await sleep(150);
    const attempts = postsTo(gone, mark);
    expect(attempts.map((c) => c.status)).toEqual([404]);
    const sub = h.desk.state!.subscriptions.get('discord', gone)!;
    expect(sub.paused).toBe(true);
    expect(sub.pausedReason).toMatch(/Unknown Channel \(code 10003, HTTP 404\)/);
    expect(scheduler.nextRun(sub.id)).toBeNull();
    expect(postsTo(channel, mark)).toHaveLength(0);
  });
});
