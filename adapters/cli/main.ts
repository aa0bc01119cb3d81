import { createRequire } from 'node:module';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import dotenv from 'dotenv';
import { loadConfig, type Config } from '../../src/config.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { createLogger, type Log, type LogLevel } from '../../src/log.ts';
import { openCorpus, type OpenedCorpus } from '../../src/open-corpus.ts';
import { registerAskCommand } from './commands/ask-command.ts';
import { registerBackupCommand } from './commands/backup-command.ts';
import { registerBenchCommand } from './commands/bench-command.ts';
import { registerChatCommands } from './commands/chat-command.ts';
import { registerDigestCommand } from './commands/digest-command.ts';
import { registerEvalCommand } from './commands/eval-command.ts';
import { registerGapsCommand } from './commands/gaps-command.ts';
import { registerIndexCommand } from './commands/index-command.ts';
import { registerIngestCommand } from './commands/ingest-command.ts';
import { registerSourcesCommands } from './commands/sources-commands.ts';
import { createProgress } from './progress.ts';

/** The package version (`newsdesk --version`). */
const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * The `newsdesk` command line: translates arguments into core calls and prints the results.
 * Answers and JSON go to stdout; logs and progress go to stderr.
 */

/** Shared options of the subcommands that read a corpus. */
export interface CorpusOptions {
  corpus?: string;
  json?: boolean;
}

/** Everything a subcommand needs: configuration and logger. */
export interface CliContext {
  config: Config;
  log: Log;
  out: (text: string) => void;
}

/**
 * Runs the CLI.
 * @param argv - full process argv (node, script, ...args)
 * @returns the exit code
 * @example await main(['node', 'newsdesk', 'sources', '--json'])
 */
export async function main(argv: readonly string[]): Promise<number> {
  dotenv.config({ quiet: true });
  let ctx: CliContext;
  try {
    const config = loadConfig(process.env);
    ctx = { config, log: createLogger(logLevelFor(argv, config, process.env)), out: (text) => process.stdout.write(`${text}\n`) };
  } catch (err) {
    process.stderr.write(`newsdesk: ${(err as Error).message}\n`);
    return 2;
  }
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (isNewsdeskError(err)) {
      process.stderr.write(`newsdesk: ${err.message}\n`);
      return 1;
    }
    ctx.log.error({ err }, 'unexpected failure');
    process.stderr.write(`newsdesk: unexpected failure: ${(err as Error).message}\n`);
    return 1;
  }
}

/**
 * The log level of a run: LOG_LEVEL when it is set; otherwise `info` for the bot serving Discord or
 * Slack (an operator reads its log) and `warn` for the terminal chat and one-off commands, whose
 * screen belongs to the answers (no "corpus loaded" lines under the prompt).
 */
export function logLevelFor(argv: readonly string[], config: Config, env: NodeJS.ProcessEnv): LogLevel {
  if (env.LOG_LEVEL) return config.LOG_LEVEL;
  const serving = argv[2] === 'start' && Boolean(config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN);
  return serving ? 'info' : 'warn';
}

/** Builds the commander program with every subcommand. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('newsdesk')
    .description('Answers questions about a folder of news coverage, with verbatim citations.')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();

  registerIndexCommand(program, ctx);
  registerSourcesCommands(program, ctx);
  registerAskCommand(program, ctx);
  registerChatCommands(program, ctx);
  registerEvalCommand(program, ctx);
  registerBenchCommand(program, ctx);
  registerIngestCommand(program, ctx);
  registerDigestCommand(program, ctx);
  registerGapsCommand(program, ctx);
  registerBackupCommand(program, ctx);

  return program;
}

/**
 * The configuration a command runs with: `--corpus DIR` replaces CORPUS_DIR everywhere (the index, the
 * watcher, the feed poller's output folder), not only where the index is opened.
 */
export function commandConfig(ctx: CliContext, opts: CorpusOptions): Config {
  return opts.corpus ? { ...ctx.config, CORPUS_DIR: path.resolve(opts.corpus) } : ctx.config;
}

/** The corpus folder for a command: `--corpus` or CORPUS_DIR. */
export function corpusDir(ctx: CliContext, opts: CorpusOptions): string {
  return commandConfig(ctx, opts).CORPUS_DIR;
}

/** Opens the corpus for a command, with a progress line on a terminal. */
export function open(ctx: CliContext, opts: CorpusOptions): OpenedCorpus {
  const progress = createProgress('reading files');
  try {
    return openCorpus(corpusDir(ctx, opts), {
      dataDir: ctx.config.DATA_DIR,
      maxFileBytes: ctx.config.MAX_FILE_BYTES,
      log: ctx.log,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.done();
  }
}
