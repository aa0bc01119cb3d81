import { NewsdeskError } from '../src/errors.ts';
import type { Log } from '../src/log.ts';

/**
 * Connecting to a chat platform at start-up, retried: a network that is down or a DNS name that does
 * not resolve yet gets one clear log line per attempt and another try after a growing pause, until
 * `giveUpAfterMs`; then a plain error says what failed and what to check. An error that retrying
 * cannot fix (a refused token, a bad setting) is not retried.
 */

/** Pauses between attempts, the last one repeated. */
const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000] as const;

/** Options of {@link connectWithRetries}. */
export interface ConnectOptions {
  /** The platform, for log lines and the final message ("Discord"). */
  platform: string;
  /** Give up once this much time has passed since the first attempt. */
  giveUpAfterMs: number;
  log: Log;
  /** The settings to check when it gives up ("the network and DISCORD_API_URL"). */
  check: string;
  /** Clock and sleep (tests). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `connect` until it succeeds, retrying network failures with backoff.
 * @throws NewsdeskError PLATFORM_UNREACHABLE after `giveUpAfterMs`; other errors as they come
 * @example const bot = await connectWithRetries(() => startDiscordBot(opts), { platform: 'Discord', giveUpAfterMs: 120_000, log, check: 'the network' })
 */
export async function connectWithRetries<T>(connect: () => Promise<T>, options: ConnectOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect();
    } catch (err) {
      const reason = networkReason(err);
      if (reason === null) throw err;
      const elapsed = now() - started;
      const pause = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
      if (elapsed + pause > options.giveUpAfterMs) {
        throw new NewsdeskError(
          `Could not connect to ${options.platform} in ${Math.round(elapsed / 1000)} s (${attempt} attempts): ${reason}. Check ${options.check}.`,
          'PLATFORM_UNREACHABLE',
          err,
        );
      }
      options.log.warn(
        { platform: options.platform, attempt, retryInMs: pause, reason },
        `could not connect to ${options.platform} (${reason}); retrying in ${pause / 1000} s`,
      );
      await sleep(pause);
    }
  }
}

/** A network failure's short reason ("getaddrinfo ENOTFOUND discord.com"), or null for other errors. */
function networkReason(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return (e as Error).message || code;
    e = (e as { cause?: unknown }).cause ?? (e as { original?: unknown }).original;
  }
  return null;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'slack_webapi_request_error',
]);
