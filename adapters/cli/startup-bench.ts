import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './project-root.ts';

/**
 * The start-up benchmark (`newsdesk bench --startup`): how long the commands a newcomer types take
 * from launch to exit, as whole processes, side by side with a bare `node -e 0` measured in the same
 * run (the floor, and what makes the figures comparable on a busy machine). Each child reports its own
 * CPU time and peak memory as it exits (process.resourceUsage), so no external timing tool is needed.
 */

/** One command's figures: medians over the runs. */
export interface StartupFigure {
  command: string;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  /** Wall time over the `node -e 0` floor's. */
  vsFloor: number;
}

/** Printed by each child on exit: its CPU time and peak memory. */
const REPORT_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\n@startup "+(u.userCPUTime+u.systemCPUTime)+" "+u.maxRSS+"\\n")})`;

/**
 * Measures the start-up of `--help`, a one-off answer (index snapshot already saved) and the chat
 * reaching its prompt and leaving, against `node -e 0`, `runs` times each.
 * @example runStartupBenchmark(5)[1] // { command: 'newsdesk --help', wallMs: 130, … }
 */
export function runStartupBenchmark(runs: number, env: NodeJS.ProcessEnv = process.env): StartupFigure[] {
  const bin = path.join(projectRoot(), 'adapters', 'cli', 'bin.mjs');
  const cases: { command: string; args: string[]; input?: string }[] = [
    { command: 'node -e 0', args: ['-e', '0'] },
    { command: 'newsdesk --help', args: [bin, '--help'] },
    { command: 'newsdesk ask "who requested the call?"', args: [bin, 'ask', 'who requested the call?'] },
    { command: 'newsdesk start (what npm start runs: to the chat prompt, then /quit)', args: [bin, 'start'], input: '/quit\n' },
  ];
  // The answer is timed with its snapshot saved, as a returning user has it.
  spawnSync(process.execPath, [bin, 'index'], { env, stdio: 'ignore' });
  const samples = cases.map(() => [] as { wall: number; cpu: number; rss: number }[]);
  for (let r = 0; r < runs; r++) {
    cases.forEach((c, i) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--import', REPORT_HOOK, ...c.args], { env, input: c.input ?? '', encoding: 'utf8' });
      const wall = performance.now() - started;
      const m = /@startup (\d+) (\d+)/.exec(run.stderr ?? '');
      samples[i]!.push({ wall, cpu: m ? Number(m[1]) / 1000 : Number.NaN, rss: m ? Number(m[2]) / 1024 : Number.NaN });
    });
  }
  const floor = median(samples[0]!.map((s) => s.wall));
  return cases.map((c, i) => {
    const wallMs = median(samples[i]!.map((s) => s.wall));
    return {
      command: c.command,
      wallMs,
      cpuMs: median(samples[i]!.map((s) => s.cpu)),
      maxRssMb: median(samples[i]!.map((s) => s.rss)),
      vsFloor: wallMs / floor,
    };
  });
}

/** The figures as a Markdown table. */
export function renderStartupBenchmark(figures: readonly StartupFigure[], runs: number): string {
  const lines = [
    `Start-up, medians of ${runs} runs, each a whole process:`,
    '',
    '| command | wall | CPU | peak RSS | wall / node -e 0 |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const f of figures)
    lines.push(`| \`${f.command}\` | ${f.wallMs.toFixed(0)} ms | ${f.cpuMs.toFixed(0)} ms | ${f.maxRssMb.toFixed(0)} MB | ${f.vsFloor.toFixed(1)}× |`);
  return lines.join('\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
