import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { listCorpusFiles, parseArticleBytes, readFileBytes, readManifest } from '../ingest/corpus.ts';
import { CorpusIndex } from '../index/corpus-index.ts';
import { loadSnapshot, saveSnapshot } from '../index/snapshot.ts';
import { corpusStories } from '../stories/stories.ts';
import type { Article, SkippedFile } from '../types.ts';

/**
 * The ingestion and indexing benchmark behind `newsdesk bench`: in one process it times reading and
 * cleaning a corpus, building our passage index, saving and loading its snapshot, and building a plain
 * MiniSearch index (default options) over the same passages, so that ratios survive a noisy machine.
 * Returns plain data; printing is the CLI's job.
 */

/** A hook for timing question answering over the built index (the ask pipeline plugs in here). */
interface QuestionBenchmark {
  /** Questions to time, asked in order, once per run. */
  questions: readonly string[];
  /** Answers one question; whatever it returns is ignored. */
  answer: (index: CorpusIndex, question: string) => unknown;
}

/** Options of {@link runBenchmark}. */
export interface BenchmarkOptions {
  /** The corpus folder. */
  corpusDir: string;
  /** Replicate the corpus this many times in memory (ids prefixed `copyK/`). */
  scale?: number;
  /** Repeat every measurement this many times; medians are reported. */
  runs?: number;
  /** Files larger than this are skipped, as in ingestion. */
  maxFileBytes?: number;
  /** Folder for the snapshot written during the benchmark; a temporary folder (removed after) by default. */
  scratchDir?: string | null;
  /** Called when a stage starts: stage name, run number (1-based), runs. */
  onProgress?: (stage: BenchmarkStage, run: number, runs: number) => void;
  /** Optional question-latency section. */
  questions?: QuestionBenchmark | null;
}

/** The stages of one benchmark run, in order. */
export type BenchmarkStage = 'ingest' | 'index' | 'stories' | 'save' | 'load' | 'plain' | 'questions';

const DEFAULTS = {
  scale: 1,
  runs: 3,
  maxFileBytes: 20 * 1024 * 1024,
  scratchDir: null,
  onProgress: () => {},
  questions: null,
} as const satisfies Omit<Required<BenchmarkOptions>, 'corpusDir'>;

/**
 * One measured quantity, in milliseconds: wall-clock time, and the CPU time the process spent
 * (user + system, all threads), each as the median and every run's value. On a shared machine the
 * wall clock also counts time spent waiting for a core; CPU time does not.
 */
export interface Timing {
  medianMs: number;
  runsMs: number[];
  cpuMedianMs: number;
  cpuRunsMs: number[];
}

/**
 * Question latency, when {@link BenchmarkOptions.questions} is given: every question answered on our
 * index and searched on the plain MiniSearch index (default options) of the same run, after one
 * untimed warm-up pass and a garbage collection (so that the build stages' garbage is not collected
 * during the timed questions), then timed in three passes. Percentiles are over every timed answer.
 */
interface QuestionLatency {
  questions: number;
  answer: { p50Ms: number; p99Ms: number; maxMs: number };
  plainSearch: { p50Ms: number; p99Ms: number; maxMs: number };
  /** Answer over plain search, at p50 and p99: target ≤ 1 ("no slower than the plain search alone"). */
  ratio: { p50: number; p99: number };
  /** p99 targets: under 10 ms at 10k passages, under 100 ms at 100k. */
  target: { p99Ms: number; met: boolean; noSlowerThanPlain: boolean };
}

