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

/**
 * Posts a newsdesk message: blocks as rendered, no link unfurling, never `link_names`.
 * @throws the Web API error when Slack refuses (after the client's rate-limit retries)
 */
export async function postMessage(client: ReplyClient, target: MessageTarget, message: SlackMessage): Promise<void> {
  await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
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
  await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
}

/** True for a direct-message channel id (they start with D). */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}
