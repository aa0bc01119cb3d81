import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, webApi, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import type { Config } from '../../src/config.ts';
import type { Digest } from '../../src/digest/types.ts';
import type { DeliveryAttempt } from '../../src/schedule/scheduler.ts';
import { NewsdeskError } from '../../src/errors.ts';
import type { Log } from '../../src/log.ts';
import { registerAnswerActions } from './answer-actions.ts';
import { boltLogger } from './bolt-logger.ts';
import { BoundedHTTPReceiver } from './bounded-receiver.ts';
import { registerConversationEvents } from './conversation-events.ts';
import type { SlackDesk } from './desk-port.ts';
import { RecentKeys } from './recent-keys.ts';
import { registerSlashCommands } from './slash-commands.ts';
import { postDigestToSlack } from './post-digest.ts';

/**
 * Starts newsdesk on Slack with the real Bolt `App`: HTTP mode (signature verification on, one
 * endpoint `/slack/events` for events, commands and actions) or Socket Mode when SLACK_APP_TOKEN is
 * set. Web API calls go to SLACK_API_URL; the client waits out HTTP 429 responses (Retry-After).
 */

/** Options of {@link startSlackApp}. */
export interface SlackAppOptions {
  config: Config;
  /** The core service (a `Newsdesk`). */
  desk: SlackDesk;
  log: Log;
  /** HTTP port; defaults to SLACK_PORT; 0 picks a free port. Unused in Socket Mode. */
  port?: number;
}

/** A running Slack app. */
export interface RunningSlackApp {
  /** Stops receiving, waits (a few seconds at most) for answers in flight, closes connections. */
  stop(): Promise<void>;
  /** The HTTP port listened on; 0 in Socket Mode. */
  port: number;
  /** Posts a scheduled digest to a channel (see post-digest.ts); throws DeliveryError. */
  postDigest(channel: string, digest: Digest, attempt?: DeliveryAttempt): Promise<void>;
}

/**
 * Retries of the app's Web API calls: seconds, not the client's default half hour, so that a reply
 * fails while it still means something and start-up reports an unreachable Slack (which `npm start`
 * retries with its own backoff and limit).
 */
const APP_RETRIES = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 } as const;
/**
 * A digest post is never re-sent by the client: a call that timed out may have been posted, and only
 * the scheduler's retry, a resumed delivery, looks in the channel history for it first.
 */
const DIGEST_RETRIES = { retries: 0 } as const;

/** How long stop() waits for answers in flight. */
const STOP_GRACE_MS = 5000;
/** How many bot threads are remembered (replies there are questions). */
const BOT_THREADS = 5000;

/**
 * Starts the Slack adapter.
 * @throws NewsdeskError CONFIG_INVALID when SLACK_BOT_TOKEN (or, in HTTP mode, SLACK_SIGNING_SECRET) is missing
 * @throws the Web API error when auth.test rejects the token
 * @example
 * const slack = await startSlackApp({ config, desk: Newsdesk.open(config, log), log });
 * process.once('SIGTERM', () => void slack.stop());
 */
export async function startSlackApp(opts: SlackAppOptions): Promise<RunningSlackApp> {
  const { config } = opts;
  const log = opts.log.child({ module: 'slack' });
  if (!config.SLACK_BOT_TOKEN) throw new NewsdeskError('SLACK_BOT_TOKEN is not set: the Slack adapter needs a bot token (xoxb-…).', 'CONFIG_INVALID');
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  if (!socketMode && !config.SLACK_SIGNING_SECRET) {
    throw new NewsdeskError('SLACK_SIGNING_SECRET is not set: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode).', 'CONFIG_INVALID');
  }

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    ...(socketMode
      ? { socketMode: true, appToken: config.SLACK_APP_TOKEN }
      : {
          receiver: new BoundedHTTPReceiver({
            signingSecret: config.SLACK_SIGNING_SECRET!,
            logger: boltLogger(log),
            maxBodyBytes: config.SLACK_MAX_BODY_BYTES,
          }),
        }),
    logger: boltLogger(log),
    clientOptions: { slackApiUrl: config.SLACK_API_URL, timeout: config.SLACK_API_TIMEOUT_MS, retryConfig: APP_RETRIES },
    deferInitialization: true,
  });
  await app.init(); // auth.test: checks the token and learns the bot's user id

  const digestClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: config.SLACK_API_URL,
    logger: boltLogger(log),
    retryConfig: DIGEST_RETRIES,
    timeout: config.SLACK_API_TIMEOUT_MS,
  });
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };
  const botThreads = new RecentKeys(BOT_THREADS);
  app.use(answerEachEventOnce({ addIfNew: (eventId) => opts.desk.firstDelivery(`slack:${eventId}`) }, log));
  registerConversationEvents(app, { desk: opts.desk, log, botThreads, track });
  registerSlashCommands(app, { desk: opts.desk, log, track, mayManageDigests: digestManagers(app, config.SLACK_DIGEST_MANAGERS, log) });
  registerAnswerActions(app, { desk: opts.desk, log, botThreads, track });
  app.error(async (error) => {
    log.error({ err: error }, 'unhandled error in a Slack listener');
  });

  let port = 0;
  if (socketMode) {
    await app.start();
  } else {
    const server = (await app.start(opts.port ?? config.SLACK_PORT)) as Server;
    port = (server.address() as AddressInfo).port;
  }
  log.info({ mode: socketMode ? 'socket' : 'http', port: socketMode ? undefined : port }, 'Slack adapter started');

  let stopping: Promise<void> | null = null;
  return {
    port,
    postDigest: (channel, digest, attempt) => postDigestToSlack(digestClient, channel, digest, attempt),
    stop() {
      stopping ??= (async () => {
        await app.stop();
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, STOP_GRACE_MS);
        });
        await Promise.race([Promise.allSettled([...inFlight]), grace]);
        clearTimeout(timer);
        log.info({ abandoned: inFlight.size }, 'Slack adapter stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Global middleware answering each Events API delivery once: Slack retries an event (same
 * `event_id`, `X-Slack-Retry-Num` header) when it did not see the acknowledgement in time; the
 * retry is acknowledged by Bolt and dropped here.
 */
export function answerEachEventOnce(seen: Pick<RecentKeys, 'addIfNew'>, log: Log): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !seen.addIfNew(eventId)) {
      log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'retried delivery of an answered event; ignored');
      return;
    }
    await next();
  };
}

/**
 * Who may subscribe a channel to the daily briefing or stop it: the user ids of SLACK_DIGEST_MANAGERS,
 * and workspace admins and owners as `users.info` reports them; nobody else, and nobody when Slack
 * cannot say (the refusal names who may).
 */
export function digestManagers(app: App, allowList: readonly string[], log: Log): (userId: string) => Promise<boolean> {
  const allowed = new Set(allowList);
  return async (userId) => {
    if (allowed.has(userId)) return true;
    try {
      const info = await app.client.users.info({ user: userId });
      return Boolean(info.user?.is_admin || info.user?.is_owner);
    } catch (err) {
      log.warn({ err, user: userId }, 'users.info failed: the digest subscription change is refused');
      return false;
    }
  };
}
