import type { Command } from 'commander';
import { corpusDir, open, type CliContext, type CorpusOptions } from '../context.ts';

/** `newsdesk index`: builds or updates the snapshot and prints what changed. */
export function registerIndexCommand(program: Command, ctx: CliContext): void {
  program
    .command('index')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--json', 'print a JSON summary')
    .action((opts: CorpusOptions) => {
      const opened = open(ctx, opts);
      const summary = {
        corpus: corpusDir(ctx, opts),
        status: opened.status,
        articles: opened.index.articles.size,
        passages: opened.index.passageCount,
        skipped: opened.index.skippedFiles(),
        ...opened.changes,
      };
      if (opts.json) ctx.out(JSON.stringify(summary, null, 2));
      else {
        ctx.out(
          `${summary.status === 'loaded' ? 'Index up to date' : summary.status === 'updated' ? 'Index updated' : 'Index built'}: ` +
            `${summary.articles} articles, ${summary.passages} passages, ${summary.skipped.length} skipped` +
            (summary.status === 'updated' ? ` (${summary.added.length} added, ${summary.changed.length} changed, ${summary.removed.length} removed)` : ''),
        );
      }
    });
}
