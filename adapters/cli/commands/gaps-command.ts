import type { Command } from 'commander';
import { gapsHeading } from '../../../src/wording/messages.ts';
import { State } from '../../../src/state/state.ts';
import type { CliContext } from '../context.ts';
import { positiveInteger } from '../options.ts';

/** Options of `newsdesk gaps`. */
interface GapsOptions {
  json?: boolean;
  limit: number;
}

/**
 * `newsdesk gaps`: the questions people asked that the coverage could not answer (from the questions
 * log in DATA_DIR/newsdesk.db), most asked first.
 */
export function registerGapsCommand(program: Command, ctx: CliContext): void {
  program
    .command('gaps')
    .option('--limit <n>', 'at most this many questions', positiveInteger, 50)
    .option('--json', 'print JSON: [{ question, count, lastAsked }]')
    .action((opts: GapsOptions) => {
      const state = State.open(ctx.config.DATA_DIR, { log: ctx.log });
      try {
        const gaps = state.questions.gaps(opts.limit);
        if (opts.json) ctx.out(JSON.stringify(gaps, null, 2));
        else ctx.out([gapsHeading(gaps.length), ...gaps.map((g) => `${String(g.count).padStart(4)} × ${g.question}  (last ${g.lastAsked})`)].join('\n'));
      } finally {
        state.close();
      }
    });
}
