import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFeedPoller } from '../../src/acquire/poll-feeds.ts';
import { startCoverageUpdates } from '../../src/acquire/start-coverage-updates.ts';
import { startCoverageWatcher, type Stoppable } from '../../src/acquire/watch-corpus.ts';
import { loadConfig } from '../../src/config.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import type { OpenedCorpus } from '../../src/index/open-corpus.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { readFirstSeen } from '../../src/ingest/first-seen.ts';
import { copyCorpus, DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';
import { articlePage, readStory, rssFeed, serve, startSite, storyPath, type TestSite } from './site.ts';

/** The test site is on loopback, which only FETCH_ALLOW_PRIVATE lets a fetch reach. */
const LOCAL = { allowPrivate: true };

/** Waits until `check` is true (polling every 10 ms), or fails after `ms`. */
async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let root: string;
let corpus: string;
let data: string;
const running: Stoppable[] = [];
beforeEach(() => {
  root = makeTmp();
  corpus = path.join(root, 'corpus');
  data = path.join(root, 'data');
  copyCorpus(DEFAULT_CORPUS, corpus);
  openCorpus(corpus, { dataDir: data });
});
afterEach(() => {
  for (const r of running.splice(0)) r.stop();
  removeTmp(root);
});

describe('startCoverageWatcher', () => {
  for (const mode of ['auto', 'poll'] as const) {
    it(`picks up added, changed and removed files (${mode === 'auto' ? 'fs.watch' : 'polling only'})`, async () => {
      const seen: OpenedCorpus[] = [];
      running.push(startCoverageWatcher({ corpusDir: corpus, dataDir: data, onChange: (o) => seen.push(o), debounceMs: 30, pollMs: 60, mode }));
      fs.mkdirSync(path.join(corpus, 'day2'));
      fs.copyFileSync(storyPath(1), path.join(corpus, 'day2', 'toll.txt'));
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.changes).toEqual({ added: ['day2/toll.txt'], changed: [], removed: [] });
      expect(seen[0]!.status).toBe('updated');
      expect(seen[0]!.index.articles.get('day2/toll.txt')!.title).toBe('Paris attacks death toll rises to 130');
      expect(readFirstSeen(data).has('day2/toll.txt')).toBe(true);

      fs.copyFileSync(storyPath(2), path.join(corpus, 'day2', 'toll.txt'));
      await waitFor(() => seen.length === 2);
      expect(seen[1]!.changes).toEqual({ added: [], changed: ['day2/toll.txt'], removed: [] });

      fs.rmSync(path.join(corpus, '001_ae44a968ee4ee127.txt'));
      await waitFor(() => seen.length === 3);
      expect(seen[2]!.changes).toEqual({ added: [], changed: [], removed: ['001_ae44a968ee4ee127.txt'] });
      expect(seen[2]!.index.articles.has('001_ae44a968ee4ee127.txt')).toBe(false);
    });
  }

  it('debounces a burst of writes into one update, and ignores hidden temporary files', async () => {
    const seen: OpenedCorpus[] = [];
    running.push(startCoverageWatcher({ corpusDir: corpus, dataDir: data, onChange: (o) => seen.push(o), debounceMs: 150, pollMs: 2000 }));
    for (const n of [3, 4, 5]) fs.copyFileSync(storyPath(n), path.join(corpus, `p${n}.txt`));
    fs.writeFileSync(path.join(corpus, '.p6.txt.123.tmp'), 'partial');
    await waitFor(() => seen.length === 1);
    await sleep(300);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.changes.added).toEqual(['p3.txt', 'p4.txt', 'p5.txt']);
  });

  it('calls nothing after stop()', async () => {
    const seen: OpenedCorpus[] = [];
    const watcher = startCoverageWatcher({ corpusDir: corpus, dataDir: data, onChange: (o) => seen.push(o), debounceMs: 20, pollMs: 40 });
    watcher.stop();
    fs.copyFileSync(storyPath(1), path.join(corpus, 'late.txt'));
    await sleep(200);
    expect(seen).toEqual([]);
  });
});

