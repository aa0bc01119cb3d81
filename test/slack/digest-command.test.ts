import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDigestCommand } from '../../adapters/slack/digest-command.ts';

describe('parseDigestCommand', () => {
  it('reads nothing or “now” as today’s briefing', () => {
    expect(parseDigestCommand('')).toEqual({ kind: 'now' });
    expect(parseDigestCommand('  now ')).toEqual({ kind: 'now' });
  });

  it('reads subscribe with a time, a timezone, both or neither', () => {
    expect(parseDigestCommand('subscribe')).toEqual({ kind: 'subscribe', time: null, timezone: null, topic: null });
    expect(parseDigestCommand('subscribe 07:30 Europe/Paris')).toEqual({ kind: 'subscribe', time: '07:30', timezone: 'Europe/Paris', topic: null });
    expect(parseDigestCommand('Subscribe 8am')).toEqual({ kind: 'subscribe', time: '8am', timezone: null, topic: null });
    expect(parseDigestCommand('subscribe 7:30 am UTC')).toEqual({ kind: 'subscribe', time: '7:30 am', timezone: 'UTC', topic: null });
    expect(parseDigestCommand('subscribe 7:30 pm')).toEqual({ kind: 'subscribe', time: '7:30 pm', timezone: null, topic: null });
    expect(parseDigestCommand('subscribe America/New_York')).toEqual({ kind: 'subscribe', time: null, timezone: 'America/New_York', topic: null });
  });

  it('reads the words after the time and timezone as the topic the briefing follows', () => {
    expect(parseDigestCommand('subscribe 08:00 Europe/London ukraine')).toEqual({
      kind: 'subscribe',
      time: '08:00',
      timezone: 'Europe/London',
      topic: 'ukraine',
    });
    expect(parseDigestCommand('subscribe 7:30 am UTC yukos auction')).toEqual({ kind: 'subscribe', time: '7:30 am', timezone: 'UTC', topic: 'yukos auction' });
    expect(parseDigestCommand('subscribe 8am st-3f9a0c1d')).toEqual({ kind: 'subscribe', time: '8am', timezone: null, topic: 'st-3f9a0c1d' });
    // A word with a slash is a timezone, known or not (the core then says it is unknown).
    expect(parseDigestCommand('subscribe 08:00 Mars/Olympus')).toEqual({ kind: 'subscribe', time: '08:00', timezone: 'Mars/Olympus', topic: null });
  });

  it('reads unsubscribe and status, and anything else as unknown', () => {
    expect(parseDigestCommand('unsubscribe')).toEqual({ kind: 'unsubscribe' });
    expect(parseDigestCommand('STATUS')).toEqual({ kind: 'status' });
    expect(parseDigestCommand('please')).toEqual({ kind: 'unknown' });
    expect(parseDigestCommand('status now')).toEqual({ kind: 'unknown' });
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void parseDigestCommand(text)));
  });
});
