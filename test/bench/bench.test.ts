import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBenchmark } from '../../adapters/cli/commands/bench-command.ts';
import { BENCHMARK_TARGETS, runBenchmark, type BenchmarkReport } from '../../src/tools/bench.ts';
import type { CorpusIndex } from '../../src/index/corpus-index.ts';
import { DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';

describe('runBenchmark on corpus/ at scale 2, one run', () => {
  let scratch: string;
  let report: BenchmarkReport;
  const stages: string[] = [];
  const seen: { question: string; articles: string[] }[] = [];

  beforeAll(() => {
    scratch = makeTmp();
    report = runBenchmark({
      corpusDir: DEFAULT_CORPUS,
      scale: 2,
      runs: 1,
      scratchDir: scratch,
      onProgress: (stage, run, runs) => stages.push(`${stage} ${run}/${runs}`),
      questions: {
        questions: ['who requested the call?', 'how long was it?'],
        answer: (index: CorpusIndex, question: string) => seen.push({ question, articles: [...index.articles.keys()].sort() }),
      },
    });
  }, 60_000);

  afterAll(() => removeTmp(scratch));

  it('counts the replicated corpus exactly: 5 files, 10 articles, 2 × 101 passages, 3 stories (each copy of a text carries its own rare words: known limit)', () => {
    expect(report).toMatchObject({ corpus: DEFAULT_CORPUS, scale: 2, runs: 1, files: 5, articles: 10, passages: 202, skipped: 0, stories: 3 });
    const oneCopy = fs.readdirSync(DEFAULT_CORPUS).length;
    expect(oneCopy).toBe(5);
  });

  it('gives the copies distinct ids (copy0/…, copy1/…)', () => {
    expect(seen[0]!.articles).toHaveLength(10);
    expect(seen[0]!.articles.slice(0, 2)).toEqual(['copy0/000_7c4e71be4a13ea11.txt', 'copy0/001_ae44a968ee4ee127.txt']);
    expect(seen[0]!.articles.at(-1)).toBe('copy1/004_0ab6f7e65bf4a959.txt');
  });

  it('counts the characters of the clean text of both copies', () => {
    expect(report.characters % 2).toBe(0);
    expect(report.characters).toBeGreaterThan(2 * 20_000);
  });

  it('reports one wall and one CPU value per run for each timing, the median among them, and ingest + index as their sum', () => {
    for (const [name, t] of Object.entries(report.timings)) {
      expect(t.runsMs, name).toHaveLength(1);
      expect(t.cpuRunsMs, name).toHaveLength(1);
      expect(t.medianMs, name).toBe(t.runsMs[0]);
      expect(t.cpuMedianMs, name).toBe(t.cpuRunsMs[0]);
      expect(t.medianMs, name).toBeGreaterThan(0);
      expect(t.cpuMedianMs, name).toBeGreaterThanOrEqual(0);
    }
    const { ingest, index, ingestIndex } = report.timings;
    expect(Math.abs(ingestIndex.medianMs - (ingest.medianMs + index.medianMs))).toBeLessThanOrEqual(0.11);
    expect(Math.abs(ingestIndex.cpuMedianMs - (ingest.cpuMedianMs + index.cpuMedianMs))).toBeLessThanOrEqual(0.11);
  });

  it('computes positive, finite ratios (CPU and wall) and passages per second from the same runs', () => {
    const { oursVsPlain, rebuildVsLoad, wall } = report.ratios;
    for (const ratio of [oursVsPlain, rebuildVsLoad, wall.oursVsPlain, wall.rebuildVsLoad]) {
      expect(Number.isFinite(ratio)).toBe(true);
      expect(ratio).toBeGreaterThan(0);
    }
    // The report's ratios come from unrounded times; runsMs are rounded for display, so allow 10%.
    const near = (actual: number, expected: number): number => Math.abs(actual - expected) / expected;
    expect(near(wall.oursVsPlain, report.timings.ingestIndex.runsMs[0]! / report.timings.plainBuild.runsMs[0]!)).toBeLessThan(0.1);
    expect(near(wall.rebuildVsLoad, report.timings.ingestIndex.runsMs[0]! / report.timings.snapshotLoad.runsMs[0]!)).toBeLessThan(0.1);
    expect(report.passagesPerSecond).toBe(Math.round(202 / (report.timings.ingestIndex.medianMs / 1000)));
  });

  it('measures the snapshot it wrote, then removes it from the scratch folder', () => {
    expect(report.snapshotBytes).toBeGreaterThan(10_000);
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  it('samples memory: our peak within the overall peak, within the process maximum', () => {
    const { peakRssBytes, peakRssOursBytes, maxRssBytes } = report.memory;
    expect(peakRssOursBytes).toBeGreaterThan(0);
    expect(peakRssOursBytes).toBeLessThanOrEqual(peakRssBytes);
    expect(peakRssBytes).toBeLessThanOrEqual(maxRssBytes);
  });

  it('judges the targets, leaving the memory target unchecked below 100k passages', () => {
    expect(report.targets).toEqual({
      oursVsPlain: { target: 1.3, met: report.ratios.oursVsPlain <= 1.3 },
      rebuildVsLoad: { target: 5, met: report.ratios.rebuildVsLoad >= 5 },
      storiesVsIngestIndex: { target: 0.5, met: report.ratios.storiesVsIngestIndex <= 0.5 },
      memory: { targetBytes: BENCHMARK_TARGETS.memoryBytes, atPassages: 100_000, met: null },
    });
  });

  it('reports each stage of the run, in order', () => {
    expect(stages).toEqual(['ingest 1/1', 'index 1/1', 'stories 1/1', 'save 1/1', 'load 1/1', 'plain 1/1', 'questions 1/1']);
  });

  it('warms up once, then times every question three times on our index and on the plain index', () => {
    // One warm-up pass, then three timed passes.
    expect(seen.map((s) => s.question)).toEqual(Array.from({ length: 4 }, () => ['who requested the call?', 'how long was it?']).flat());
    const q = report.questions!;
    expect(q.questions).toBe(2);
    expect(q.answer.maxMs).toBeGreaterThanOrEqual(q.answer.p50Ms);
    expect(q.answer.p99Ms).toBeLessThanOrEqual(q.answer.maxMs);
    expect(q.plainSearch.p99Ms).toBeLessThanOrEqual(q.plainSearch.maxMs);
    expect(q.target.p99Ms).toBe(10);
    expect(q.target.met).toBe(q.answer.p99Ms < 10);
    expect(q.target.noSlowerThanPlain).toBe(q.ratio.p50 <= 1 && q.ratio.p99 <= 1);
  });

  it('describes the machine', () => {
    expect(report.environment.node).toBe(process.version);
    expect(report.environment.cpus).toBeGreaterThan(0);
    expect(Date.parse(report.environment.date)).not.toBeNaN();
  });

  it('renders as Markdown tables with every measure and ratio', () => {
    const text = renderBenchmark(report);
    expect(text).toContain('scale 2 · 1 run (medians) · 5 files → 10 articles, 202 passages, 0 skipped');
    expect(text).toContain('| measure | median (wall) | median (CPU) | runs (wall) |');
    for (const label of [
      'ingest (read, decode, parse, clean)',
      'index build (ours)',
      'plain MiniSearch build, same passages',
      'snapshot save',
      'snapshot load',
      'passages per second',
      'peak RSS, our pipeline',
    ]) {
      expect(text).toContain(`| ${label}`);
    }
    expect(text).toContain('| ingest+index / plain build |');
    expect(text).toContain('not checked (< 100k passages)');
    expect(text).toContain('| 2 questions | p50 | p99 | max |');
    expect(text).toContain('| answerQuestion (whole answer) |');
    expect(text).toContain('| plain MiniSearch search, same question |');
  });
});

describe('runBenchmark options', () => {
  it('refuses a scale or run count that is not a positive integer', () => {
    expect(() => runBenchmark({ corpusDir: DEFAULT_CORPUS, scale: 0 })).toThrow(/scale must be a positive integer/);
    expect(() => runBenchmark({ corpusDir: DEFAULT_CORPUS, runs: 1.5 })).toThrow(/runs must be a positive integer/);
  });

  it('throws CORPUS_NOT_FOUND for a missing folder', () => {
    expect(() => runBenchmark({ corpusDir: '/no/such/corpus' })).toThrow(/Corpus folder not found/);
  });
});

describe('runStartupBenchmark', () => {
  it('times each start-up command as a whole process, beside node -e 0', async () => {
    const { runStartupBenchmark } = await import('../../adapters/cli/startup-bench.ts');
    const figures = runStartupBenchmark(1);
    expect(figures.map((f) => f.command)).toEqual([
      'node -e 0',
      'newsdesk --help',
      'newsdesk ask "who requested the call?"',
      'newsdesk start (what npm start runs: to the chat prompt, then /quit)',
    ]);
    expect(figures[0]!.vsFloor).toBe(1);
    for (const f of figures)
      expect(
        [f.wallMs, f.cpuMs, f.maxRssMb].every((x) => Number.isFinite(x) && x > 0),
        f.command,
      ).toBe(true);
  }, 120_000);
});
