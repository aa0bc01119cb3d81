import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, type CliContext } from '../../adapters/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLog } from '../../src/log.ts';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'adapters', 'cli', 'bin.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the newsdesk command in the repository, with its own data folder and a clean environment. */
function newsdesk(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CORPUS_DIR|DATA_DIR|LOG_LEVEL|MAX_FILE_BYTES|DISCORD_|SLACK_)/.test(k)));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...clean, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dataDir: string;
const runs = new Map<string, Run>();

beforeAll(async () => {
  dataDir = makeTmp();
  // The index is built once; the other commands then load it in parallel.
  runs.set('sources --json', await newsdesk(['sources', '--json', '--corpus', 'corpus']));
  const jobs: [string, string[], Record<string, string>?][] = [
    ['source weku', ['source', 'weku']],
    ['source unknown', ['source', 'zzzz-nothing-like-it']],
    ['source ambiguous', ['source', 'biden', 'putin']],
    ['loud', ['sources'], { LOG_LEVEL: 'loud' }],
    ['stories --json', ['stories', '--json']],
    ['story biden call', ['story', 'biden', 'call']],
    ['story unknown', ['story', 'zzzz']],
  ];
  const done = await Promise.all(jobs.map(([, args, env]) => newsdesk(args, env)));
  jobs.forEach(([name], i) => runs.set(name, done[i]!));
}, 120_000);

afterAll(() => removeTmp(dataDir));

describe('newsdesk sources --json', () => {
  it('prints the { sources, skipped } contract for the default corpus, exactly', () => {
    const run = runs.get('sources --json')!;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      sources: [
        {
          id: '000_7c4e71be4a13ea11.txt',
          title: 'WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to “defuse…',
          outlet: null,
          byline: null,
          published: '2021-12-31',
          url: null,
          passages: 18,
        },
        {
          id: '001_ae44a968ee4ee127.txt',
          title: 'White House: Biden Calls For De-Escalation On Call With Putin',
          outlet: 'The Epoch Times',
          byline: 'NTD Newsroom',
          published: '2021-12-30',
          url: null,
          passages: 15,
        },
        {
          id: '002_34bd12b4df784525.txt',
          title: 'US would respond “decisively” if Russia invades Ukraine, warns Biden Putin',
          outlet: null,
          byline: null,
          published: null,
          url: null,
          passages: 18,
        },
        {
          id: '003_aa27b1c8d01db12e.txt',
          title: 'Biden and Putin warn of breach if no resolution reached on Ukraine tension',
          outlet: null,
          byline: null,
          published: '2021-12-30',
          url: null,
          passages: 25,
        },
        {
          id: '004_0ab6f7e65bf4a959.txt',
          title: 'Biden again calls on Putin to de-escalate tensions along Ukraine border',
          outlet: 'WEKU',
          byline: 'Franco Ordoñez',
          published: '2021-12-31',
          url: null,
          passages: 25,
        },
      ],
      skipped: [],
    });
  });

  it('keeps the key order of the contract', () => {
    const parsed = JSON.parse(runs.get('sources --json')!.stdout);
    expect(Object.keys(parsed)).toEqual(['sources', 'skipped']);
    expect(Object.keys(parsed.sources[0])).toEqual(['id', 'title', 'outlet', 'byline', 'published', 'url', 'passages']);
  });

  it('builds the index snapshot under DATA_DIR from the environment', () => {
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.v8'))).toHaveLength(1);
  });
});

describe('newsdesk source', () => {
  it('shows one article found by its outlet, with lead and key passages', () => {
    const run = runs.get('source weku')!;
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'Biden again calls on Putin to de-escalate tensions along Ukraine border',
      'WEKU · By Franco Ordoñez · 2021-12-31',
      'id: 004_0ab6f7e65bf4a959.txt · 25 passages',
    ]);
    expect(run.stdout).toContain('President Biden on Thursday afternoon again warned Russian President Vladimir Putin');
  });

  it('exits 1 and says so when nothing matches', () => {
    const run = runs.get('source unknown')!;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('No source matches “zzzz-nothing-like-it”.\n');
  });

  it('exits 1 and lists the close matches when several sources fit', () => {
    const run = runs.get('source ambiguous')!;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^“biden putin” matches several sources\. Which one\? Ask again with its id:\n/);
    expect(run.stdout).toContain('  - 004_0ab6f7e65bf4a959.txt: Biden again calls on Putin to de-escalate tensions along Ukraine border (WEKU)');
  });
});

describe('configuration and errors', () => {
  it('exits 2 on a bad LOG_LEVEL, naming the variable', () => {
    const run = runs.get('loud')!;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^newsdesk: Invalid configuration — LOG_LEVEL: /);
    expect(run.stdout).toBe('');
  });
});

describe('--help', () => {
  it('exists on every subcommand, with a description and a usage line naming it', async () => {
    const ctx: CliContext = { config: loadConfig({ DATA_DIR: dataDir }), log: silentLog, out: () => {} };
    const program = await buildProgram(ctx);
    const names = program.commands.map((c) => c.name());
    expect(names).toEqual(expect.arrayContaining(['index', 'sources', 'source', 'bench']));
    for (const command of program.commands) {
      expect(command.description(), command.name()).not.toBe('');
      expect(command.helpInformation(), command.name()).toMatch(new RegExp(`^Usage: newsdesk ${command.name()} `));
      expect(command.helpInformation(), command.name()).toContain('-h, --help');
    }
  });
});

describe('newsdesk stories and story', () => {
  const ARTICLES = ['000_7c4e71be4a13ea11.txt', '001_ae44a968ee4ee127.txt', '002_34bd12b4df784525.txt', '003_aa27b1c8d01db12e.txt', '004_0ab6f7e65bf4a959.txt'];

  it('prints the { stories } contract: the default corpus is one story', () => {
    const run = runs.get('stories --json')!;
    expect(run.code).toBe(0);
    const { stories } = JSON.parse(run.stdout);
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story).toEqual({
      id: 'st-88718dcb',
      title: 'Biden and Putin warn of breach if no resolution reached on Ukraine tension',
      articles: ARTICLES,
      outlets: ['The Epoch Times', 'WEKU'],
      firstSeen: story.firstSeen,
      lastSeen: story.lastSeen,
      terms: ['Biden', 'Ukraine', 'Russia', 'Putin', 'Russian', 'call'],
    });
    // First seen by this data folder, when the index was first built.
    expect(story.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(story.lastSeen >= story.firstSeen).toBe(true);
  });

  it('shows one story found by headline words, with its articles', () => {
    const run = runs.get('story biden call')!;
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Biden and Putin warn of breach if no resolution reached on Ukraine tension',
      expect.stringMatching(/^5 articles · 2 outlets · last update \d{4}-\d{2}-\d{2} · id st-88718dcb$/),
      'outlets: The Epoch Times, WEKU',
      'key terms: Biden, Ukraine, Russia, Putin, Russian, call',
    ]);
    expect(run.stdout).toContain('  - Biden again calls on Putin to de-escalate tensions along Ukraine border (004_0ab6f7e65bf4a959.txt)');
  });

  it('says so and exits 1 when no story matches', () => {
    const run = runs.get('story unknown')!;
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe('No story matches "zzzz". Try newsdesk stories for the list.');
  });
});
