import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyCorpus, makeTmp, removeTmp } from '../ingest/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = path.join(ROOT, 'corpus');
const NEW_ARTICLE = 'Grid operator restores power\n\nThe regional grid operator restored power to 40,000 homes on Monday after a storm.\n';

describe('newsdesk start --corpus DIR', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) removeTmp(d);
  });

  it('watches DIR, not CORPUS_DIR: a file added to DIR while it runs becomes a source', async () => {
    const root = makeTmp();
    dirs.push(root);
    const chosen = path.join(root, 'chosen');
    const configured = path.join(root, 'configured');
    copyCorpus(CORPUS, chosen);
    copyCorpus(CORPUS, configured);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: root, CORPUS_DIR: configured, DATA_DIR: path.join(root, 'data'), LOG_LEVEL: 'silent' };
    const child = spawn(process.execPath, [path.join(ROOT, 'adapters', 'cli', 'bin.mjs'), 'start', '--corpus', chosen], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      // The first answer to /sources says the chat is up; then the new file is written.
      await until(
        () => out.includes('5 sources'),
        () => child.stdin.write('/sources\n'),
      );
      fs.writeFileSync(path.join(chosen, 'grid.txt'), NEW_ARTICLE);
      const seen = await until(
        () => out.includes('id: grid.txt'),
        () => child.stdin.write('/sources\n'),
      );
      expect(seen).toBe(true);
    } finally {
      child.stdin.end();
      await exited;
    }
  }, 120_000);
});

/** Polls `done`, calling `poke` between checks, for up to 100 s (a ceiling for slow machines, not a budget). */
async function until(done: () => boolean, poke: () => void): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    poke();
    await new Promise((r) => setTimeout(r, 500));
    if (done()) return true;
  }
  return false;
}