describe('startFeedPoller and startCoverageUpdates', () => {
  let site: TestSite;
  const items: { title: string; link: string }[] = [];
  const hits = new Map<string, number>();
  beforeAll(async () => {
    site = await startSite();
    for (const n of [1, 2, 3]) {
      const story = readStory(n);
      const route = serve('text/html; charset=utf-8', articlePage({ story, site: `Outlet ${n}`, meta: { 'og:site_name': `Outlet ${n}` } }));
      site.routes.set(`/news/${n}`, (req, res) => {
        hits.set(`/news/${n}`, (hits.get(`/news/${n}`) ?? 0) + 1);
        route(req, res);
      });
    }
    site.routes.set('/feed.rss', (req, res) => serve('application/rss+xml', rssFeed('World', items))(req, res));
  });
  afterAll(() => site.close());
  beforeEach(() => {
    items.splice(0, items.length, { title: 'one', link: `${site.base}/news/1` }, { title: 'two', link: `${site.base}/news/2` });
    hits.clear();
  });

  it('polls the feeds on its interval, ingesting only new items and fetching each item once', async () => {
    const seen: OpenedCorpus[] = [];
    const poller = startFeedPoller({
      feeds: [`${site.base}/feed.rss`],
      intervalMinutes: 0.002,
      corpusDir: corpus,
      dataDir: data,
      fetchLimits: LOCAL,
      onChange: (o) => seen.push(o),
    });
    running.push(poller);
    await waitFor(() => seen.length === 1);
    expect(seen[0]!.index.articles.size).toBe(7);
    items.push({ title: 'three', link: `${site.base}/news/3` });
    await waitFor(() => seen.length === 2);
    expect(seen[1]!.changes.added).toHaveLength(1);
    expect(seen[1]!.index.articles.size).toBe(8);
    await sleep(300); // a few more polls
    expect(seen).toHaveLength(2);
    expect([hits.get('/news/1'), hits.get('/news/2'), hits.get('/news/3')]).toEqual([1, 1, 1]);
  });

  it('survives a failing feed and ingests its items once it answers again; pollNow waits for the poll under way', async () => {
    let down = true;
    site.routes.set('/flaky.rss', (req, res) => (down ? serve('text/html', 'busy', 503) : serve('application/rss+xml', rssFeed('World', items)))(req, res));
    const seen: OpenedCorpus[] = [];
    const poller = startFeedPoller({
      feeds: [`${site.base}/flaky.rss`],
      intervalMinutes: 60,
      pollAtStart: false,
      corpusDir: corpus,
      dataDir: data,
      fetchLimits: LOCAL,
      onChange: (o) => seen.push(o),
    });
    running.push(poller);
    const first = await poller.pollNow();
    expect(first?.failed).toEqual([{ source: `${site.base}/flaky.rss`, reason: 'HTTP 503 Service Unavailable' }]);
    expect(seen).toEqual([]);
    down = false;
    const [a, b] = await Promise.all([poller.pollNow(), poller.pollNow()]);
    expect(a).toBe(b);
    expect(a?.added).toHaveLength(2);
    expect(seen).toHaveLength(1);
    poller.stop();
    expect(await poller.pollNow()).toBeNull();
  });

  it('brings the index a running Newsdesk serves up to date in place, from files and from feeds', async () => {
    const config = loadConfig({
      CORPUS_DIR: corpus,
      DATA_DIR: data,
      FEEDS: `${site.base}/feed.rss`,
      FEED_POLL_MINUTES: '60',
      FETCH_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'silent',
    });
    const desk = Newsdesk.open(config);
    const served = desk.index;
    expect(served.articles.size).toBe(5);
    const updates = startCoverageUpdates(config, desk, undefined, { debounceMs: 30, pollMs: 60 });
    running.push(updates);
    expect(updates.watching).toBe(true);
    await waitFor(() => desk.index.articles.size === 7);
    fs.copyFileSync(storyPath(5), path.join(corpus, 'borders.txt'));
    await waitFor(() => desk.index.articles.size === 8);
    expect(desk.listSources().sources.map((s) => s.outlet)).toEqual(expect.arrayContaining(['Outlet 1', 'Outlet 2']));
    const result = desk.ask('how many raids have police carried out since the attacks?');
    expect(result.ok && result.answer.citations.some((c) => c.quote.includes('793 raids'))).toBe(true);
    // The same index object, updated: what is cached per article (stories, copies) carries on.
    expect(desk.index).toBe(served);
  });

  it('starts nothing that the configuration does not ask for', () => {
    const config = loadConfig({ CORPUS_DIR: corpus, DATA_DIR: data, WATCH_CORPUS: 'false' });
    const updates = startCoverageUpdates(config, { index: new CorpusIndex(), replaceIndex: () => {} });
    running.push(updates);
    expect(updates).toMatchObject({ watching: false, poller: null });
  });
});
