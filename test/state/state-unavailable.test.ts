import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { silentLog } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'corpus');
const dataDir = makeTmp('newsdesk-badstate-');
afterAll(() => removeTmp(dataDir));
// A state file that is no SQLite database (a disk error, a bad restore).
fs.writeFileSync(path.join(dataDir, 'newsdesk.db'), Buffer.alloc(4096, 0x5a));
const index = openCorpus(CORPUS).index;

describe('a state database that cannot be opened', () => {
  it('stops the service with a message naming the file and the fix', () => {
    let error: unknown;
    try {
      Newsdesk.forIndex(index, loadConfig({ CORPUS_DIR: CORPUS, DATA_DIR: dataDir }), silentLog, true);
    } catch (err) {
      error = err;
    }
    expect(isNewsdeskError(error, 'STATE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toBe(
      `Could not open the state database ${path.join(dataDir, 'newsdesk.db')}: file is not a database. Make DATA_DIR (${dataDir}) a writable folder, or restore newsdesk.db there from a backup (newsdesk backup); to run without it (no daily briefings, no question log), set STATE_OPTIONAL=true.`,
    );
  });

  it('with STATE_OPTIONAL=true, runs without it and says so in /digest status', () => {
    const desk = Newsdesk.forIndex(index, loadConfig({ CORPUS_DIR: CORPUS, DATA_DIR: dataDir, STATE_OPTIONAL: 'true' }), silentLog, true);
    expect(desk.state).toBeNull();
    expect(desk.subscriptionStatus('slack', 'C1').message).toBe(
      'Daily briefings cannot be scheduled on this newsdesk: it has no state database (check DATA_DIR).',
    );
  });
});

describe('Newsdesk.firstDelivery', () => {
  it('recognises an event delivered again after a restart (the state database keeps it)', () => {
    const dir = makeTmp('newsdesk-seen-');
    try {
      const config = loadConfig({ CORPUS_DIR: CORPUS, DATA_DIR: dir });
      const first = Newsdesk.forIndex(index, config, silentLog, true);
      expect([first.firstDelivery('slack:Ev1'), first.firstDelivery('slack:Ev1'), first.firstDelivery('slack:Ev2')]).toEqual([true, false, true]);
      first.state!.close();
      const restarted = Newsdesk.forIndex(index, config, silentLog, true);
      expect(restarted.firstDelivery('slack:Ev1')).toBe(false);
      restarted.state!.close();
    } finally {
      removeTmp(dir);
    }
  });

  it('remembers in memory without a state database', () => {
    const desk = Newsdesk.forIndex(index, loadConfig({ CORPUS_DIR: CORPUS, DATA_DIR: dataDir }), silentLog, false);
    expect([desk.firstDelivery('slack:Ev9'), desk.firstDelivery('slack:Ev9')]).toEqual([true, false]);
  });
});
