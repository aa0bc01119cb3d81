import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectWithRetries } from '../adapters/connect-retries.ts';
import { freePort } from './free-port.ts';
import { startNewsdesk } from '../adapters/start.ts';
import { loadConfig } from '../src/config.ts';
import { isNewsdeskError } from '../src/errors.ts';
import pino from 'pino';
import type { Log } from '../src/log.ts';
import { Newsdesk } from '../src/app/newsdesk.ts';
import { openCorpus } from '../src/index/open-corpus.ts';
import { silentLog } from '../src/log.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', 'corpus');

/** A logger that keeps its lines. */
function createCaptureLog(): { log: Log; lines: { msg: string }[] } {
  const lines: { msg: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) }) as unknown as Log;
  return { log, lines };
}

describe('connectWithRetries', () => {
  it('retries network failures with backoff, one log line each, then gives up with a plain message', async () => {
    const { log, lines } = createCaptureLog();
    let clock = 0;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const error = await connectWithRetries(() => Promise.reject(new TypeError('fetch failed', { cause: refused })), {
      platform: 'Discord',
      giveUpAfterMs: 10_000,
      log,
      check: 'the network and DISCORD_API_URL',
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    }).catch((e: unknown) => e);
    expect(isNewsdeskError(error, 'PLATFORM_UNREACHABLE')).toBe(true);
    expect((error as Error).message).toBe(
      'Could not connect to Discord in 8 s (4 attempts): connect ECONNREFUSED 127.0.0.1:9. Check the network and DISCORD_API_URL.',
    );
    expect(lines.map((l) => l.msg)).toEqual([
      'could not connect to Discord (connect ECONNREFUSED 127.0.0.1:9); retrying in 1 s',
      'could not connect to Discord (connect ECONNREFUSED 127.0.0.1:9); retrying in 2 s',
      'could not connect to Discord (connect ECONNREFUSED 127.0.0.1:9); retrying in 5 s',
    ]);
  });

  it('does not retry an error that retrying cannot fix', async () => {
    let calls = 0;
    const error = await connectWithRetries(() => (calls++, Promise.reject(new Error('An invalid token was provided.'))), {
      platform: 'Discord',
      giveUpAfterMs: 60_000,
      log: silentLog,
      check: 'x',
    }).catch((e: unknown) => e);
    expect([(error as Error).message, calls]).toEqual(['An invalid token was provided.', 1]);
  });
});

describe('npm start with Discord unreachable', () => {
  it('gives up after CONNECT_GIVE_UP_SECONDS with a plain message instead of a stack trace', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-unreachable-'));
    try {
      const port = await freePort();
      const config = loadConfig({
        CORPUS_DIR: CORPUS,
        DATA_DIR: dataDir,
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB',
        DISCORD_APP_ID: '123456789012345678',
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
        CONNECT_GIVE_UP_SECONDS: '2',
        WATCH_CORPUS: 'false',
      });
      const desk = Newsdesk.forIndex(openCorpus(CORPUS).index, config, silentLog, false);
      const error = await startNewsdesk({ config, desk, log: silentLog }).catch((e: unknown) => e);
      expect(isNewsdeskError(error, 'PLATFORM_UNREACHABLE')).toBe(true);
      expect((error as Error).message).toMatch(
        /^Could not connect to Discord in \d+ s \(2 attempts\): .*ECONNREFUSED.*\. Check the network and DISCORD_API_URL\.$/,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
