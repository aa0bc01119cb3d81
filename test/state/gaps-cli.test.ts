import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram, type CliContext } from '../../adapters/cli/main.ts';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config.ts';
import { silentLog } from '../../src/log.ts';
import { State } from '../../src/state/state.ts';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';

const dataDir = makeTmp('newsdesk-gaps-');
afterAll(() => removeTmp(dataDir));

/** Runs a newsdesk command in-process and returns what it printed. */
async function run(args: string[]): Promise<string> {
  const lines: string[] = [];
  const ctx: CliContext = { config: loadConfig({ DATA_DIR: dataDir }), log: silentLog, out: (t) => lines.push(t) };
  await (await buildProgram(ctx)).parseAsync(['node', 'newsdesk', ...args]);
  return lines.join('\n');
}

describe('newsdesk gaps', () => {
  it('refuses a --limit that is not a positive whole number, naming the value', async () => {
    for (const bad of ['abc', '0', '-3', '1.5']) {
      await expect(run(['gaps', '--limit', bad])).rejects.toThrow(`option '--limit <n>' argument '${bad}' is invalid. must be a positive integer`);
    }
  });

  it('says so when nothing went unanswered', async () => {
    expect(await run(['gaps'])).toBe('No unanswered questions logged: every question asked so far found an answer (or none was asked yet).');
  });

  it('lists the unanswered questions of the log, most asked first, as text and JSON', async () => {
    const state = State.open(dataDir);
    state.questions.record('who won the Premier League?', 'not_found', null, new Date('2026-11-23T07:00:00Z'));
    state.questions.record('who requested the call?', 'answered', 'Russia', new Date('2026-11-23T07:01:00Z'));
    state.questions.record('what is the weather in Kyiv?', 'not_found', null, new Date('2026-11-23T07:02:00Z'));
    state.questions.record('who won the premier league', 'not_found', null, new Date('2026-11-23T07:03:00Z'));
    state.close();
    expect(await run(['gaps'])).toBe(
      [
        '2 questions the coverage could not answer (most asked first):',
        '   2 × who won the premier league  (last 2026-11-23T07:03:00.000Z)',
        '   1 × what is the weather in Kyiv?  (last 2026-11-23T07:02:00.000Z)',
      ].join('\n'),
    );
    expect(JSON.parse(await run(['gaps', '--json', '--limit', '1']))).toEqual([
      { question: 'who won the premier league', count: 2, lastAsked: '2026-11-23T07:03:00.000Z' },
    ]);
  });

  it('documents its options in --help', async () => {
    const ctx: CliContext = { config: loadConfig({ DATA_DIR: dataDir }), log: silentLog, out: () => {} };
    const help = (await buildProgram(ctx)).commands.find((c) => c.name() === 'gaps')!.helpInformation();
    expect(help).toContain('--json');
    expect(help).toContain('--limit <n>');
  });
});

describe('newsdesk backup', () => {
  it('writes a consistent copy of the state database that opens with its rows', async () => {
    const file = path.join(dataDir, 'backups', 'copy.db');
    expect(await run(['backup', file])).toBe(`State database backed up to ${file}`);
    const copy = new Database(file, { readonly: true });
    expect((copy.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n).toBe(4);
    expect((copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(8);
    copy.close();
  });
});
