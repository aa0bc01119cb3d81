import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { evalCorpusDir, readEvalSet, runEval, type EvalReport } from '../../../src/eval.ts';
import { openCorpus } from '../../../src/open-corpus.ts';
import type { CliContext } from '../main.ts';

/** Where the development question sets live, relative to the project root. */
export const DEV_SETS_DIR = 'test/fixtures/qa';

/** `newsdesk eval [--set FILE…] [--json] [--verbose]`: scores the ask pipeline per question family. */
export function registerEvalCommand(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .description(`Score answers against question sets with expected answers (default: every set in ${DEV_SETS_DIR}).`)
    .option('--set <file...>', 'question set file(s)')
    .option('--json', 'print the reports as JSON')
    .option('--verbose', 'list every failing question and why')
    .action((opts: { set?: string[]; json?: boolean; verbose?: boolean }) => {
      const root = projectRoot();
      const files = opts.set?.length
        ? opts.set.map((f) => path.resolve(f))
        : fs.readdirSync(path.join(root, DEV_SETS_DIR)).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(root, DEV_SETS_DIR, f));
      const reports: EvalReport[] = files.map((file) => {
        const set = readEvalSet(file);
        const { index } = openCorpus(evalCorpusDir(set, root), { dataDir: ctx.config.DATA_DIR, log: ctx.log });
        return runEval(index, set);
      });
      if (opts.json) {
        ctx.out(JSON.stringify(reports.map(({ outcomes, ...r }) => ({ ...r, failures: outcomes.filter((o) => !o.pass).map((o) => ({ id: o.id, question: o.question, problems: o.problems })) })), null, 2));
        return;
      }
      for (const r of reports) {
        ctx.out(`${r.name}: ${r.passed}/${r.total} (${percent(r.score)})`);
        for (const [family, f] of Object.entries(r.families).sort()) ctx.out(`  ${family.padEnd(10)} ${String(f.passed).padStart(3)}/${String(f.total).padEnd(3)} ${percent(f.score)}`);
        if (opts.verbose) for (const o of r.outcomes.filter((x) => !x.pass)) ctx.out(`  ✗ ${o.id} ${o.question} — ${o.problems.join('; ')}`);
      }
    });
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The folder holding package.json (the CLI runs from adapters/cli). */
function projectRoot(): string {
  return path.resolve(import.meta.dirname, '..', '..', '..');
}
