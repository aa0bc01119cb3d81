import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { routeDigests } from '../adapters/digest-delivery.ts';
import { deliveryErrorFromDiscord } from '../adapters/discord/post-digest.ts';
import { deliveryErrorFromSlack } from '../adapters/slack/post-digest.ts';
import type { Digest } from '../src/digest/types.ts';
import { DeliveryError } from '../src/schedule/delivery-error.ts';
import type { Subscription } from '../src/state/subscriptions.ts';

/** Routing digests to the platforms' posters, and how each platform's errors reach the scheduler. */

const DIGEST: Digest = { headline: 'h', points: [], new: [], disagreements: [] };

function subscription(platform: string, channel: string): Subscription {
  return { id: 1, platform, channel, time: '08:00', timezone: 'UTC', paused: false, pausedReason: null, createdAt: '', updatedAt: '' } as Subscription;
}

function discordError(code: number, status: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.test/api/v10/channels/1/messages', { body: {} });
}

const ATTEMPT = { key: 'k'.repeat(25), resumed: false };

describe('routeDigests', () => {
  it('posts through the poster of the subscription’s platform, to its channel', async () => {
    const posted: string[] = [];
    const send = routeDigests({ discord: async (c) => void posted.push(`discord:${c}`), slack: async (c) => void posted.push(`slack:${c}`) });
    await send(subscription('slack', 'C1'), DIGEST, ATTEMPT);
    await send(subscription('discord', '42'), DIGEST, ATTEMPT);
    expect(posted).toEqual(['slack:C1', 'discord:42']);
  });

  it('fails, without pausing, for a platform that is not running', async () => {
    const err = await routeDigests({})(subscription('slack', 'C1'), DIGEST, ATTEMPT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).permanent).toBe(false);
  });
});

describe('deliveryErrorFromDiscord', () => {
  it('is permanent for Unknown Channel, Missing Access and Missing Permissions', () => {
    expect(deliveryErrorFromDiscord(discordError(10003, 404, 'Unknown Channel'))).toMatchObject({
      permanent: true,
      message: 'Discord refused the post: Unknown Channel (code 10003, HTTP 404)',
    });
    expect(deliveryErrorFromDiscord(discordError(50001, 403, 'Missing Access')).permanent).toBe(true);
    expect(deliveryErrorFromDiscord(discordError(50013, 403, 'Missing Permissions')).permanent).toBe(true);
  });

  it('is retryable for anything else', () => {
    expect(deliveryErrorFromDiscord(discordError(50035, 400, 'Invalid Form Body')).permanent).toBe(false);
    expect(deliveryErrorFromDiscord(new Error('socket hang up'))).toMatchObject({ permanent: false, message: 'socket hang up' });
  });
});

describe('deliveryErrorFromSlack', () => {
  const platformError = (code: string) =>
    Object.assign(new Error(`An API error occurred: ${code}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: code } });

  it('is permanent for channel_not_found, not_in_channel, is_archived and account_inactive', () => {
    for (const code of ['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive']) {
      expect(deliveryErrorFromSlack(platformError(code))).toMatchObject({ permanent: true, message: `Slack refused the post: ${code}` });
    }
  });

  it('is retryable for anything else', () => {
    expect(deliveryErrorFromSlack(platformError('internal_error')).permanent).toBe(false);
    expect(deliveryErrorFromSlack(new Error('ECONNRESET')).permanent).toBe(false);
    expect(deliveryErrorFromSlack(null).permanent).toBe(false);
  });
});
