import { InvalidArgumentError, type Command } from 'commander';
import { runBenchmark, type BenchmarkReport, type BenchmarkStage, type Timing } from '../../../src/tools/bench.ts';
import fs from 'node:fs';
import { answerQuestion } from '../../../src/ask/answer.ts';
import { MIXED_QUESTIONS } from '../../../src/tools/bench-questions.ts';
import { corpusDir, type CliContext, type CorpusOptions } from '../context.ts';
import { positiveInteger } from '../options.ts';

/** Options of `newsdesk bench`. */
interface BenchOptions extends CorpusOptions {
  scale: number;
  runs: number;
  questions?: string;
  latency: boolean;
  startup?: boolean;
}

/** `newsdesk bench`: ingestion, indexing and snapshot figures against a plain MiniSearch build. */
export function registerBenchCommand(program: Command, ctx: CliContext): void {
  program
    .command('bench')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR)')
    .option('--scale <n>', 'replicate the corpus N times in memory, with distinct ids (to reach 100k+ passages)', positiveInteger, 1)
    .option('--runs <n>', 'repeat every measurement N times and report medians', positiveInteger, 3)
    .option('--questions <file>', 'question set for the latency benchmark: a text file, one question per line (default: a built-in mixed set)')
    .option('--no-latency', 'skip the question-latency benchmark')
    .option('--startup', 'measure start-up instead: --help, one answer and the chat prompt, as whole processes against node -e 0')
    .option('--json', 'print the report as JSON')
    .action(async (opts: BenchOptions) => {
      if (opts.startup) {
        const { renderStartupBenchmark, runStartupBenchmark } = await import('../startup-bench.ts');
        const figures = runStartupBenchmark(opts.runs);
        ctx.out(opts.json ? JSON.stringify(figures, null, 2) : renderStartupBenchmark(figures, opts.runs));
        return;
      }
      const questions = opts.latency ? readQuestions(opts.questions) : null;
      const progress = stageProgress();
      let report: BenchmarkReport;
      try {
        report = runBenchmark({
          corpusDir: corpusDir(ctx, opts),
          scale: opts.scale,
          runs: opts.runs,
          maxFileBytes: ctx.config.MAX_FILE_BYTES,
          onProgress: progress.update,
          questions: questions ? { questions, answer: (index, q) => answerQuestion(index, q) } : null,
        });
      } finally {
        progress.done();
      }
      ctx.out(opts.json ? JSON.stringify(report, null, 2) : renderBenchmark(report));
    });
}

/** Questions from a file (one per line), or the built-in mixed set. */
function readQuestions(file: string | undefined): readonly string[] {
  if (!file) return MIXED_QUESTIONS;
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) throw new InvalidArgumentError(`no questions in ${file}`);
  return lines;
}

/**
 * The report as Markdown tables (they paste into a README as they are).
 * @example renderBenchmark(runBenchmark({ corpusDir: 'corpus' }))
 */
