import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLog } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { isValidTimezone, localDateTime, nextDailyRun, parseTimeOfDay, previousDailyRun } from '../../src/schedule/local-time.ts';
import { State } from '../../src/state/state.ts';
import { DEFAULT_CORPUS } from '../ingest/helpers.ts';

const index = openCorpus(DEFAULT_CORPUS).index;
const states: State[] = [];
afterEach(() => {
  for (const s of states.splice(0)) s.close();
});

/** A desk with an in-memory state and the given digest defaults. */
function desk(defaults = { time: '08:00', timezone: 'UTC' }): Newsdesk {
  const state = State.open(':memory:');
  states.push(state);
  return new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 100, log: silentLog, state, digestDefaults: defaults });
}

const NOW = new Date('2026-11-23T10:00:00Z'); // a Monday

describe('Newsdesk subscriptions', () => {
  it('subscribes a channel with the configured defaults and says when the next briefing comes', () => {
    const reply = desk({ time: '08:00', timezone: 'Europe/London' }).subscribe('slack', 'C1', undefined, undefined, NOW);
    expect(reply).toMatchObject({
      ok: true,
      subscription: { platform: 'slack', channel: 'C1', time: '08:00', timezone: 'Europe/London', paused: false },
      nextAt: '2026-11-24T08:00:00.000Z',
      lastDelivery: null,
    });
    expect(reply.message).toBe(
      'Subscribed: this channel gets the daily briefing at 08:00 (Europe/London). Next one: Tuesday 24 November, 08:00 (Europe/London).',
    );
  });

  it('reads the time and timezone given, and changes an existing subscription', () => {
    const d = desk();
    d.subscribe('discord', '42', '8am', 'UTC', NOW);
    const reply = d.subscribe('discord', '42', '6:30 pm', 'America/New_York', NOW);
    expect(reply.subscription).toMatchObject({ time: '18:30', timezone: 'America/New_York' });
    expect(reply.nextAt).toBe('2026-11-23T23:30:00.000Z');
    expect(d.state!.subscriptions.list()).toHaveLength(1);
  });

  it('refuses a bad time or timezone with a plain reply', () => {
    const d = desk();
    expect(d.subscribe('slack', 'C1', '25:00', null, NOW)).toEqual({
      ok: false,
      subscription: null,
      nextAt: null,
      lastDelivery: null,
      message: '“25:00” is not a time of day: use HH:MM, e.g. 08:00 or 18:30.',
    });
    expect(d.subscribe('slack', 'C1', '08:00', 'Mars/Olympus', NOW).message).toBe(
      '“Mars/Olympus” is not a timezone I know: use an IANA name such as Europe/London, America/New_York or UTC.',
    );
    expect(d.state!.subscriptions.list()).toEqual([]);
  });

  it('reports status, paused subscriptions and unsubscribes', () => {
    const d = desk();
    expect(d.subscriptionStatus('slack', 'C1', NOW).message).toMatch(/^This channel is not subscribed to the daily briefing\./);
    const sub = d.subscribe('slack', 'C1', '07:00', 'UTC', NOW).subscription!;
    expect(d.subscriptionStatus('slack', 'C1', NOW).message).toBe(
      'This channel gets the daily briefing at 07:00 (UTC). Next one: Tuesday 24 November, 07:00 (UTC). None sent yet.',
    );
    d.state!.subscriptions.pause(sub.id, 'the bot was removed from the channel', NOW);
    const paused = d.subscriptionStatus('slack', 'C1', NOW);
    expect(paused.nextAt).toBeNull();
    expect(paused.message).toBe(
      'The daily briefing of this channel is paused (the bot was removed from the channel). Subscribe again to resume it at 07:00 (UTC). None sent yet.',
    );
    expect(d.unsubscribe('slack', 'C1').message).toBe('Unsubscribed: this channel will no longer get the daily briefing.');
    expect(d.unsubscribe('slack', 'C1').message).toMatch(/^This channel is not subscribed/);
  });

  it('answers plainly when there is no state database', () => {
    const plain = new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 100, log: silentLog });
    expect(plain.subscribe('slack', 'C1')).toMatchObject({
      ok: false,
      message: 'Daily briefings cannot be scheduled on this newsdesk: it has no state database (check DATA_DIR).',
    });
  });
});

describe('local time helpers', () => {
  it('reads times of day in the usual ways', () => {
    expect(['08:00', '8:00', '8', '8am', '12am', '12pm', '6:30 PM', '23:59'].map(parseTimeOfDay)).toEqual([
      '08:00',
      '08:00',
      '08:00',
      '08:00',
      '00:00',
      '12:00',
      '18:30',
      '23:59',
    ]);
    expect(['24:00', '8:60', '13pm', 'noon', ''].map(parseTimeOfDay)).toEqual([null, null, null, null, null]);
  });

  it('follows daylight-saving changes', () => {
    expect(nextDailyRun('08:00', 'Europe/London', new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(nextDailyRun('08:00', 'Europe/London', new Date('2026-10-24T12:00:00Z'))?.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(previousDailyRun('08:00', 'Europe/London', new Date('2026-03-29T07:00:00Z'))?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(localDateTime(new Date('2026-03-29T07:30:00Z'), 'Europe/London')).toEqual({ date: '2026-03-29', time: '08:30' });
    expect(isValidTimezone('Asia/Kolkata')).toBe(true);
    expect(isValidTimezone('Nowhere/Land')).toBe(false);
  });
});

describe('digest configuration', () => {
  it('defaults to 08:00 UTC and names a bad variable', () => {
    expect(loadConfig({})).toMatchObject({ DIGEST_TIME: '08:00', DIGEST_TIMEZONE: 'UTC' });
    expect(loadConfig({ DIGEST_TIME: '07:15', DIGEST_TIMEZONE: 'Europe/Paris' })).toMatchObject({ DIGEST_TIME: '07:15', DIGEST_TIMEZONE: 'Europe/Paris' });
    expect(() => loadConfig({ DIGEST_TIME: '7am' })).toThrow(/DIGEST_TIME: must be a time of day HH:MM/);
    expect(() => loadConfig({ DIGEST_TIMEZONE: 'Moon/Base' })).toThrow(/DIGEST_TIMEZONE: must be an IANA timezone/);
  });
});
