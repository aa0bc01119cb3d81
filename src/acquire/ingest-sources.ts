import fs from 'node:fs';
import { isNewsdeskError } from '../errors.ts';
import { parseArticleBytes } from '../ingest/corpus.ts';
import { silentLog, type Log } from '../log.ts';
import { openCorpus, type OpenedCorpus } from '../index/open-corpus.ts';
import { articleFileName, renderArticleMarkdown } from './article-markdown.ts';
import { copyIntoCorpus, writeCorpusFile } from './corpus-writer.ts';
import { extractArticle } from '../ingest/extract-article.ts';
import { parseFeed } from './feed.ts';
import { fetchText, type FetchLimits } from './fetch-page.ts';
import { normalizeUrl } from '../text/urls.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';

/**
 * Growing the coverage: `newsdesk ingest` and the feed poller add files, folders, article pages and
 * feeds to the corpus folder, then bring the index up to date incrementally (openCorpus parses only
 * the new files, saves the snapshot and records when each new article was first seen). Every input
 * that cannot be used is reported with its reason; the others are still ingested.
 */

/** Options of {@link ingestSources}. */
export interface IngestOptions {
  corpusDir: string;
  /** Data folder (snapshot, first-seen times); null to keep the index in memory only. */
  dataDir: string | null;
  maxFileBytes?: number;
  fetchLimits?: FetchLimits;
  log?: Log;
  /** Clock for first-seen times (tests). */
  now?: () => Date;
  fetchImpl?: typeof fetch;
  /**
   * Feed item links handled by earlier polls: not fetched again. Links handled now are added.
   * The corpus's own URLs are always skipped.
   */
  seenLinks?: Set<string>;
  /** The index being served, updated in place (the feed poller), else the snapshot is read. */
  index?: CorpusIndex;
}

/** An input that became corpus files. */
interface IngestedFile {
  /** The path or URL given (or the feed item's URL). */
  source: string;
  /** The corpus file id. */
  file: string;
  /** Ids of the articles read from it. */
  articles: string[];
}

/** An input that added nothing, and why (already in the corpus, or an error). */
interface IngestNote {
  source: string;
  reason: string;
  /** The corpus file that already holds it, when known. */
  file?: string;
}

/** What {@link ingestSources} did. */
export interface IngestReport {
  added: IngestedFile[];
  /** Inputs already in the corpus (same bytes or same URL). */
  present: IngestNote[];
  /** Inputs that could not be ingested. */
  failed: IngestNote[];
  /** The corpus after the update. */
  opened: OpenedCorpus;
}

/**
 * Adds files, folders, article page URLs and feed URLs to a corpus and updates its index incrementally.
 * @param inputs - file or folder paths, and http(s) URLs of article pages or RSS/Atom feeds
 * @throws NewsdeskError CORPUS_NOT_FOUND when the corpus path exists but is not a folder
 * @example const report = await ingestSources(['https://example.com/feed.xml'], { corpusDir: 'corpus', dataDir: '.newsdesk' })
 */
export async function ingestSources(inputs: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const log = (options.log ?? silentLog).child({ module: 'coverage' });
  fs.mkdirSync(options.corpusDir, { recursive: true });
  const open = (): OpenedCorpus =>
    openCorpus(options.corpusDir, {
      dataDir: options.dataDir,
      maxFileBytes: options.maxFileBytes,
      log: options.log ?? silentLog,
      now: options.now,
      index: options.index,
    });
  const before = open();
  const run: Run = {
    options,
    log,
    known: corpusUrls(before.index),
    seen: options.seenLinks ?? new Set<string>(),
    added: [],
    present: [],
    failed: [],
  };
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input.trim())) await ingestUrl(run, input.trim(), true);
    else ingestPath(run, input);
  }
  const opened = run.added.length ? open() : before;
  const byFile = new Map<string, string[]>();
  for (const a of opened.index.sortedArticles()) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a.id]);
  const added = run.added.map((a) => ({ ...a, articles: byFile.get(a.file) ?? [] }));
  log.info({ added: added.length, present: run.present.length, failed: run.failed.length, articles: opened.index.articles.size }, 'ingest done');
  return { added, present: run.present, failed: run.failed, opened };
}

