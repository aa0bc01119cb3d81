import type { Command } from 'commander';
import { startNewsdesk } from '../../start.ts';
import { runTerminalChat } from '../../terminal/chat.ts';
import { commandConfig, type CliContext, type CorpusOptions } from '../context.ts';
import { deskFor } from './ask-command.ts';

/** How long after a clean stop the process may linger before it exits anyway. */
const EXIT_GRACE_MS = 1000;

/**
 * `newsdesk chat`: the terminal chat over the corpus. `newsdesk start` runs the configured chat
 * platforms, or this chat when no platform token is set.
 */
export function registerChatCommands(program: Command, ctx: CliContext): void {
  program
    .command('chat')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .action(async (opts: CorpusOptions) => {
      await runTerminalChat({ desk: deskFor(ctx, opts, true) });
    });

  program
    .command('start')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .action(async (opts: CorpusOptions) => {
      await startNewsdesk({ config: commandConfig(ctx, opts), desk: deskFor(ctx, opts, true), log: ctx.log });
      // Everything has stopped: a socket some library left open must not keep the process alive.
      setTimeout(() => process.exit(process.exitCode ?? 0), EXIT_GRACE_MS).unref();
    });
}
