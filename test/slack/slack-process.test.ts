import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../src/schedule/local-time.ts';
import { State } from '../../src/state/state.ts';
import { freePort } from '../free-port.ts';
import { FAKE_WORKSPACE, FakeSlack } from './fake-slack.ts';
import { TEST_SIGNING_SECRET } from './slack-requests.ts';

/**
 * The daily briefing through crashes, as an operator runs newsdesk: `newsdesk start` in a child
 * process against the fake Slack on loopback, killed with SIGKILL while its post is in flight, or
 * stopped with one SIGTERM while a post hangs. The subscription's post time passed a minute ago, so
 * each start catches up today's digest at once.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'adapters', 'cli', 'bin.mjs');
const CORPUS = path.join(ROOT, 'corpus');

/** A post time a minute ago, in a timezone where it is today and away from midnight. */
function postTimeJustPassed(now = new Date()): { time: string; timezone: string } {
  for (const timezone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
    const at = localDateTime(new Date(now.getTime() - 60_000), timezone);
    const hour = Number(at.time.slice(0, 2));
    if (hour >= 1 && hour <= 22) return { time: at.time, timezone };
  }
  throw new Error('no timezone away from midnight');
}

/** Polls `done` every 50 ms for up to 60 s (a ceiling for slow machines, not a budget). */
async function until<T>(done: () => T | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const value = done();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('newsdesk start on Slack, killed and stopped mid-post', () => {
  let fake: FakeSlack;
  const children: ChildProcess[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  afterAll(async () => {
    await fake.close();
  });

  /** A data folder whose state database holds one Slack subscription owed today's digest. */
  function subscribedDataDir(channel: string): string {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-process-'));
    dirs.push(dataDir);
    const state = State.open(dataDir);
    const { time, timezone } = postTimeJustPassed();
    state.subscriptions.upsert('slack', channel, time, timezone, new Date(Date.now() - 30 * 60_000));
    state.close();
    return dataDir;
  }

  /** Starts `newsdesk start` with Slack pointed at the fake; resolves with the child and its exit. */
  async function start(dataDir: string, apiTimeoutMs: number) {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dataDir,
      CORPUS_DIR: CORPUS,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: FAKE_WORKSPACE.botToken,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: String(await freePort()),
      SLACK_API_TIMEOUT_MS: String(apiTimeoutMs),
    };
    const child = spawn(process.execPath, [BIN, 'start'], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return { child, exit, log: () => log };
  }

  /** The channel's delivery of today, read from the state database the child writes. */
  function delivery(dataDir: string, channel: string) {
    const state = State.open(dataDir);
    try {
      const sub = state.subscriptions.get('slack', channel)!;
      return state.deliveries.list(sub.id)[0] ?? null;
    } finally {
      state.close();
    }
  }

  const posts = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);
  const historyReads = (channel: string) => fake.callsTo('conversations.history').filter((c) => c.params.channel === channel);

  it('posts exactly one digest when the process is killed with SIGKILL while its post is in flight, and the restart takes over at once', async () => {
    const channel = 'C0KILLED01';
    const dataDir = subscribedDataDir(channel);
    fake.stallNextPost('delivered');
    const first = await start(dataDir, 60_000);
    await until(() => posts(channel).length === 1, 'the first post');
    first.child.kill('SIGKILL');
    expect(await first.exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(delivery(dataDir, channel)).toMatchObject({ status: 'claimed', attempts: 1 });

    // The restart finds the claim of a process that is gone, takes it over without waiting for its
    // five-minute lease, finds its own message in the channel history and posts nothing.
    const second = await start(dataDir, 60_000);
    const sent = await until(() => delivery(dataDir, channel)?.status === 'sent' && delivery(dataDir, channel), 'the delivery marked sent');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(posts(channel)).toHaveLength(1);
    expect(historyReads(channel)).toHaveLength(1);
    expect(second.log()).toContain('taking over the claim of a process that is gone');

    second.child.kill('SIGTERM');
    expect(await second.exit).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('times a hung post out, retries it once (after looking in the history), and posts one digest', async () => {
    const channel = 'C0HUNGPOST';
    const dataDir = subscribedDataDir(channel);
    fake.stallNextPost('lost');
    const run = await start(dataDir, 500);
    const sent = await until(() => delivery(dataDir, channel)?.status === 'sent' && delivery(dataDir, channel), 'the delivery marked sent');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(posts(channel).map((c) => c.status)).toEqual([0, 200]);
    expect(historyReads(channel)).toHaveLength(1);
    expect(run.log()).toContain('digest delivery failed; retrying');

    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('stops on one SIGTERM while a post hangs, giving up its claim, so that the next start resumes the delivery at once', async () => {
    const channel = 'C0STOPPED1';
    const dataDir = subscribedDataDir(channel);
    fake.stallNextPost('delivered');
    const first = await start(dataDir, 60_000);
    await until(() => posts(channel).length === 1, 'the first post');
    first.child.kill('SIGTERM');
    expect(await first.exit).toEqual({ code: 0, signal: null });
    expect(delivery(dataDir, channel)).toMatchObject({ status: 'claimed', claimedAt: new Date(0).toISOString() });

    await start(dataDir, 60_000);
    await until(() => delivery(dataDir, channel)?.status === 'sent', 'the delivery marked sent');
    expect(posts(channel)).toHaveLength(1);
  }, 120_000);
});
