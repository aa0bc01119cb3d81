import { Command, CommanderError } from 'commander';
import dotenv from 'dotenv';
import { loadConfig, type Config } from '../../src/config.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { createLogger, type LogLevel } from '../../src/log.ts';
import { COMMANDS } from './command-table.ts';
import type { CliContext } from './context.ts';
import { packageVersion } from './project-root.ts';

export type { CliContext, CorpusOptions } from './context.ts';

/**
 * The `newsdesk` command line: translates arguments into core calls and prints the results.
 * Answers and JSON go to stdout; logs and progress go to stderr.
 */

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
  const program = await buildProgram(ctx, argv[2]);
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

/**
 * Builds the commander program. With the name of the command being run, only that command's module is
 * loaded (the others appear in help by name and description); without one, every command is loaded.
 * @param running - `argv[2]`: the command the user typed, if any
 */
export async function buildProgram(ctx: CliContext, running?: string): Promise<Command> {
  const program = new Command('newsdesk')
    .description('Answers questions about a folder of news coverage, with verbatim citations.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
  const known = COMMANDS.find((c) => c.name === running);
  const loaded = new Set<unknown>();
  for (const entry of running === undefined ? COMMANDS : known ? [known] : []) {
    const register = await entry.load();
    if (loaded.has(register)) continue;
    loaded.add(register);
    register(program, ctx);
  }
  for (const entry of COMMANDS) {
    const command = program.commands.find((c) => c.name() === entry.name);
    if (command) command.description(entry.description);
    else program.command(entry.name).description(entry.description);
  }
  return program;
}