/** What `newsdesk bench --json` prints. */
export interface BenchmarkReport {
  corpus: string;
  scale: number;
  runs: number;
  /** Files in the corpus folder (before scaling). */
  files: number;
  /** Articles, passages and skipped files after scaling. */
  articles: number;
  passages: number;
  skipped: number;
  /** Characters of clean article text after scaling. */
  characters: number;
  timings: {
    /** Read, decode, parse and clean every file (×scale). */
    ingest: Timing;
    /** Build our index (passages + MiniSearch with news-English analysis). */
    index: Timing;
    /** Ingest and index: a full rebuild. */
    ingestIndex: Timing;
    /** Plain MiniSearch, default options, over the same passages. */
    plainBuild: Timing;
    snapshotSave: Timing;
    snapshotLoad: Timing;
    /** Grouping the articles into stories (features and clustering). */
    stories: Timing;
  };
  /** Stories found. */
  stories: number;
  snapshotBytes: number;
  /** Passages ingested and indexed per second (median rebuild). */
  passagesPerSecond: number;
  memory: {
    /** Highest `process.memoryUsage().rss` sampled during the runs. */
    peakRssBytes: number;
    /** Highest RSS sampled while only our pipeline held memory (before the plain index was built). */
    peakRssOursBytes: number;
    /** The operating system's peak resident set for the whole process (`resourceUsage().maxRSS`). */
    maxRssBytes: number;
  };
  /**
   * Median over runs of each run's ratio of CPU times (both sides measured in the same run); the
   * targets are judged on these. `wall` holds the same ratios of wall-clock times.
   */
  ratios: {
    /** Ingest+index over the plain MiniSearch build: target ≤ 1.3. */
    oursVsPlain: number;
    /** Rebuild (ingest+index) over snapshot load: target ≥ 5. */
    rebuildVsLoad: number;
    /** Story clustering over ingest+index: target ≤ 0.5 (clustering adds at most half). */
    storiesVsIngestIndex: number;
    wall: { oursVsPlain: number; rebuildVsLoad: number; storiesVsIngestIndex: number };
  };
  targets: {
    oursVsPlain: { target: number; met: boolean };
    rebuildVsLoad: { target: number; met: boolean };
    storiesVsIngestIndex: { target: number; met: boolean };
    /** Checked only at 100,000 passages or more (null below). */
    memory: { targetBytes: number; atPassages: number; met: boolean | null };
  };
  environment: {
    node: string;
    platform: string;
    arch: string;
    cpu: string;
    cpus: number;
    totalMemoryBytes: number;
    date: string;
  };
  /** Present when a question benchmark was given. */
  questions?: QuestionLatency;
}

/** The targets. */
export const BENCHMARK_TARGETS = {
  oursVsPlain: 1.3,
  rebuildVsLoad: 5,
  storiesVsIngestIndex: 0.5,
  memoryBytes: 1024 ** 3,
  memoryAtPassages: 100_000,
} as const;

/**
 * Runs the benchmark.
 * @param options - corpus folder, scale and runs (see {@link BenchmarkOptions})
 * @returns medians, ratios, memory and a verdict against the targets
 * @throws NewsdeskError CORPUS_NOT_FOUND when the folder is missing
 * @example const report = runBenchmark({ corpusDir: '../shared/corpora/bbc-2004-2005', scale: 10 })
 */
