import { localDateTime } from '../src/schedule/local-time.ts';

/**
 * Times for end-to-end digest tests: a subscription's post time just ahead of the real clock, and a
 * scheduler clock a little further ahead, so that "time passes" without waiting and without fake
 * timers (the platform fakes use real sockets).
 */

/** How far ahead of the real clock the scheduler's clock runs. */
const CLOCK_AHEAD_MS = 150_000;

/** The scheduler's clock: the real time plus {@link CLOCK_AHEAD_MS}. */
export function aheadClock(): Date {
  return new Date(Date.now() + CLOCK_AHEAD_MS);
}

/**
 * A post time a minute and a half from now ('HH:MM', so at least 30 s after a subscription made now)
 * in a timezone where that minute and the clock ahead fall on the same local day, away from midnight.
 */
export function postTimeSoon(now: Date = new Date()): { time: string; timezone: string } {
  for (const timezone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
    const at = localDateTime(new Date(now.getTime() + 90_000), timezone);
    const hour = Number(at.time.slice(0, 2));
    if (hour >= 1 && hour <= 22) return { time: at.time, timezone };
  }
  throw new Error('no timezone away from midnight');
}
