import { LogLevel, type Logger } from '@slack/bolt';
import type { Log } from '../../src/log.ts';

/**
 * Bolt's logger interface backed by the newsdesk pino logger, so Bolt, the Web API client and the
 * Socket Mode client log through the same redacted JSON lines as the rest of newsdesk.
 */

/**
 * Wraps a pino logger for Bolt. Bolt's level setter is ignored: the pino level (LOG_LEVEL) decides.
 * Error arguments are logged under `err`, the other arguments joined as the message.
 * @example new App({ logger: boltLogger(log.child({ module: 'slack' })), … })
 */
export function boltLogger(log: Log): Logger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      const err = msg.find((m): m is Error => m instanceof Error);
      const text = msg
        .filter((m) => m !== err)
        .map((m) => (typeof m === 'string' ? m : safeJson(m)))
        .join(' ');
      if (err) log[level]({ err, source: 'bolt' }, text || err.message);
      else log[level]({ source: 'bolt' }, text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => LEVELS[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
