import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildProgram, type CliContext } from '../../adapters/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { silentLog } from '../../src/log.ts';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';
import { articlePage, readStory, serve, startSite, storyPath, type TestSite } from './site.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const story = readStory(3);

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
  site.routes.set(
    '/news/story',
    serve('text/html', articlePage({ story, site: 'The Morning Ledger', meta: { 'og:site_name': 'The Morning Ledger' }, time: '2015-11-14T15:00:00Z' })),
  );
});
afterAll(() => site.close());

describe('newsdesk ingest', () => {
  let root: string;
  let lines: string[];
  let ctx: CliContext;
  beforeEach(() => {
    root = makeTmp();
    lines = [];
    ctx = {
      config: loadConfig({ DATA_DIR: path.join(root, 'data'), CORPUS_DIR: path.join(root, 'corpus'), FETCH_ALLOW_PRIVATE: 'true' }),
      log: silentLog,
      out: (t) => lines.push(t),
    };
  });
  afterEach(() => removeTmp(root));

  it('prints a JSON report of what was added, present and failed', async () => {
    await (await buildProgram(ctx)).parseAsync(['node', 'newsdesk', 'ingest', `${site.base}/news/story`, storyPath(1), '--json']);
    const report = JSON.parse(lines.join('\n'));
    const host = new URL(site.base).host.replace(':', '_');
    expect(report).toEqual({
      corpus: path.join(root, 'corpus'),
      status: 'updated',
      added: [
        {
          source: `${site.base}/news/story`,
          file: `${host}-paris-terror-attack-everything-we-know-on-saturday-afternoon.md`,
          articles: [`${host}-paris-terror-attack-everything-we-know-on-saturday-afternoon.md`],
        },
        { source: storyPath(1), file: 'ParisAttacks2015 (1).txt', articles: ['ParisAttacks2015 (1).txt'] },
      ],
      present: [],
      failed: [],
      articles: 2,
      passages: expect.any(Number),
    });
  });

  it('prints each failure with its reason and fails with a NewsdeskError after ingesting the rest', async () => {
    let error: unknown;
    try {
      await (await buildProgram(ctx)).parseAsync(['node', 'newsdesk', 'ingest', `${site.base}/gone`, storyPath(2), '--corpus', path.join(root, 'other')]);
    } catch (err) {
      error = err;
    }
    expect(isNewsdeskError(error, 'INPUT_INVALID')).toBe(true);
    expect(lines.join('\n').split('\n')).toEqual([
      `added    ParisAttacks2015 (2).txt  (from ${storyPath(2)})`,
      `failed   ${site.base}/gone: HTTP 404 Not Found`,
      expect.stringMatching(/^1 added, 0 already present, 1 failed; the index has 1 articles, \d+ passages\.$/),
    ]);
  });

  it('runs from the command line and exits 1 when a source failed', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'adapters', 'cli', 'bin.mjs'), 'ingest', storyPath(4), path.join(root, 'missing.txt'), '--corpus', path.join(root, 'c')],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', DATA_DIR: path.join(root, 'data'), LOG_LEVEL: 'silent' },
          timeout: 30_000,
        },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('added    ParisAttacks2015 (4).txt');
    expect(run.stdout).toContain(`failed   ${path.join(root, 'missing.txt')}: not found (ENOENT)`);
    expect(run.stderr).toBe('newsdesk: 1 of the sources could not be ingested (see above)\n');
  });
});
