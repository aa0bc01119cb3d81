// A separate process claiming one delivery, for the claim race test: prints "won" or "lost".
import { State } from '../../src/state/state.ts';

const [dir, owner, startAt] = process.argv.slice(2) as [string, string, string];
const state = State.open(dir);
// Start together: wait until the agreed instant.
while (Date.now() < Number(startAt)) {
  // spin
}
const result = state.deliveries.claim(1, '2026-11-23', owner, new Date(), 5 * 60_000);
process.stdout.write(result.claimed ? 'won' : 'lost');
state.close();
