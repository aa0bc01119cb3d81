import fs from 'node:fs';
import path from 'node:path';
import { listCorpusFiles, MANIFEST_NAMES } from '../ingest/corpus.ts';
import { silentLog, type Log } from '../log.ts';
import { openCorpus, type OpenedCorpus } from '../index/open-corpus.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';

/**
 * Following the corpus folder while the bot runs: new, changed and removed files are picked up by
 * re-running the incremental open (only what changed is parsed), debounced so that a burst of writes
 * costs one update. Change notices come from `fs.watch` (recursive) when the platform offers it, and
 * a periodic comparison of the file list with sizes and modification times catches anything a
 * notice missed (and is the only source where `fs.watch` is unavailable).
 */

/** Options of {@link startCoverageWatcher}. */
export interface CoverageWatcherOptions {
  corpusDir: string;
  /** Data folder (snapshot, first-seen times), or null for memory only. */
  dataDir: string | null;
  maxFileBytes?: number;
  /** The index being served, updated in place (else each update starts from the snapshot). */
  current?: () => CorpusIndex;
  /** Called with the updated corpus after files were added, changed or removed. */
  onChange: (opened: OpenedCorpus) => void;
  log?: Log;
  /** Quiet time after the last notice before updating, in milliseconds. */
  debounceMs?: number;
  /** Interval of the file-list comparison, in milliseconds. */
  pollMs?: number;
  /** 'auto': fs.watch plus polling; 'poll': polling only. */
  mode?: 'auto' | 'poll';
}

const DEFAULTS = {
  maxFileBytes: 20 * 1024 * 1024,
  log: silentLog,
  debounceMs: 500,
  pollMs: 5_000,
  mode: 'auto',
} as const satisfies Omit<Required<CoverageWatcherOptions>, 'corpusDir' | 'dataDir' | 'onChange' | 'current'>;

/** A running watcher or poller. */
export interface Stoppable {
  /** Stops it; no callback runs afterwards. */
  stop(): void;
}

/**
 * Starts watching a corpus folder. The folder's current state is taken as known: call it after the
 * corpus was opened.
 * @example const watcher = startCoverageWatcher({ corpusDir: 'corpus', dataDir: '.newsdesk', onChange: (o) => desk.replaceIndex(o.index) }); … watcher.stop()
 */
export function startCoverageWatcher(options: CoverageWatcherOptions): Stoppable {
  const opts = { ...DEFAULTS, ...options };
  const log = opts.log.child({ module: 'coverage' });
  let last = signature(opts.corpusDir);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const update = (): void => {
    timer = null;
    if (stopped) return;
    const now = signature(opts.corpusDir);
    if (now === last) return;
    last = now;
    try {
      const opened = openCorpus(opts.corpusDir, { dataDir: opts.dataDir, maxFileBytes: opts.maxFileBytes, log: opts.log, index: opts.current?.() });
      const { added, changed, removed } = opened.changes;
      if (opened.status === 'loaded') return;
      log.info({ added: added.length, changed: changed.length, removed: removed.length, articles: opened.index.articles.size }, 'corpus changed');
      opts.onChange(opened);
    } catch (err) {
      log.warn({ err, corpus: opts.corpusDir }, 'could not update the corpus; will retry on the next change');
      last = '';
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, opts.debounceMs);
  };

  let watcher: fs.FSWatcher | null = null;
  if (opts.mode === 'auto') {
    try {
      watcher = fs.watch(opts.corpusDir, { recursive: true, persistent: false }, (_event, name) => {
        // Hidden files are temporary writes (and never articles).
        if (typeof name === 'string' && name.split(/[\\/]/).some((part) => part.startsWith('.'))) return;
        schedule();
      });
      watcher.on('error', (err) => {
        log.warn({ err }, 'corpus watch failed; polling only');
        watcher?.close();
        watcher = null;
      });
    } catch (err) {
      log.info({ err }, 'fs.watch unavailable for the corpus folder; polling only');
      watcher = null;
    }
  }
  const poll = setInterval(() => {
    if (!timer && signature(opts.corpusDir) !== last) schedule();
  }, opts.pollMs);
  poll.unref();

  return {
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      clearInterval(poll);
      watcher?.close();
    },
  };
}

/** The corpus files with their sizes and modification times (and the manifest's), as one string. */
function signature(corpusDir: string): string {
  let files;
  try {
    files = listCorpusFiles(corpusDir);
  } catch {
    return 'missing';
  }
  const parts: string[] = [];
  const add = (id: string, abs: string): void => {
    try {
      const st = fs.statSync(abs);
      parts.push(`${id}\u0000${st.size}\u0000${st.mtimeMs}`);
    } catch {
      parts.push(`${id}\u0000gone`);
    }
  };
  for (const f of files) add(f.id, f.absolutePath);
  for (const name of MANIFEST_NAMES) {
    const abs = path.join(corpusDir, name);
    if (fs.existsSync(abs)) add(name, abs);
  }
  return parts.join('\n');
}
