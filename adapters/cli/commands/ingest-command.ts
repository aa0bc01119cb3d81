import type { Command } from 'commander';
import { ingestSources, type IngestReport } from '../../../src/acquire/ingest-sources.ts';
import { fetchLimitsOf } from '../../../src/acquire/fetch-page.ts';
import { NewsdeskError } from '../../../src/errors.ts';
import { corpusDir, type CliContext, type CorpusOptions } from '../context.ts';

/**
 * `newsdesk ingest <file|folder|url...>`: adds files, folders, article pages and RSS/Atom feeds to the
 * corpus and updates the index incrementally. Prints what was added, what was already there and what
 * failed (with reasons); exits with status 1 when any input failed, after ingesting the others.
 */
export function registerIngestCommand(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .argument('<sources...>', 'files, folders, article page URLs or feed URLs')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--json', 'print a JSON report')
    .action(async (sources: string[], opts: CorpusOptions) => {
      const dir = corpusDir(ctx, opts);
      const report = await ingestSources(sources, {
        corpusDir: dir,
        dataDir: ctx.config.DATA_DIR,
        maxFileBytes: ctx.config.MAX_FILE_BYTES,
        fetchLimits: fetchLimitsOf(ctx.config),
        log: ctx.log,
      });
      if (opts.json) ctx.out(JSON.stringify(ingestJson(dir, report), null, 2));
      else ctx.out(ingestText(report));
      if (report.failed.length) {
        throw new NewsdeskError(`${report.failed.length} of the sources could not be ingested (see above)`, 'INPUT_INVALID');
      }
    });
}

/** The JSON report of `newsdesk ingest --json`. */
export function ingestJson(corpus: string, report: IngestReport): Record<string, unknown> {
  return {
    corpus,
    status: report.opened.status,
    added: report.added,
    present: report.present,
    failed: report.failed,
    articles: report.opened.index.articles.size,
    passages: report.opened.index.passageCount,
  };
}

/** The terminal report of `newsdesk ingest`. */
export function ingestText(report: IngestReport): string {
  const lines: string[] = [];
  for (const a of report.added) lines.push(`added    ${a.file}${a.source !== a.file ? `  (from ${a.source})` : ''}`);
  for (const p of report.present) lines.push(`present  ${p.source}: ${p.reason}${p.file ? ` (${p.file})` : ''}`);
  for (const f of report.failed) lines.push(`failed   ${f.source}: ${f.reason}`);
  const index = report.opened.index;
  lines.push(
    `${report.added.length} added, ${report.present.length} already present, ${report.failed.length} failed; ` +
      `the index has ${index.articles.size} articles, ${index.passageCount} passages.`,
  );
  return lines.join('\n');
}
