import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Digest } from '../../src/digest/types.ts';
import { DeliveryError } from '../../src/schedule/delivery-error.ts';
import type { DeliveryAttempt } from '../../src/schedule/scheduler.ts';
import { renderDigestForDiscord } from './render-digest.ts';

/**
 * Posting the scheduled daily briefing to a Discord channel, and telling the scheduler whether a
 * failure is worth retrying.
 */

/**
 * Discord error codes that retrying cannot fix: the channel is gone (10003 Unknown Channel), or the
 * bot was removed from it or may not post there (50001 Missing Access, 50013 Missing Permissions).
 */
const PERMANENT_DISCORD_CODES: ReadonlySet<number> = new Set([10003, 50001, 50013]);

/**
 * Posts a digest to a channel as embeds, nobody pinged.
 * @param rest - the running client's REST (it waits out rate limits and retries server errors)
 * @throws DeliveryError, permanent for an unknown channel or missing access
 * @example await postDigestToDiscord(client.rest, '1100000000000000200', desk.digest())
 */
export async function postDigestToDiscord(rest: REST, channelId: string, digest: Digest, attempt?: DeliveryAttempt): Promise<void> {
  const payload = renderDigestForDiscord(digest);
  try {
    await rest.post(Routes.channelMessages(channelId), {
      // The delivery key as nonce, enforced: Discord returns the message already created with it
      // instead of posting again when a retry or a takeover repeats the post.
      body: {
        embeds: payload.embeds,
        components: payload.components,
        allowed_mentions: { parse: [] },
        ...(attempt ? { nonce: attempt.key, enforce_nonce: true } : {}),
      },
    });
  } catch (err) {
    throw deliveryErrorFromDiscord(err);
  }
}

/**
 * Classifies an error of a Discord request for the scheduler.
 * @example deliveryErrorFromDiscord(unknownChannelError).permanent // true
 */
export function deliveryErrorFromDiscord(err: unknown): DeliveryError {
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    return new DeliveryError(`Discord refused the post: ${err.message} (code ${err.code}, HTTP ${err.status})`, PERMANENT_DISCORD_CODES.has(code), err);
  }
  return new DeliveryError(err instanceof Error ? err.message : String(err), false, err);
}
