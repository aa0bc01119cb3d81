import type { Config } from '../config.ts';
import { silentLog, type Log } from '../log.ts';
import type { OpenedCorpus } from '../index/open-corpus.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { fetchLimitsOf } from './fetch-page.ts';
import { startFeedPoller, type FeedPoller } from './poll-feeds.ts';
import { startCoverageWatcher, type Stoppable } from './watch-corpus.ts';

/**
 * Keeps a running newsdesk's coverage current: watches the corpus folder (WATCH_CORPUS) and polls the
 * configured feeds (FEEDS, every FEED_POLL_MINUTES), swapping each updated index into the service.
 */

/** What receives updated indexes (a Newsdesk). */
export interface IndexHolder {
  /** The index being served: updates are made to it in place. */
  readonly index: CorpusIndex;
  replaceIndex(index: CorpusIndex): void;
}

/** The running updates. */
export interface CoverageUpdates extends Stoppable {
  /** The feed poller, or null when no feeds are configured. */
  poller: FeedPoller | null;
  /** True when the corpus folder is watched. */
  watching: boolean;
}

/** Timing overrides of {@link startCoverageUpdates} (tests). */
export interface CoverageUpdateTimings {
  debounceMs?: number;
  pollMs?: number;
}

/**
 * Starts the corpus watcher and the feed poller the configuration asks for.
 * @param desk - receives each updated index (`Newsdesk.replaceIndex`)
 * @example const updates = startCoverageUpdates(config, desk, log); process.on('SIGTERM', () => updates.stop())
 */
export function startCoverageUpdates(config: Config, desk: IndexHolder, log: Log = silentLog, timings: CoverageUpdateTimings = {}): CoverageUpdates {
  const onChange = (opened: OpenedCorpus): void => desk.replaceIndex(opened.index);
  const current = (): CorpusIndex => desk.index;
  const watcher = config.WATCH_CORPUS
    ? startCoverageWatcher({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, maxFileBytes: config.MAX_FILE_BYTES, current, onChange, log, ...timings })
    : null;
  const poller = config.FEEDS.length
    ? startFeedPoller({
        feeds: config.FEEDS,
        intervalMinutes: config.FEED_POLL_MINUTES,
        corpusDir: config.CORPUS_DIR,
        dataDir: config.DATA_DIR,
        maxFileBytes: config.MAX_FILE_BYTES,
        fetchLimits: fetchLimitsOf(config),
        current,
        onChange,
        log,
      })
    : null;
  log
    .child({ module: 'coverage' })
    .info({ watching: watcher !== null, feeds: config.FEEDS.length, pollMinutes: config.FEED_POLL_MINUTES }, 'coverage updates started');
  return {
    poller,
    watching: watcher !== null,
    stop(): void {
      watcher?.stop();
      poller?.stop();
    },
  };
}
