import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'adapters', 'cli', 'bin.mjs');
const dataDir = makeTmp('newsdesk-digest-cli-');
afterAll(() => removeTmp(dataDir));

/** Runs the newsdesk command with its own data folder and a clean environment. */
function newsdesk(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CORPUS_DIR|DATA_DIR|LOG_LEVEL|DIGEST_|DISCORD_|SLACK_)/.test(k)));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...clean, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe.concurrent('newsdesk digest', { timeout: 30_000 }, () => {
  it('prints the JSON contract with --json', async () => {
    const run = await newsdesk(['digest', '--json', '--since', '2000-01-01']);
    expect(run.code).toBe(0);
    const digest = JSON.parse(run.stdout);
    expect(Object.keys(digest)).toEqual(['headline', 'points', 'new', 'disagreements']);
    expect(digest.headline).toBe('Biden again calls on Putin to de-escalate tensions along Ukraine border');
    expect(Object.keys(digest.points[0])).toEqual(['text', 'citations']);
    expect(Object.keys(digest.points[0].citations[0])).toEqual(['n', 'source', 'outlet', 'title', 'date', 'url', 'quote', 'start', 'end']);
    // First run on a fresh data folder: every article was first seen just now.
    expect(digest.new.map((a: { source: string }) => a.source)).toHaveLength(5);
    expect(Object.keys(digest.new[0])).toEqual(['source', 'title', 'outlet', 'firstSeen', 'facts']);
    expect(digest.disagreements[0].topic).toBe('number of troops');
  });

  it('prints the terminal briefing without --json', async () => {
    const run = await newsdesk(['digest', '--corpus', path.join(ROOT, 'corpus')]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('Daily briefing: Biden again calls on Putin to de-escalate tensions along Ukraine border\n\nKey points\n1. ')).toBe(true);
    expect(run.stdout).toContain('Where outlets differ');
  });

  it('refuses a --since that is not a date', async () => {
    const run = await newsdesk(['digest', '--since', 'last tuesday']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--since must be an ISO date');
  });

  it('documents its options in --help', async () => {
    const run = await newsdesk(['digest', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--corpus <dir>', '--since <date>', '--json']) expect(run.stdout).toContain(option);
  });
});
