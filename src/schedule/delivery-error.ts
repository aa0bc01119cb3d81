/**
 * The error an adapter's `send` throws when posting a digest fails, telling the scheduler whether to
 * retry: a permanent failure (the channel no longer exists, the bot was removed or may not post
 * there) pauses the subscription; anything else is retried with backoff.
 */

/**
 * A failed digest post.
 * @param message - what went wrong, for the log and the delivery record
 * @param permanent - true when retrying cannot help (channel gone, bot removed, no permission)
 * @example throw new DeliveryError('channel_not_found', true)
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;

  constructor(message: string, permanent: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DeliveryError';
    this.permanent = permanent;
  }
}

/** True when an error says retrying cannot help (a DeliveryError marked permanent). */
export function isPermanentDeliveryError(err: unknown): boolean {
  return err instanceof DeliveryError && err.permanent;
}
