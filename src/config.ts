import path from 'node:path';
import { z } from 'zod';
import { NewsdeskError } from './errors.ts';
import { LOG_LEVELS } from './log.ts';
import { isValidTimezone } from './schedule/local-time.ts';

/**
 * The one configuration schema of newsdesk, read from environment variables (and `.env`).
 * Every variable is documented in `.env.example`. Parsed once at start by {@link loadConfig}.
 */
/** A yes/no setting: "true" or "1" turns it on, "false" or "0" off; `fallback` when unset. */
function envFlag(fallback: 'true' | 'false' = 'false') {
  return z
    .enum(['true', 'false', '1', '0'])
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');
}

const configSchema = z.object({
  /** Folder of articles to answer from. */
  CORPUS_DIR: z.string().min(1).default('corpus'),
  /** Folder for the index snapshot and state (git-ignored). */
  DATA_DIR: z.string().min(1).default('.newsdesk'),
  /** Minimum log level. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Article files larger than this many bytes are skipped with a reason. */
  MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Run without the state database when it cannot be opened (no digests, no question log) instead of stopping. */
  STATE_OPTIONAL: envFlag(),
  /** Questions one chat user may ask per minute before getting a polite wait message. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Default local time of the daily briefing for channels that subscribe without one ('HH:MM'). */
  DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM, e.g. 08:00')
    .default('08:00'),
  /** Default IANA timezone of the daily briefing for channels that subscribe without one. */
  DIGEST_TIMEZONE: z.string().refine(isValidTimezone, 'must be an IANA timezone such as Europe/London or UTC').default('UTC'),
  /** Stories a daily briefing lists when the coverage holds many stories. */
  DIGEST_STORIES: z.coerce.number().int().positive().max(9).default(5),

  /** RSS/Atom feed URLs polled for new articles while the bot runs (comma-separated). */
  FEEDS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== ''),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each feed must be an http(s) URL' }))),
  /** Minutes between two polls of the feeds. */
  FEED_POLL_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  /** Watch the corpus folder while the bot runs and pick up new, changed and removed files. */
  WATCH_CORPUS: envFlag('true'),
  /** Milliseconds allowed for fetching one page or feed (ingest, feed polling). */
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Largest page or feed fetched, in bytes; a larger download is stopped. */
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Fetch from loopback, private, link-local and other internal addresses too (default: refused). */
  FETCH_ALLOW_PRIVATE: envFlag(),

  /** Seconds `npm start` keeps retrying to reach Discord or Slack (network down, DNS) before it gives up. */
  CONNECT_GIVE_UP_SECONDS: z.coerce.number().int().positive().default(120),

  /** Discord bot token (Bot settings of the application). Enables the Discord adapter. */
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, 'must look like a Discord bot token (three dot-separated parts)')
    .optional(),
  /** Discord application id, for registering slash commands. */
  DISCORD_APP_ID: z
    .string()
    .regex(/^\d{17,20}$/, 'must be a Discord snowflake (17–20 digits)')
    .optional(),
  /** Register slash commands in this guild only (instant); globally when unset. */
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{17,20}$/, 'must be a Discord snowflake (17–20 digits)')
    .optional(),
  /** Discord REST base URL; the gateway URL then comes from this REST (GET /gateway/bot). */
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).default('https://discord.com/api'),
  /** Ask for the privileged MESSAGE_CONTENT intent (mentions and DMs work without it). */
  DISCORD_MESSAGE_CONTENT: envFlag(),

  /** Slack bot token (xoxb-…). Enables the Slack adapter. */
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[\w-]+$/, 'must start with xoxb-')
    .optional(),
  /** Slack signing secret, to verify HTTP requests (required in HTTP mode). */
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, 'must be the hex signing secret from the app settings')
    .optional(),
  /** Slack app-level token (xapp-…): when set, the adapter uses Socket Mode instead of HTTP. */
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[\w-]+$/, 'must start with xapp-')
    .optional(),
  /** Port of the HTTP receiver (path /slack/events). */
  SLACK_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Slack user ids allowed to change channels' daily briefings besides workspace admins and owners, comma-separated. */
  SLACK_DIGEST_MANAGERS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== ''),
    )
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'each digest manager must be a Slack user id (U…)'))),
  /** Largest request body the Slack HTTP endpoint reads, in bytes; larger ones get 413 before any signature work. */
  SLACK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Deadline of every Slack Web API call, in milliseconds: a hung call fails (and is retried) instead of holding a digest forever. */
  SLACK_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Slack Web API base URL. */
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'),
});

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/**
 * Parses configuration from an environment map.
 * @param env - variables to read, usually `process.env` after `.env` was loaded
 * @returns the validated configuration, paths resolved against the current directory
 * @throws NewsdeskError CONFIG_INVALID naming each bad variable and why
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, blankToUndefined(env[key])]));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`);
    throw new NewsdeskError(`Invalid configuration — ${problems.join('; ')}`, 'CONFIG_INVALID');
  }
  const data = result.data;
  if (data.SLACK_BOT_TOKEN && !data.SLACK_APP_TOKEN && !data.SLACK_SIGNING_SECRET) {
    throw new NewsdeskError(
      'Invalid configuration — SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      'CONFIG_INVALID',
    );
  }
  if (data.DISCORD_TOKEN && !data.DISCORD_APP_ID) {
    throw new NewsdeskError('Invalid configuration — DISCORD_APP_ID: required with DISCORD_TOKEN to register slash commands', 'CONFIG_INVALID');
  }
  return {
    ...data,
    CORPUS_DIR: path.resolve(result.data.CORPUS_DIR),
    DATA_DIR: path.resolve(result.data.DATA_DIR),
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
