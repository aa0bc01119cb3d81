/**
 * Reading the text of Slack's `/digest` command: nothing (or `now`) for today's briefing,
 * `subscribe [time] [timezone]`, `unsubscribe`, `status`. Slack hands the arguments over as one
 * string; this splits them, the core checks them.
 */

/** What a `/digest` command asks for. */
export type DigestCommand =
  | { kind: 'now' }
  | { kind: 'subscribe'; time: string | null; timezone: string | null }
  | { kind: 'unsubscribe' }
  | { kind: 'status' }
  | { kind: 'unknown' };

/** The platform name of Slack subscriptions (their channel is the Slack channel id). */
export const SLACK_PLATFORM = 'slack';

/**
 * Parses the text after `/digest`. The timezone is the last word when it is not part of the time
 * ("7:30 am", "8pm"), so both "07:30 Europe/Paris" and "7:30 am UTC" read as meant.
 * @example parseDigestCommand('subscribe 07:30 Europe/Paris') // { kind: 'subscribe', time: '07:30', timezone: 'Europe/Paris' }
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
      const last = args.at(-1);
      const zoned = last !== undefined && /[A-Za-z]/.test(last) && !/^\d/.test(last) && !/^[ap]\.?m\.?$/i.test(last);
      const timeWords = zoned ? args.slice(0, -1) : args;
      return { kind: 'subscribe', time: timeWords.length ? timeWords.join(' ') : null, timezone: zoned ? last : null };
    }
    case 'unsubscribe':
      return args.length ? { kind: 'unknown' } : { kind: 'unsubscribe' };
    case 'status':
      return args.length ? { kind: 'unknown' } : { kind: 'status' };
    default:
      return { kind: 'unknown' };
  }
}
