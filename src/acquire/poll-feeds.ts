import { silentLog, type Log } from '../log.ts';
import type { OpenedCorpus } from '../index/open-corpus.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import type { FetchLimits } from './fetch-page.ts';
import { ingestSources, type IngestReport } from './ingest-sources.ts';
import type { Stoppable } from './watch-corpus.ts';

/**
 * Polling RSS/Atom feeds on a schedule while the bot runs: each poll ingests the pages of items not yet
 * in the corpus (see ingestSources). Polls never overlap; item links handled once are not fetched again
 * by this poller; a failing feed or item is logged and retried on the next poll.
 */

/** Options of {@link startFeedPoller}. */
export interface FeedPollerOptions {
  /** Feed URLs. */
  feeds: readonly string[];
  /** Minutes between polls (fractions allowed). */
  intervalMinutes: number;
  corpusDir: string;
  dataDir: string | null;
  maxFileBytes?: number;
  fetchLimits?: FetchLimits;
  /** The index being served, updated in place (else each poll starts from the snapshot). */
  current?: () => CorpusIndex;
  /** Called with the updated corpus after a poll added articles. */
  onChange: (opened: OpenedCorpus) => void;
  log?: Log;
  /** Poll once right away (default true). */
  pollAtStart?: boolean;
  fetchImpl?: typeof fetch;
}

/** A running feed poller. */
export interface FeedPoller extends Stoppable {
  /** Polls now (or waits for the poll under way); null when stopped. */
  pollNow(): Promise<IngestReport | null>;
}

/**
 * Starts polling feeds.
 * @example const poller = startFeedPoller({ feeds: ['https://example.com/rss'], intervalMinutes: 30, corpusDir: 'corpus', dataDir: '.newsdesk', onChange: (o) => desk.replaceIndex(o.index) })
 */
export function startFeedPoller(options: FeedPollerOptions): FeedPoller {
  const log = (options.log ?? silentLog).child({ module: 'coverage' });
  const seenLinks = new Set<string>();
  let stopped = false;
  let running: Promise<IngestReport | null> | null = null;

  const poll = (): Promise<IngestReport | null> => {
    if (stopped) return Promise.resolve(null);
    if (running) return running;
    running = (async () => {
      try {
        const report = await ingestSources(options.feeds, {
          corpusDir: options.corpusDir,
          dataDir: options.dataDir,
          maxFileBytes: options.maxFileBytes,
          fetchLimits: options.fetchLimits,
          log: options.log,
          fetchImpl: options.fetchImpl,
          seenLinks,
          index: options.current?.(),
        });
        if (report.failed.length) log.warn({ failed: report.failed }, 'some feed items could not be ingested');
        if (!stopped && report.added.length) options.onChange(report.opened);
        return report;
      } catch (err) {
        log.warn({ err }, 'feed poll failed; will retry on the next poll');
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void poll(), Math.max(1, options.intervalMinutes * 60_000));
  timer.unref();
  if (options.pollAtStart ?? true) void poll();
  return {
    pollNow: poll,
    stop(): void {
      stopped = true;
      clearInterval(timer);
    },
  };
}
