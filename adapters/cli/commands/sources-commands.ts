import { CommanderError, type Command } from 'commander';
import { listSources, lookupSource } from '../../../src/index/sources.ts';
import { renderSourceList, renderSourceLookup } from '../../terminal/render-sources.ts';
import { open, type CliContext, type CorpusOptions } from '../context.ts';

/** `newsdesk sources` and `newsdesk source <query>`. */
export function registerSourcesCommands(program: Command, ctx: CliContext): void {
  program
    .command('sources')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--json', 'print the JSON contract { sources, skipped }')
    .action((opts: CorpusOptions) => {
      const list = listSources(open(ctx, opts).index);
      ctx.out(opts.json ? JSON.stringify(list, null, 2) : renderSourceList(list));
    });

  program
    .command('source')
    .argument('<query...>', 'id, outlet or words of the title')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--json', 'print JSON')
    .action((query: string[], opts: CorpusOptions) => {
      const result = lookupSource(open(ctx, opts).index, query.join(' '));
      ctx.out(opts.json ? JSON.stringify(result, null, 2) : renderSourceLookup(result));
      // Exit 1 when no single source matched (main() returns a CommanderError's exit code; setting
      // process.exitCode here would be overwritten by bin.mjs).
      if (result.kind !== 'found') throw new CommanderError(1, 'newsdesk.sourceNotFound', `no single source matches "${query.join(' ')}"`);
    });
}
