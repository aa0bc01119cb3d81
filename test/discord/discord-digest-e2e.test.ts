import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBSCRIPTION_MESSAGES } from '../../src/messages.ts';
import { renderNoticeForDiscord } from '../../adapters/discord/render.ts';
import type { RecordedCall } from './fake-discord.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * The daily briefing on Discord end to end: the real discord.js client (startDiscordBot) against the
 * fake Discord on loopback, with a real state database: `/digest subscribe|status|unsubscribe` per
 * channel.
 */

const EPHEMERAL = 64;
/** A notice as the bot sends it (escaped content). */
const notice = (text: string): string | undefined => renderNoticeForDiscord(text).content;
const isPost = (p: string) => (c: RecordedCall) => c.method === 'POST' && c.path === p;

describe('Discord /digest subscriptions end to end', () => {
  let h: Harness;
  let ada: ReturnType<Harness['fake']['addUser']>;
  let channel: string;

  /** Runs `/digest <sub>` in `where` and returns the private reply's text. */
  async function digestCommand(sub: string, options: { name: string; value: string }[] = [], where = channel): Promise<string> {
    const mark = h.fake.mark();
    const interaction = h.fake.slashCommand(ada, where, 'digest', [{ name: sub, type: 1, options: options.map((o) => ({ ...o, type: 3 })) }]);
    const callback = await h.fake.waitForCall(isPost(`/interactions/${interaction.id}/${interaction.token}/callback`), mark);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    return callback.body.data.content as string;
  }

  beforeAll(async () => {
    h = await startHarness({ state: true });
    ada = h.fake.addUser('ada');
    channel = h.fake.options.channelId;
  });

  afterAll(async () => {
    await h?.close();
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
    expect(h.desk.state?.subscriptions.get('discord', channel)).toMatchObject({ platform: 'discord', channel, time: '07:30', timezone: 'Europe/Paris', paused: false });
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
