import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLog } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { startSlackApp, type RunningSlackApp } from '../../adapters/slack/app.ts';
import { FAKE_WORKSPACE, FakeSlack } from './fake-slack.ts';
import { SlackRequester, TEST_SIGNING_SECRET } from './slack-requests.ts';

/**
 * The public Slack endpoint under hostile input, through the real Bolt app on loopback: bodies far
 * over the limit (declared and streamed, unsigned), and signed bodies that parse to no object.
 */

const CORPUS = path.resolve(import.meta.dirname, '../../corpus');
let fake: FakeSlack;
let slack: RunningSlackApp;
let requester: SlackRequester;
let dataDir: string;

beforeAll(async () => {
  fake = await FakeSlack.start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-slack-bounds-'));
  const config = loadConfig({
    CORPUS_DIR: CORPUS,
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: FAKE_WORKSPACE.botToken,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  const desk = Newsdesk.forIndex(openCorpus(CORPUS).index, config, silentLog, false);
  slack = await startSlackApp({ config, desk, log: silentLog, port: 0 });
  requester = new SlackRequester(`http://127.0.0.1:${slack.port}/slack/events`);
});

afterAll(async () => {
  await slack.stop();
  await fake.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const challenge = JSON.stringify({ token: 'x', challenge: 'still-alive', type: 'url_verification' });

/** Streams up to `bytes` of an unsigned body in 64 KiB chunks, until the server answers or hangs up. */
function streamHuge(port: number, bytes: number): Promise<{ status: number | null; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | null = null;
    const req = http.request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers: { 'content-type': 'application/json' } });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve({ status, sent });
    };
    req.on('response', (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on('end', finish);
    });
    req.on('error', finish);
    req.on('close', finish);
    const pump = (): void => {
      while (!done && !req.destroyed && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (sent >= bytes) req.end();
    };
    pump();
  });
}

describe('the Slack HTTP endpoint', () => {
  it('refuses 4 × 250 MB unsigned bodies with 413 after reading at most the limit, stays small, and answers the next request', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      for (let i = 0; i < 4; i++) {
        const { status, sent } = await streamHuge(slack.port, 250 * 1024 * 1024);
        expect(status).toBe(413);
        expect(sent).toBeLessThan(250 * 1024 * 1024);
      }
    } finally {
      clearInterval(sampler);
    }
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    expect(peak).toBeLessThan(400 * 1024 * 1024 + before);
    const alive = await requester.post(challenge, 'application/json');
    expect([alive.status, JSON.parse(alive.body)]).toEqual([200, { challenge: 'still-alive' }]);
  }, 120_000);

  it('refuses a declared Content-Length over the limit at once', async () => {
    const status = await new Promise<number | undefined>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: slack.port,
        path: '/slack/events',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(250 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', () => resolve(undefined));
      req.write('{');
    });
    expect(status).toBe(413);
  });

  it('refuses a correctly signed request stamped an hour in the future', async () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect((await requester.post(challenge, 'application/json', { timestamp: future })).status).toBe(401);
    expect((await requester.post(challenge, 'application/json', { timestamp: Math.floor(Date.now() / 1000) + 60 })).status).toBe(200);
  });

  it('answers 400 to signed bodies that are not an object, and survives them', async () => {
    expect((await requester.post('null', 'application/json')).status).toBe(400);
    expect((await requester.post('42', 'application/json')).status).toBe(400);
    expect((await requester.post('payload=null', 'application/x-www-form-urlencoded')).status).toBe(400);
    const alive = await requester.post(challenge, 'application/json');
    expect([alive.status, JSON.parse(alive.body)]).toEqual([200, { challenge: 'still-alive' }]);
  });
});
