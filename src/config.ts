import path from 'node:path';
import { z } from 'zod';
import { NewsdeskError } from './errors.ts';
import { LOG_LEVELS } from './log.ts';

/**
 * The one configuration schema of newsdesk, read from environment variables (and `.env`).
 * Every variable is documented in `.env.example`. Parsed once at start by {@link loadConfig}.
 */
export const configSchema = z.object({
  /** Folder of articles to answer from. */
  CORPUS_DIR: z.string().min(1).default('corpus'),
  /** Folder for the index snapshot and state (git-ignored). */
  DATA_DIR: z.string().min(1).default('.newsdesk'),
  /** Minimum log level. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Article files larger than this many bytes are skipped with a reason. */
  MAX_FILE_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
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
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, blankToUndefined(env[key])]),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`);
    throw new NewsdeskError(`Invalid configuration — ${problems.join('; ')}`, 'CONFIG_INVALID');
  }
  return {
    ...result.data,
    CORPUS_DIR: path.resolve(result.data.CORPUS_DIR),
    DATA_DIR: path.resolve(result.data.DATA_DIR),
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
