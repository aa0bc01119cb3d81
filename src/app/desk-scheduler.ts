import type { Log } from '../log.ts';
import type { Newsdesk } from './newsdesk.ts';
import { DigestScheduler, type DigestSchedulerOptions } from '../schedule/scheduler.ts';

/**
 * Starts the digest scheduler of a newsdesk: digests come from {@link Newsdesk.digest} ("new" counted
 * from each channel's previous digest), posted through the adapters' `send`.
 * @param send - posts a digest to a subscription's channel; throws DeliveryError (permanent when the channel is gone)
 * @returns the running scheduler, or null when the desk has no state database
 * @example
 * const scheduler = await startDigestScheduler(desk, async (sub, digest) => postDigest(sub.channel, digest), log);
 * // on shutdown: scheduler?.stop()
 */
export async function startDigestScheduler(
  desk: Newsdesk,
  send: DigestSchedulerOptions['send'],
  log: Log,
  options: Partial<Omit<DigestSchedulerOptions, 'state' | 'makeDigest' | 'send' | 'log'>> = {},
): Promise<DigestScheduler | null> {
  const scheduler = deskScheduler(desk, send, log, options);
  await scheduler?.start();
  return scheduler;
}

/**
 * The digest scheduler of a newsdesk, not started: `npm start` starts it without waiting for the
 * catch-up posts, so that a signal during a slow post still stops the process at once.
 * @returns the scheduler, or null when the desk has no state database
 * @example
 * const scheduler = deskScheduler(desk, send, log);
 * void scheduler?.start();
 */
export function deskScheduler(
  desk: Newsdesk,
  send: DigestSchedulerOptions['send'],
  log: Log,
  options: Partial<Omit<DigestSchedulerOptions, 'state' | 'makeDigest' | 'send' | 'log'>> = {},
): DigestScheduler | null {
  const state = desk.state;
  if (!state) {
    log.warn({ module: 'schedule' }, 'no state database: daily digests are not scheduled');
    return null;
  }
  return new DigestScheduler({ ...options, state, send, log, makeDigest: (sub, since, now) => desk.digest({ since, now, topic: sub.topic }) });
}
