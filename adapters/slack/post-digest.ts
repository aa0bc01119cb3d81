import type { Digest } from '../../src/digest/types.ts';
import { DeliveryError } from '../../src/schedule/delivery-error.ts';
import type { DeliveryAttempt } from '../../src/schedule/scheduler.ts';
import { renderDigestForSlack } from './render-digest.ts';
import { postMessage, type ReplyClient } from './replies.ts';

/**
 * Posting the scheduled daily briefing to a Slack channel, and telling the scheduler whether a
 * failure is worth retrying.
 */

/**
 * Web API errors that retrying cannot fix: the channel is gone or archived, the bot is not in it,
 * or the workspace deactivated the bot.
 */
const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive']);

/**
 * Posts a digest to a channel with chat.postMessage (blocks, no unfurling).
 * @param client - a Web API client (it waits out rate limits; its retries should end within the scheduler's claim lease)
 * @throws DeliveryError, permanent for channel_not_found, not_in_channel, is_archived, account_inactive
 * @example await postDigestToSlack(app.client, 'C0NEWSROOM', desk.digest())
 */
export async function postDigestToSlack(client: ReplyClient, channel: string, digest: Digest, attempt?: DeliveryAttempt): Promise<void> {
  try {
    // A resumed delivery (a retry, or a claim taken over from a process that died mid-post) looks
    // for its own message first: the delivery key travels in the message's metadata.
    if (attempt?.resumed && (await alreadyPosted(client, channel, attempt.key))) return;
    const metadata = attempt ? { event_type: DIGEST_EVENT, event_payload: { delivery: attempt.key } } : undefined;
    await postMessage(client, { channel, threadTs: null }, renderDigestForSlack(digest), metadata);
  } catch (err) {
    throw deliveryErrorFromSlack(err);
  }
}

/** The metadata event type of newsdesk's digest messages. */
const DIGEST_EVENT = 'newsdesk_digest';

/** True when the channel's recent history holds the digest message with this delivery key. */
async function alreadyPosted(client: ReplyClient, channel: string, key: string): Promise<boolean> {
  const history = await client.conversations.history({ channel, limit: RECENT_MESSAGES, include_all_metadata: true });
  return (history.messages ?? []).some((m) => {
    const meta = (m as { metadata?: { event_type?: string; event_payload?: { delivery?: unknown } } }).metadata;
    return meta?.event_type === DIGEST_EVENT && meta.event_payload?.delivery === key;
  });
}

/** Messages of a channel read back when a delivery resumes. */
const RECENT_MESSAGES = 50;

/**
 * Classifies an error of a Web API call for the scheduler: a platform error (`ok: false`) carries
 * Slack's error code in `data.error`.
 * @example deliveryErrorFromSlack(Object.assign(new Error('An API error occurred: not_in_channel'), { data: { error: 'not_in_channel' } })).permanent // true
 */
export function deliveryErrorFromSlack(err: unknown): DeliveryError {
  const code = (err as { data?: { error?: unknown } } | null)?.data?.error;
  if (typeof code === 'string') return new DeliveryError(`Slack refused the post: ${code}`, PERMANENT_SLACK_ERRORS.has(code), err);
  return new DeliveryError(err instanceof Error ? err.message : String(err), false, err);
}
