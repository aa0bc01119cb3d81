import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDigestCommand } from '../../adapters/slack/digest-command.ts';

describe('parseDigestCommand', () => {
  it('reads nothing or “now” as today’s briefing', () => {
    expect(parseDigestCommand('')).toEqual({ kind: 'now' });
    expect(parseDigestCommand('  now ')).toEqual({ kind: 'now' });
  });

  it('reads subscribe with a time, a timezone, both or neither', () => {
    expect(parseDigestCommand('subscribe')).toEqual({ kind: 'subscribe', time: null, timezone: null });
    expect(parseDigestCommand('subscribe 07:30 Europe/Paris')).toEqual({ kind: 'subscribe', time: '07:30', timezone: 'Europe/Paris' });
    expect(parseDigestCommand('Subscribe 8am')).toEqual({ kind: 'subscribe', time: '8am', timezone: null });
    expect(parseDigestCommand('subscribe 7:30 am UTC')).toEqual({ kind: 'subscribe', time: '7:30 am', timezone: 'UTC' });
    expect(parseDigestCommand('subscribe 7:30 pm')).toEqual({ kind: 'subscribe', time: '7:30 pm', timezone: null });
    expect(parseDigestCommand('subscribe America/New_York')).toEqual({ kind: 'subscribe', time: null, timezone: 'America/New_York' });
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
