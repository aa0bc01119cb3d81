import pino, { type Logger } from 'pino';

/** The logger type passed through the core (pino's). */
export type Log = Logger;

/** Log levels accepted by `LOG_LEVEL`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Creates the process logger: writes to stderr (stdout is for answers and JSON), pretty-printed when
 * stderr is a terminal and JSON lines otherwise. Tokens and secrets are redacted.
 * @param level - minimum level to write
 * @param pretty - force pretty or JSON output; defaults to "is stderr a TTY"
 * @example const log = createLogger('info'); log.child({ module: 'ingest' }).info({ files: 5 }, 'corpus read')
 */
export function createLogger(level: LogLevel, pretty: boolean = Boolean(process.stderr.isTTY)): Log {
  const options = {
    level,
    redact: {
      paths: REDACTED_PATHS,
      censor: '[redacted]',
    },
  };
  if (pretty) {
    return pino(
      options,
      pino.transport({
        target: 'pino-pretty',
        // Colours on a terminal only, and never when NO_COLOR is set (https://no-color.org).
        options: { destination: 2, colorize: !process.env.NO_COLOR, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' },
      }),
    );
  }
  return pino(options, pino.destination({ fd: 2, sync: true }));
}

/** A logger that writes nothing: the default for library calls and tests. */
export const silentLog: Log = pino({ level: 'silent' });

const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.DISCORD_TOKEN',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'headers.authorization',
  'req.headers.authorization',
];
