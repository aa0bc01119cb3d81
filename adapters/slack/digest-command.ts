/**
 * Reading the text of Slack's `/digest` command: nothing (or `now`) for today's briefing,
 * `subscribe [time] [timezone] [story or topic words]`, `unsubscribe`, `status`. Slack hands the arguments over as one
 * string; this splits them, the core checks them.
 */

import { isValidTimezone } from '../../src/schedule/local-time.ts';

/** What a `/digest` command asks for. */
export type DigestCommand =
  | { kind: 'now' }
  | { kind: 'subscribe'; time: string | null; timezone: string | null; topic: string | null }
  | { kind: 'unsubscribe' }
  | { kind: 'status' }
  | { kind: 'unknown' };

/** The platform name of Slack subscriptions (their channel is the Slack channel id). */
export const SLACK_PLATFORM = 'slack';

/**
 * Parses the text after `/digest`. After `subscribe` come the time (words with digits, "am"/"pm"),
 * then a timezone (a word with a slash, or one the clock knows: "UTC"), then any words of a story or
 * topic to follow: "07:30 Europe/Paris", "7:30 am UTC" and "08:00 Europe/London ukraine" read as meant.
 * @example parseDigestCommand('subscribe 07:30 Europe/Paris') // { kind: 'subscribe', time: '07:30', timezone: 'Europe/Paris', topic: null }
 * @example parseDigestCommand('') // { kind: 'now' }
 */
export function parseDigestCommand(text: string): DigestCommand {
  const [verb = '', ...args] = text.trim().split(/\s+/).filter(Boolean);
  switch (verb.toLowerCase()) {
    case '':
    case 'now':
    case 'today':
      return args.length ? { kind: 'unknown' } : { kind: 'now' };
    case 'subscribe': {
      let i = 0;
      while (i < args.length && (/^\d/.test(args[i]!) || /^[ap]\.?m\.?$/i.test(args[i]!))) i++;
      const time = i ? args.slice(0, i).join(' ') : null;
      const zoned = i < args.length && (args[i]!.includes('/') || isValidTimezone(args[i]!));
      const timezone = zoned ? args[i++]! : null;
      const topic = args.slice(i).join(' ') || null;
      return { kind: 'subscribe', time, timezone, topic };
    }
    case 'unsubscribe':
      return args.length ? { kind: 'unknown' } : { kind: 'unsubscribe' };
    case 'status':
      return args.length ? { kind: 'unknown' } : { kind: 'status' };
    default:
      return { kind: 'unknown' };
  }
}
