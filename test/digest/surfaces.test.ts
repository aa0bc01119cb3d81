import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { deskFor } from '../../adapters/cli/commands/ask-command.ts';
import type { CliContext } from '../../adapters/cli/main.ts';
import { handleLine } from '../../adapters/terminal/chat.ts';
import { renderDigestText } from '../../adapters/terminal/render-digest.ts';
import { loadConfig } from '../../src/config.ts';
import type { Digest } from '../../src/digest/types.ts';
import { silentLog } from '../../src/log.ts';
import { startDigestScheduler } from '../../src/app/desk-scheduler.ts';
import { DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';

const dataDir = makeTmp('newsdesk-surfaces-');
afterAll(() => removeTmp(dataDir));
const ctx: CliContext = { config: loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: DEFAULT_CORPUS }), log: silentLog, out: () => {} };

describe('digest on the chat surfaces', () => {
  it('shows today’s digest for /digest in the terminal chat', () => {
    const desk = deskFor(ctx, {});
    const reply = handleLine(desk, '/digest', 'terminal:test', { pending: [] });
    expect(reply?.text).toBe(renderDigestText(desk.digest()));
    expect(reply?.text.split('\n')[0]).toBe('Daily briefing: Biden again calls on Putin to de-escalate tensions along Ukraine border');
  });

  it('gives the chat and start commands a desk that logs questions in DATA_DIR/newsdesk.db', () => {
    const desk = deskFor(ctx, {}, true);
    expect(path.basename(desk.state!.file)).toBe('newsdesk.db');
    desk.ask('who won the Premier League?');
    expect(desk.state!.questions.gaps()).toMatchObject([{ question: 'who won the Premier League?', count: 1 }]);
    expect(deskFor(ctx, {}).state).toBeNull();
  });

  it('starts the scheduler of a desk and posts its digest at the subscribed time', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T07:59:00Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const desk = deskFor(ctx, {}, true);
      desk.subscribe('slack', 'C42', '08:00', 'UTC');
      const posted: { channel: string; digest: Digest }[] = [];
      const scheduler = await startDigestScheduler(desk, async (sub, digest) => void posted.push({ channel: sub.channel, digest }), silentLog, {
        syncEveryMs: 0,
      });
      await vi.advanceTimersByTimeAsync(60_000);
      scheduler!.stop();
      expect(posted.map((p) => p.channel)).toEqual(['C42']);
      expect(posted[0]!.digest.points.length).toBeGreaterThanOrEqual(3);
      expect(desk.subscriptionStatus('slack', 'C42').lastDelivery).toMatchObject({ localDate: '2026-11-23', status: 'sent' });
    } finally {
      vi.useRealTimers();
    }
  });
});
