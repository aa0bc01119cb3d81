import type { Digest } from '../src/digest/types.ts';
import { DeliveryError } from '../src/schedule/delivery-error.ts';
import type { DeliveryAttempt } from '../src/schedule/scheduler.ts';
import type { Subscription } from '../src/state/subscriptions.ts';

/**
 * Routing the scheduler's digests to the platforms that run: each adapter exports a poster
 * (channel id, digest) and the scheduler's `send` picks it by the subscription's platform.
 */

/** Posts a digest to a channel of one platform, once per delivery key; throws DeliveryError. */
export type DigestPoster = (channel: string, digest: Digest, attempt: DeliveryAttempt) => Promise<void>;

/**
 * The scheduler's `send`: posts through the poster of `subscription.platform`. A platform that is
 * not running now (its token was removed) fails the day's delivery without pausing the
 * subscription, so it resumes when the platform is configured again.
 * @param posters - platform name ('discord', 'slack') → poster
 * @example startDigestScheduler(desk, routeDigests({ discord: bot.postDigest, slack: app.postDigest }), log)
 */
export function routeDigests(
  posters: Readonly<Record<string, DigestPoster>>,
): (subscription: Subscription, digest: Digest, attempt: DeliveryAttempt) => Promise<void> {
  return async (subscription, digest, attempt) => {
    const post = Object.hasOwn(posters, subscription.platform) ? posters[subscription.platform] : undefined;
    if (!post) throw new DeliveryError(`${subscription.platform} is not running in this process`, false);
    await post(subscription.channel, digest, attempt);
  };
}
