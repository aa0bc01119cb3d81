import type { Config } from '../src/config.ts';
import type { Log } from '../src/log.ts';
import type { Newsdesk } from '../src/app/newsdesk.ts';
import { startCoverageUpdates } from '../src/acquire/start-coverage-updates.ts';
import { connectWithRetries } from './connect-retries.ts';
import { PLATFORMS } from './platforms.ts';
import { runTerminalChat } from './terminal/chat.ts';
import { routeDigests, type DigestPoster } from './digest-delivery.ts';
import type { deskScheduler } from '../src/app/desk-scheduler.ts';
import type { DigestScheduler } from '../src/schedule/scheduler.ts';

/**
 * Starts newsdesk where its users are: every chat platform whose token is configured, or the
 * terminal chat when none is, with the corpus watched and feeds polled as configured, and the daily
 * digests of subscribed channels posted on schedule through the platforms that run. Platforms run
 * until SIGINT/SIGTERM, then everything shuts down cleanly (the digest scheduler first).
 */

/** Something started that can be stopped. */
interface Running {
  name: string;
  stop(): Promise<void>;
}

/** Options of {@link startNewsdesk}. */
export interface StartOptions {
  config: Config;
  desk: Newsdesk;
  log: Log;
  /** The process to listen on for SIGINT/SIGTERM (injectable for tests). */
  signals?: NodeJS.EventEmitter;
  /** Scheduler settings (tests: a clock, short retries). */
  digestScheduler?: Parameters<typeof deskScheduler>[3];
}

/** How long shutdown waits for a digest being posted. */
const DIGEST_STOP_GRACE_MS = 5000;
/** How long shutdown waits for the platforms to close (with the digest grace: under 10 s in all). */
const PLATFORM_STOP_GRACE_MS = 4000;

/**
 * Runs the configured surfaces and resolves when they have stopped.
 * @example await startNewsdesk({ config, desk, log })
 */
export async function startNewsdesk(options: StartOptions): Promise<void> {
  const { config, desk, log } = options;
  const running: Running[] = [];
  const posters: Record<string, DigestPoster> = {};
  // New or changed files in the corpus folder and configured feeds reach the index while running.
  const updates = startCoverageUpdates(config, desk, log);
  running.push({ name: 'coverage', stop: async () => updates.stop() });
  try {
    // Each platform's SDK (discord.js, Bolt) and the scheduler load only when they are used: the
    // terminal chat starts without them.
    for (const platform of PLATFORMS.filter((p) => p.enabled(config))) {
      const started = await connectWithRetries(() => platform.start({ config, desk, log }), {
        platform: platform.label,
        giveUpAfterMs: config.CONNECT_GIVE_UP_SECONDS * 1000,
        log,
        check: platform.check,
      });
      running.push({ name: platform.id, stop: started.stop });
      posters[platform.id] = started.postDigest;
    }
  } catch (err) {
    await stopAll(running, log);
    throw err;
  }
  if (running.length === 1) {
    await runTerminalChat({ desk });
    await stopAll(running, log);
    return;
  }
  const stopRequested = waitForSignal(options.signals ?? process, log);
  let scheduler: DigestScheduler | null = null;
  try {
    // Schedules every subscription and posts, once, a digest missed today while newsdesk was down.
    const { deskScheduler } = await import('../src/app/desk-scheduler.ts');
    scheduler = deskScheduler(desk, routeDigests(posters), log, options.digestScheduler);
    // Not awaited: a catch-up post that hangs must not hold up a signal.
    void scheduler?.start();
  } catch (err) {
    log.error({ err }, 'could not start the digest scheduler: daily digests are not posted');
  }
  log.info({ platforms: Object.keys(posters), digests: scheduler !== null }, 'newsdesk is running; press Ctrl+C to stop');
  await stopRequested;
  if (scheduler) {
    scheduler.stop();
    await withinGrace(scheduler.idle(), DIGEST_STOP_GRACE_MS);
    // A post still hanging: another process (or the next start) takes its delivery over at once.
    scheduler.releaseClaims();
  }
  await stopAll(running, log);
}

/** Resolves on the first SIGINT or SIGTERM. */
function waitForSignal(signals: NodeJS.EventEmitter, log: Log): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = (signal: string): void => {
      log.info({ signal }, 'shutting down');
      signals.removeListener('SIGINT', onSignal);
      signals.removeListener('SIGTERM', onSignal);
      resolve();
    };
    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);
  });
}

async function stopAll(running: readonly Running[], log: Log): Promise<void> {
  // Shutdown ends within its grace whatever a platform does: one SIGTERM is enough.
  await withinGrace(stopEach(running, log), PLATFORM_STOP_GRACE_MS);
}

async function stopEach(running: readonly Running[], log: Log): Promise<void> {
  await Promise.all(
    running.map(async (r) => {
      try {
        await r.stop();
      } catch (err) {
        log.warn({ err, platform: r.name }, 'stopping failed');
      }
    }),
  );
}

/** Waits for `work`, at most `ms` milliseconds, leaving no timer behind. */
async function withinGrace(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([work.then(() => {}), grace]);
  clearTimeout(timer);
}
