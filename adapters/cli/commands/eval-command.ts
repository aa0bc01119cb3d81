import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { evalCorpusDir, readEvalSet, runEval, type EvalReport } from '../../../src/tools/eval.ts';
import { openCorpus } from '../../../src/index/open-corpus.ts';
import {
  BANK_SPLITS,
  bankFiles,
  openBankCorpus,
  readBankStory,
  runBankStory,
  scoreOutcomes,
  type BankScore,
  type BankSplit,
  type BankStory,
  type BankStoryReport,
} from '../../../src/tools/question-bank.ts';
import type { CorpusIndex } from '../../../src/index/corpus-index.ts';
import { BAR_GRID, calibrate, calibrationPoint, type CalibrationPoint } from '../../../src/tools/calibrate.ts';
import type { CliContext } from '../context.ts';
import { projectRoot } from '../project-root.ts';

/** Where the development question sets live, relative to the project root. */
export const DEV_SETS_DIR = 'test/fixtures/qa';
/** Where the blind question bank lives (dev/, val/ and test/ stories), relative to the project root. */
export const BANK_DIR = 'test/fixtures/qa/bank';

interface EvalOptions {
  set?: string[];
  split?: string;
  story?: string[];
  json?: boolean;
  verbose?: boolean;
  calibrate?: boolean;
}

/**
 * `newsdesk eval [--split dev|val|test] [--story NAME…] [--set FILE…] [--json] [--verbose]`: scores the
 * answers against the blind question bank (dev, val and test stories reported apart, per family, with
 * answered precision and abstention), and the older development sets. `--calibrate` instead scores
 * each family's bar on the dev and val stories (see src/tools/calibrate.ts).
 */
export function registerEvalCommand(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .option('--split <split>', 'only the dev, val or test stories of the bank')
    .option('--story <name...>', 'only these bank stories')
    .option('--set <file...>', 'only these question set or bank story file(s)')
    .option('--json', 'print the reports as JSON')
    .option('--verbose', 'list every failing question and why')
    .option('--calibrate', "score each family's bar on the dev and val stories (never the test ones)")
    .action((opts: EvalOptions) => {
      if (opts.split !== undefined && !BANK_SPLITS.includes(opts.split as BankSplit)) throw new Error(`--split must be dev, val or test, not ${opts.split}`);
      const root = projectRoot();
      if (opts.calibrate) {
        printCalibration(ctx, calibrationPoints(root, opts), opts.json === true);
        return;
      }
      const { bank, sets, skipped } = collect(root, opts);
      if (opts.json) {
        ctx.out(JSON.stringify({ bank: bank.map(withoutOutcomes), sets: sets.map(setJson), skipped }, null, 2));
        return;
      }
      for (const split of BANK_SPLITS) {
        const reports = bank.filter((r) => r.split === split);
        if (!reports.length) continue;
        ctx.out(`bank ${split} stories${split === 'test' ? ' (the figure that counts)' : ''}:`);
        for (const r of reports) {
          ctx.out(`  ${r.story.padEnd(24)} ${line(r)}`);
          if (opts.verbose) for (const o of r.outcomes.filter((x) => !x.pass)) ctx.out(`    ✗ ${o.id} ${o.question} — ${o.problems.join('; ')}`);
        }
        const all = scoreOutcomes(reports.flatMap((r) => r.outcomes));
        ctx.out(`  ${'all'.padEnd(24)} ${line(all)}`);
        const families = [...new Set(reports.flatMap((r) => r.outcomes.map((o) => o.family)))].sort();
        for (const f of families) ctx.out(`    ${f.padEnd(22)} ${line(scoreOutcomes(reports.flatMap((r) => r.outcomes.filter((o) => o.family === f))))}`);
      }
      for (const r of sets) {
        ctx.out(`${r.name}: ${r.passed}/${r.total} (${percent(r.score)})`);
        for (const [family, f] of Object.entries(r.families).sort())
          ctx.out(`  ${family.padEnd(10)} ${String(f.passed).padStart(3)}/${String(f.total).padEnd(3)} ${percent(f.score)}`);
        if (opts.verbose) for (const o of r.outcomes.filter((x) => !x.pass)) ctx.out(`  ✗ ${o.id} ${o.question} — ${o.problems.join('; ')}`);
      }
      for (const s of skipped) ctx.out(`skipped ${s.file}: ${s.reason}`);
    });
}