export function runBenchmark(options: BenchmarkOptions): BenchmarkReport {
  const opts = { ...DEFAULTS, ...options };
  const scale = positiveInteger(opts.scale, 'scale');
  const runs = positiveInteger(opts.runs, 'runs');
  const corpusDir = path.resolve(opts.corpusDir);
  const files = listCorpusFiles(corpusDir);
  const { manifest, problem } = readManifest(corpusDir);
  const scratch = opts.scratchDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-'));
  const snapshotFile = path.join(scratch, `bench-${process.pid}.json`);
  const memory = new RssSampler();
  const times: Record<TimingName, Measured[]> = { ingest: [], index: [], ingestIndex: [], plainBuild: [], snapshotSave: [], snapshotLoad: [], stories: [] };
  const questionTimes: number[] = [];
  const plainTimes: number[] = [];
  let counts = { articles: 0, passages: 0, skipped: 0, characters: 0 };
  let snapshotBytes = 0;
  let storyCount = 0;

  try {
    for (let run = 1; run <= runs; run++) {
      collectGarbage();
      memory.sample();

      opts.onProgress('ingest', run, runs);
      let stop = startClock();
      const { articles, skipped } = ingestScaled(files, manifest, scale, opts.maxFileBytes, memory);
      const ingest = stop();
      memory.sample();

      opts.onProgress('index', run, runs);
      stop = startClock();
      const index = new CorpusIndex();
      for (let i = 0; i < articles.length; i += SAMPLE_EVERY) {
        index.addArticles(articles.slice(i, i + SAMPLE_EVERY));
        memory.sample();
      }
      const built = stop();
      for (const s of problem ? [problem, ...skipped] : skipped) index.skipped.set(s.file, [...(index.skipped.get(s.file) ?? []), s]);
      times.ingest.push(ingest);
      times.index.push(built);
      times.ingestIndex.push({ wall: ingest.wall + built.wall, cpu: ingest.cpu + built.cpu });
      counts = {
        articles: index.articles.size,
        passages: index.passageCount,
        skipped: index.skippedFiles().length,
        characters: articles.reduce((n, a) => n + a.text.length, 0),
      };

      opts.onProgress('stories', run, runs);
      stop = startClock();
      storyCount = corpusStories(index).length;
      times.stories.push(stop());
      memory.sample();

      opts.onProgress('save', run, runs);
      stop = startClock();
      saveSnapshot(snapshotFile, corpusDir, index);
      times.snapshotSave.push(stop());
      snapshotBytes = fs.statSync(snapshotFile).size;
      memory.sample();

      // The plain index gets the same passages (text and headline) as documents.
      let docs: { key: number; text: string; title: string }[] | null = [...index.passages.values()].map((p) => ({
        key: p.key,
        text: p.text,
        title: index.articles.get(p.articleId)!.title,
      }));
      memory.markOursDone();
      collectGarbage();

      opts.onProgress('load', run, runs);
      stop = startClock();
      let loaded = loadSnapshot(snapshotFile);
      times.snapshotLoad.push(stop());
      if (!loaded || loaded.passageCount !== counts.passages) throw new Error('benchmark: the snapshot did not load back');
      loaded = null; // only its load time matters: let it go before the later stages
      memory.sample();

      opts.onProgress('plain', run, runs);
      collectGarbage();
      stop = startClock();
      const plain = new MiniSearch<{ key: number; text: string; title: string }>({ fields: ['text', 'title'], idField: 'key' });
      plain.addAll(docs);
      docs = null;
      times.plainBuild.push(stop());
      memory.sample();
      if (plain.documentCount !== counts.passages) throw new Error('benchmark: the plain index lost documents');

      if (opts.questions) {
        opts.onProgress('questions', run, runs);
        const { questions, answer } = opts.questions;
        // warm-up: each run builds a fresh index
        for (const q of questions) {
          answer(index, q);
          plain.search(q);
        }
        // Garbage left by the build stages would otherwise be collected during the timed questions.
        collectGarbage();
        for (let pass = 0; pass < QUESTION_PASSES; pass++) {
          for (const q of questions) {
            let t = performance.now();
            answer(index, q);
            questionTimes.push(performance.now() - t);
            t = performance.now();
            plain.search(q);
            plainTimes.push(performance.now() - t);
          }
        }
      }
    }
  } finally {
    fs.rmSync(snapshotFile, { force: true });
    if (!opts.scratchDir) fs.rmSync(scratch, { recursive: true, force: true });
  }

  const timings = {
    ingest: timing(times.ingest),
    index: timing(times.index),
    ingestIndex: timing(times.ingestIndex),
    plainBuild: timing(times.plainBuild),
    snapshotSave: timing(times.snapshotSave),
    snapshotLoad: timing(times.snapshotLoad),
    stories: timing(times.stories),
  };
  // Ratios pair the measurements of one run (taken seconds apart), then take the median over runs:
  // a slow spell on a shared machine then shifts both sides of a ratio instead of one.
  // A stage too quick for the clock's resolution counts as a microsecond, so ratios stay finite.
  const pairedRatio = (a: Measured[], b: Measured[], clock: 'wall' | 'cpu'): number =>
    roundRatio(median(a.map((m, i) => m[clock] / Math.max(b[i]![clock], 0.001))));
  const oursVsPlain = pairedRatio(times.ingestIndex, times.plainBuild, 'cpu');
  const rebuildVsLoad = pairedRatio(times.ingestIndex, times.snapshotLoad, 'cpu');
  const storiesVsIngestIndex = pairedRatio(times.stories, times.ingestIndex, 'cpu');
  const memoryChecked = counts.passages >= BENCHMARK_TARGETS.memoryAtPassages;
  const report: BenchmarkReport = {
    corpus: corpusDir,
    scale,
    runs,
    files: files.length,
    ...counts,
    timings,
    stories: storyCount,
    snapshotBytes,
    passagesPerSecond: Math.round(counts.passages / (timings.ingestIndex.medianMs / 1000)),
    memory: {
      peakRssBytes: memory.peak,
      peakRssOursBytes: memory.peakOurs,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    },
    ratios: {
      oursVsPlain,
      rebuildVsLoad,
      storiesVsIngestIndex,
      wall: {
        oursVsPlain: pairedRatio(times.ingestIndex, times.plainBuild, 'wall'),
        rebuildVsLoad: pairedRatio(times.ingestIndex, times.snapshotLoad, 'wall'),
        storiesVsIngestIndex: pairedRatio(times.stories, times.ingestIndex, 'wall'),
      },
    },
    targets: {
      oursVsPlain: { target: BENCHMARK_TARGETS.oursVsPlain, met: oursVsPlain <= BENCHMARK_TARGETS.oursVsPlain },
      rebuildVsLoad: { target: BENCHMARK_TARGETS.rebuildVsLoad, met: rebuildVsLoad >= BENCHMARK_TARGETS.rebuildVsLoad },
      storiesVsIngestIndex: { target: BENCHMARK_TARGETS.storiesVsIngestIndex, met: storiesVsIngestIndex <= BENCHMARK_TARGETS.storiesVsIngestIndex },
      memory: {
        targetBytes: BENCHMARK_TARGETS.memoryBytes,
        atPassages: BENCHMARK_TARGETS.memoryAtPassages,
        met: memoryChecked ? memory.peakOurs < BENCHMARK_TARGETS.memoryBytes : null,
      },
    },
    environment: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cpus: os.cpus().length,
      totalMemoryBytes: os.totalmem(),
      date: new Date().toISOString(),
    },
  };
  if (opts.questions) report.questions = questionLatency(opts.questions.questions.length, questionTimes, plainTimes, counts.passages);
  return report;
}