export function renderBenchmark(r: BenchmarkReport): string {
  const row = (name: string, t: Timing, extra = ''): string =>
    `| ${name} | ${ms(t.medianMs)} | ${ms(t.cpuMedianMs)} | ${t.runsMs.map(ms).join(' · ')}${extra} |`;
  const verdict = (met: boolean | null): string => (met === null ? 'not checked (< 100k passages)' : met ? 'met' : '**missed**');
  const lines = [
    `newsdesk bench — ${r.corpus}`,
    `scale ${r.scale} · ${r.runs} run${r.runs === 1 ? '' : 's'} (medians) · ${int(r.files)} files → ${int(r.articles)} articles, ${int(r.passages)} passages, ${int(r.skipped)} skipped, ${int(r.characters)} characters`,
    `${r.environment.node} · ${r.environment.cpu} × ${r.environment.cpus} · ${mb(r.environment.totalMemoryBytes)} RAM · ${r.environment.date.slice(0, 10)}`,
    '',
    '| measure | median (wall) | median (CPU) | runs (wall) |',
    '|---|---:|---:|---|',
    row('ingest (read, decode, parse, clean)', r.timings.ingest),
    row('index build (ours)', r.timings.index),
    row('ingest + index (full rebuild)', r.timings.ingestIndex),
    row('plain MiniSearch build, same passages', r.timings.plainBuild),
    row('snapshot save', r.timings.snapshotSave, ` (${mb(r.snapshotBytes)})`),
    row('snapshot load', r.timings.snapshotLoad),
    row('stories (group the articles)', r.timings.stories, ` (${int(r.stories)} stories)`),
    `| passages per second (rebuild, wall) | ${int(Math.round(r.passagesPerSecond))} | | |`,
    `| peak RSS, our pipeline | ${mb(r.memory.peakRssOursBytes)} | | |`,
    `| peak RSS, with the plain index too | ${mb(r.memory.peakRssBytes)} | | |`,
    '',
    '| ratio (median of per-run ratios) | CPU | wall | target | verdict (CPU) |',
    '|---|---:|---:|---:|---|',
    `| ingest+index / plain build | ${r.ratios.oursVsPlain.toFixed(2)} | ${r.ratios.wall.oursVsPlain.toFixed(2)} | ≤ ${r.targets.oursVsPlain.target} | ${verdict(r.targets.oursVsPlain.met)} |`,
    `| rebuild / snapshot load | ${r.ratios.rebuildVsLoad.toFixed(1)} | ${r.ratios.wall.rebuildVsLoad.toFixed(1)} | ≥ ${r.targets.rebuildVsLoad.target} | ${verdict(r.targets.rebuildVsLoad.met)} |`,
    `| stories / ingest+index | ${r.ratios.storiesVsIngestIndex.toFixed(2)} | ${r.ratios.wall.storiesVsIngestIndex.toFixed(2)} | ≤ ${r.targets.storiesVsIngestIndex.target} | ${verdict(r.targets.storiesVsIngestIndex.met)} |`,
    `| peak RSS at ${int(r.passages)} passages | ${mb(r.memory.peakRssOursBytes)} | | < ${mb(r.targets.memory.targetBytes)} | ${verdict(r.targets.memory.met)} |`,
  ];
  if (r.questions) {
    const q = r.questions;
    lines.push(
      '',
      `| ${q.questions} questions | p50 | p99 | max |`,
      '|---|---:|---:|---:|',
      `| answerQuestion (whole answer) | ${ms(q.answer.p50Ms)} | ${ms(q.answer.p99Ms)} | ${ms(q.answer.maxMs)} |`,
      `| plain MiniSearch search, same question | ${ms(q.plainSearch.p50Ms)} | ${ms(q.plainSearch.p99Ms)} | ${ms(q.plainSearch.maxMs)} |`,
      `| answer / plain search | ${q.ratio.p50.toFixed(2)} | ${q.ratio.p99.toFixed(2)} | |`,
      '',
      `p99 target < ${q.target.p99Ms} ms: ${q.target.met ? 'met' : '**missed**'} · no slower than the plain search: ${q.target.noSlowerThanPlain ? 'met' : '**missed**'}`,
    );
  }
  return lines.join('\n');
}

/** One line on a terminal's stderr saying which run and stage is going on; silent otherwise. */
function stageProgress(stream: NodeJS.WriteStream = process.stderr): { update: (stage: BenchmarkStage, run: number, runs: number) => void; done: () => void } {
  const enabled = Boolean(stream.isTTY);
  let drawn = false;
  return {
    update(stage, run, runs) {
      if (!enabled) return;
      drawn = true;
      stream.write(`\r\x1b[Kbench run ${run}/${runs}: ${stage}…`);
    },
    done() {
      if (enabled && drawn) stream.write('\r\x1b[K');
    },
  };
}

function ms(value: number): string {
  return value >= 100 ? `${int(Math.round(value))} ms` : `${value.toFixed(1)} ms`;
}

function int(value: number): string {
  return value.toLocaleString('en-US');
}

function mb(bytes: number): string {
  return `${int(Math.round(bytes / 2 ** 20))} MB`;
}