/** Runs what the options select: bank stories and older sets whose corpora are on this machine. */
function collect(root: string, opts: EvalOptions): { bank: BankStoryReport[]; sets: EvalReport[]; skipped: { file: string; reason: string }[] } {
  const skipped: { file: string; reason: string }[] = [];
  const bankDir = path.join(root, BANK_DIR);
  const explicit = opts.set?.map((f) => path.resolve(f)) ?? [];
  const splitOf = (file: string): BankSplit => BANK_SPLITS.find((s) => s === path.basename(path.dirname(file))) ?? 'dev';
  const bankList = explicit.length
    ? explicit.filter((f) => f.startsWith(bankDir))
    : BANK_SPLITS.filter((s) => !opts.split || opts.split === s).flatMap((s) => bankFiles(bankDir, s));
  const bank = openedStories(root, bankList, opts, (file, story) =>
    skipped.push({ file: path.relative(root, file), reason: `corpus ${story.corpus} is not on this machine` }),
  ).map(({ file, story, index }) => runBankStory(index, story, splitOf(file)));
  const setList = explicit.length
    ? explicit.filter((f) => !f.startsWith(bankDir))
    : opts.split || opts.story?.length
      ? []
      : fs
          .readdirSync(path.join(root, DEV_SETS_DIR))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => path.join(root, DEV_SETS_DIR, f));
  const sets: EvalReport[] = [];
  for (const file of setList) {
    const set = readEvalSet(file);
    const dir = evalCorpusDir(set, root);
    if (!fs.existsSync(dir)) {
      skipped.push({ file: path.relative(root, file), reason: `corpus ${set.corpus} is not on this machine` });
      continue;
    }
    sets.push(runEval(openCorpus(dir).index, set));
  }
  return { bank, sets, skipped };
}

/** The tuning stories' questions asked with the gate open (test stories are never read to choose a bar). */
function calibrationPoints(root: string, opts: EvalOptions): CalibrationPoint[] {
  if (opts.split === 'test') throw new Error('--calibrate reads the dev and val stories only: the test stories are never tuned on');
  const splits = BANK_SPLITS.filter((s) => s !== 'test' && (!opts.split || opts.split === s));
  const files = splits.flatMap((s) => bankFiles(path.join(root, BANK_DIR), s));
  return openedStories(root, files, opts).flatMap(({ story, index }) =>
    story.questions.map((q) => calibrationPoint(index, q)).filter((p): p is CalibrationPoint => p !== null),
  );
}

/** The bank stories of these files that `--story` selects, with their corpora opened; those whose corpus is absent go to `absent`. */
function openedStories(
  root: string,
  files: readonly string[],
  opts: EvalOptions,
  absent: (file: string, story: BankStory) => void = () => {},
): { file: string; story: BankStory; index: CorpusIndex }[] {
  const out: { file: string; story: BankStory; index: CorpusIndex }[] = [];
  for (const file of files) {
    const story = readBankStory(file);
    if (opts.story?.length && !opts.story.includes(story.story)) continue;
    const index = openBankCorpus(story, root);
    if (index) out.push({ file, story, index });
    else absent(file, story);
  }
  return out;
}

function printCalibration(ctx: CliContext, points: readonly CalibrationPoint[], json: boolean): void {
  const rows = calibrate(points);
  if (json) {
    ctx.out(JSON.stringify({ bars: BAR_GRID, families: rows }, null, 2));
    return;
  }
  ctx.out(`questions passed per family at each bar, over ${points.length} dev and val questions (best: the highest bar that passes most)`);
  ctx.out(`  ${'family'.padEnd(14)}${'questions'.padStart(9)}${BAR_GRID.map((b) => b.toFixed(2).padStart(6)).join('')}   best   now`);
  for (const r of rows)
    ctx.out(
      `  ${r.family.padEnd(14)}${String(r.questions).padStart(9)}${r.passed.map((n) => String(n).padStart(6)).join('')}   ${r.best.toFixed(2)}  ${r.current.toFixed(2)}${r.best === r.current ? '' : '  ←'}`,
    );
}

function line(s: BankScore): string {
  const precision = s.answered ? `answered precision ${percent(s.precision)} (${s.answeredRight}/${s.answered})` : 'nothing answered';
  const abstention = s.unanswerable ? `, unanswerable not_found ${s.abstained}/${s.unanswerable}` : '';
  return `${String(s.passed).padStart(3)}/${String(s.total).padEnd(3)} ${percent(s.score).padStart(6)}  ${precision}${abstention}`;
}

function withoutOutcomes(r: BankStoryReport): object {
  const { outcomes, ...rest } = r;
  return { ...rest, failures: outcomes.filter((o) => !o.pass).map((o) => ({ id: o.id, question: o.question, problems: o.problems })) };
}

function setJson(r: EvalReport): object {
  const { outcomes, ...rest } = r;
  return { ...rest, failures: outcomes.filter((o) => !o.pass).map((o) => ({ id: o.id, question: o.question, problems: o.problems })) };
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