/** Timed passes over the question set per run, for enough samples to read a 99th percentile. */
const QUESTION_PASSES = 3;

/** Articles between two RSS samples while ingesting and indexing. */
const SAMPLE_EVERY = 500;

/**
 * Reads every file once, then decodes, parses and cleans it `scale` times under distinct ids
 * (`copy0/…`, `copy1/…` when scale > 1): the corpus replicated in memory.
 */
function ingestScaled(
  files: ReturnType<typeof listCorpusFiles>,
  manifest: ReturnType<typeof readManifest>['manifest'],
  scale: number,
  maxFileBytes: number,
  memory: RssSampler,
): { articles: Article[]; skipped: SkippedFile[] } {
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  const contents = files.map((f) => readFileBytes(f, maxFileBytes));
  for (let k = 0; k < scale; k++) {
    const prefix = scale > 1 ? `copy${k}/` : '';
    contents.forEach((bytes, i) => {
      const file = files[i]!;
      if (!(bytes instanceof Uint8Array)) {
        skipped.push({ ...bytes, file: prefix + bytes.file });
        return;
      }
      const result = parseArticleBytes(prefix + file.id, bytes, manifest[file.id] ?? {});
      for (const a of result.articles) articles.push(a);
      for (const s of result.skipped) skipped.push(s);
      if (i % SAMPLE_EVERY === 0) memory.sample();
    });
  }
  return { articles, skipped };
}

/** Keeps the highest resident set size seen. */
class RssSampler {
  peak = 0;
  peakOurs = 0;
  private oursDone = false;

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    if (!this.oursDone && rss > this.peakOurs) this.peakOurs = rss;
  }

  /** Samples stop counting towards our pipeline's peak until the next run starts. */
  markOursDone(): void {
    this.sample();
    this.oursDone = true;
  }
}

type TimingName = 'ingest' | 'index' | 'ingestIndex' | 'plainBuild' | 'snapshotSave' | 'snapshotLoad' | 'stories';

/** Wall-clock and process CPU milliseconds of one measurement. */
interface Measured {
  wall: number;
  cpu: number;
}

/** Starts both clocks; the returned function stops them. */
function startClock(): () => Measured {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

function timing(values: readonly Measured[]): Timing {
  const wall = values.map((v) => v.wall);
  const cpu = values.map((v) => v.cpu);
  return { medianMs: round(median(wall)), runsMs: wall.map(round), cpuMedianMs: round(median(cpu)), cpuRunsMs: cpu.map(round) };
}

function questionLatency(questions: number, answer: readonly number[], plain: readonly number[], passages: number): QuestionLatency {
  const stats = (values: readonly number[]): { p50Ms: number; p99Ms: number; maxMs: number } => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
    return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1) ?? 0) };
  };
  const a = stats(answer);
  const p = stats(plain);
  const ratio = { p50: roundRatio(a.p50Ms / Math.max(p.p50Ms, 0.001)), p99: roundRatio(a.p99Ms / Math.max(p.p99Ms, 0.001)) };
  const p99Target = passages >= BENCHMARK_TARGETS.memoryAtPassages ? 100 : 10;
  return {
    questions,
    answer: a,
    plainSearch: p,
    ratio,
    target: { p99Ms: p99Target, met: a.p99Ms < p99Target, noSlowerThanPlain: ratio.p50 <= 1 && ratio.p99 <= 1 },
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function roundRatio(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`benchmark ${name} must be a positive integer, got ${value}`);
  return value;
}

/** Runs V8's garbage collector between stages (never inside a timed section), when it can be reached. */
function collectGarbage(): void {
  gc ??= exposeGc();
  gc?.();
}

let gc: (() => void) | null | undefined;

function exposeGc(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}
