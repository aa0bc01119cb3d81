import type { Command } from 'commander';
import { State } from '../../../src/state/state.ts';
import type { CliContext } from '../context.ts';

/**
 * `newsdesk backup <file>`: a consistent copy of the state database (DATA_DIR/newsdesk.db:
 * subscriptions, deliveries, feedback, questions log), safe while the bot runs.
 */
export function registerBackupCommand(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the copy')
    .action(async (file: string) => {
      const state = State.open(ctx.config.DATA_DIR, { log: ctx.log });
      try {
        await state.backup(file);
        ctx.out(`State database backed up to ${file}`);
      } finally {
        state.close();
      }
    });
}
