import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * When each article was first seen by this newsdesk, kept in `DATA_DIR/first-seen.json` so that it
 * survives rebuilds and restarts ("new since the last digest" reads it).
 */

const firstSeenSchema = z.record(z.string(), z.string());

/** Article id → ISO timestamp of the first time it was ingested. */
export type FirstSeen = Map<string, string>;

/** Path of the first-seen file in a data folder. */
function firstSeenFile(dataDir: string): string {
  return path.join(dataDir, 'first-seen.json');
}

/**
 * Reads the first-seen times (empty when the file is missing or unreadable).
 * @example readFirstSeen('.newsdesk').get('004_0ab6f7e65bf4a959.txt') // '2026-11-23T07:00:00.000Z'
 */
export function readFirstSeen(dataDir: string): FirstSeen {
  try {
    const parsed = firstSeenSchema.safeParse(JSON.parse(fs.readFileSync(firstSeenFile(dataDir), 'utf8')));
    return parsed.success ? new Map(Object.entries(parsed.data)) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Records `now` as the first-seen time of every id not seen before, and returns the full map.
 * Written atomically (temporary file, then rename).
 * @param ids - article ids present now
 */
export function recordFirstSeen(dataDir: string, ids: Iterable<string>, now: Date = new Date()): FirstSeen {
  const seen = readFirstSeen(dataDir);
  let changed = false;
  for (const id of ids) {
    if (!seen.has(id)) {
      seen.set(id, now.toISOString());
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = firstSeenFile(dataDir);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries([...seen].sort(([a], [b]) => (a < b ? -1 : 1))), null, 1));
    fs.renameSync(tmp, file);
  }
  return seen;
}