/** The state of one ingest run. */
interface Run {
  options: IngestOptions;
  log: Log;
  /** Normalised URLs of the corpus's articles (and of pages saved in this run). */
  known: Set<string>;
  seen: Set<string>;
  added: IngestedFile[];
  present: IngestNote[];
  failed: IngestNote[];
}

function ingestPath(run: Run, input: string): void {
  for (const outcome of copyIntoCorpus(input, run.options.corpusDir, run.options.maxFileBytes)) {
    if (!outcome.ok) fail(run, outcome.source, outcome.reason);
    else if (outcome.status === 'present') run.present.push({ source: outcome.source, file: outcome.file, reason: 'already in the corpus (same content)' });
    else {
      run.added.push({ source: outcome.source, file: outcome.file, articles: [] });
      run.log.info({ source: outcome.source, file: outcome.file }, 'file added to the corpus');
    }
  }
}

/**
 * Fetches a URL: an article page is saved as Markdown; a feed (only when `feedsAllowed`, i.e. not for
 * a feed's own items) has each item's page fetched and saved.
 */
async function ingestUrl(run: Run, url: string, feedsAllowed: boolean): Promise<void> {
  let fetched;
  try {
    fetched = await fetchText(url, run.options.fetchLimits, run.options.fetchImpl);
  } catch (err) {
    fail(run, url, reasonOf(err));
    return;
  }
  if (fetched.kind === 'feed') {
    if (!feedsAllowed) {
      fail(run, url, 'a feed, not an article page');
      return;
    }
    let feed;
    try {
      feed = parseFeed(fetched.text, fetched.finalUrl);
    } catch (err) {
      fail(run, url, reasonOf(err));
      return;
    }
    run.log.info({ feed: url, items: feed.items.length }, 'feed read');
    for (const item of feed.items) {
      const key = normalizeUrl(item.link);
      if (run.known.has(key) || run.seen.has(key)) {
        run.present.push({ source: item.link, reason: 'already in the corpus (same url)' });
        continue;
      }
      await ingestUrl(run, item.link, false);
    }
    return;
  }
  savePage(run, url, fetched.finalUrl, fetched.text);
}

function savePage(run: Run, url: string, finalUrl: string, html: string): void {
  let article;
  try {
    article = extractArticle(html, finalUrl);
  } catch (err) {
    fail(run, url, reasonOf(err));
    return;
  }
  const keys = [url, finalUrl, article.url].map(normalizeUrl);
  for (const k of keys) run.seen.add(k);
  if (keys.some((k) => run.known.has(k))) {
    run.present.push({ source: url, reason: 'already in the corpus (same url)' });
    return;
  }
  const name = articleFileName(article);
  const bytes = new TextEncoder().encode(renderArticleMarkdown(article));
  const check = parseArticleBytes(name, bytes);
  if (check.articles.length === 0) {
    fail(run, url, check.skipped[0]?.reason ?? 'no article text found in the page');
    return;
  }
  let placed;
  try {
    placed = writeCorpusFile(run.options.corpusDir, name, bytes);
  } catch (err) {
    fail(run, url, `could not write to the corpus folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return;
  }
  for (const k of keys) run.known.add(k);
  if (placed.status === 'present') run.present.push({ source: url, file: placed.file, reason: 'already in the corpus (same content)' });
  else {
    run.added.push({ source: url, file: placed.file, articles: [] });
    run.log.info({ url, file: placed.file, title: article.title }, 'page added to the corpus');
  }
}

function fail(run: Run, source: string, reason: string): void {
  run.failed.push({ source, reason });
  run.log.warn({ source, reason }, 'could not ingest');
}

function reasonOf(err: unknown): string {
  return isNewsdeskError(err) ? err.message : `unexpected error (${(err as Error).message})`;
}

/** The normalised URLs of every article in the index (articles without a URL left out). */
function corpusUrls(index: CorpusIndex): Set<string> {
  const out = new Set<string>();
  for (const a of index.articles.values()) if (a.url) out.add(normalizeUrl(a.url));
  return out;
}
