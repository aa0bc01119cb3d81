import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from './block-kit.ts';

/**
 * The two ways newsdesk replies on Slack: a message posted with the Web API (in a channel, a thread
 * or a DM), or a private reply through an interaction's response_url.
 */

/** The Web API client Bolt hands to listeners. */
export type ReplyClient = webApi.WebClient;

/** Where a posted message goes. */
export interface MessageTarget {
  channel: string;
  /** The thread to reply in, or null for the channel (or DM) itself. */
  threadTs: string | null;
}

/** Slack message metadata: an event type and a payload that travel with the message. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string>;
}

/**
 * Posts a newsdesk message: blocks as rendered, no link unfurling, never `link_names`.
 * @throws the Web API error when Slack refuses (after the client's rate-limit retries)
 */
export async function postMessage(client: ReplyClient, target: MessageTarget, message: SlackMessage, metadata?: MessageMetadata): Promise<void> {
  await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    ...(metadata ? { metadata } : {}),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
}

/**
 * Sends a private (ephemeral) reply through a response_url, as a new message.
 * @throws the HTTP error when Slack refuses
 */
export async function respondPrivately(respond: RespondFn, message: SlackMessage): Promise<void> {
  await respondWithRetries(respond, { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
}

/** Backoff between response_url attempts: well inside the URL's 30 minutes and five uses. */
const RESPONSE_RETRY_DELAYS_MS = [500, 1500, 4000] as const;

/**
 * Sends through a response_url, retrying a server error (5xx), a rate limit (429, after its
 * Retry-After) or a dropped connection with backoff, so that a transient failure does not lose the
 * answer. A refusal for the message itself (4xx) is not retried.
 * @throws the last error when every attempt failed
 */
export async function respondWithRetries(respond: RespondFn, payload: Parameters<RespondFn>[0]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await respond(payload);
      return;
    } catch (err) {
      const delay = RESPONSE_RETRY_DELAYS_MS[attempt];
      const wait = retryDelay(err, delay);
      if (wait === null) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** How long to wait before retrying after `err`, or null when it must not be retried. */
function retryDelay(err: unknown, backoff: number | undefined): number | null {
  if (backoff === undefined) return null;
  const e = err as { response?: { status?: number; headers?: Record<string, string> }; code?: string };
  const status = e.response?.status;
  if (status === 429) return Math.max(backoff, 1000 * Number(e.response?.headers?.['retry-after'] ?? 0));
  if (status !== undefined) return status >= 500 ? backoff : null;
  // No HTTP status: the connection failed (reset, refused, timed out).
  return backoff;
}

/** True for a direct-message channel id (they start with D). */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}
