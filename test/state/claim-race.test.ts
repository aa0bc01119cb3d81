import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { State } from '../../src/state/state.ts';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';

const WORKER = path.join(import.meta.dirname, 'claim-worker.ts');
const dir = makeTmp('newsdesk-race-');
afterAll(() => removeTmp(dir));

/** Runs the claim worker in its own Node process. */
function claimInProcess(owner: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', WORKER, dir, owner, String(startAt)], { timeout: 30_000 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
}

describe('delivery claims across processes', () => {
  it('lets exactly one of several processes claim the same subscription and day', { timeout: 40_000 }, async () => {
    const setup = State.open(dir);
    setup.subscriptions.upsert('slack', 'C1', '08:00', 'UTC', new Date());
    setup.close();
    const startAt = Date.now() + 3000;
    const results = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((owner) => claimInProcess(owner, startAt)));
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'lost')).toHaveLength(3);
    const state = State.open(dir);
    const row = state.deliveries.get(1, '2026-11-23')!;
    expect(['p1', 'p2', 'p3', 'p4'][results.indexOf('won')]).toBe(row.claimedBy);
    state.close();
  });
});
