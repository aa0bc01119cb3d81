import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ingestSources, type IngestOptions } from '../../src/acquire/ingest-sources.ts';
import { readFirstSeen } from '../../src/ingest/first-seen.ts';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';
import { articlePage, atomFeed, CHROME_PHRASES, encodeWindows1252, HUGE_BYTES, readStory, redirect, rssFeed, serve, startSite, type TestSite } from './site.ts';

const toll = readStory(1);
const missing = readStory(2);
const known = readStory(3);
const traumatised = readStory(4);
const NOW = new Date('2026-11-23T06:00:00.000Z');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let site: TestSite;
let host: string;

beforeAll(async () => {
  site = await startSite();
  host = new URL(site.base).host.replace(':', '_');
  const r = site.routes;
  r.set(
    '/news/paris-death-toll',
    serve(
      'text/html; charset=windows-1252',
      encodeWindows1252(
        articlePage({
          story: toll,
          site: 'The Daily Courier',
          canonical: '/world/2015/nov/20/paris-attacks-death-toll-130',
          meta: { 'og:site_name': 'The Daily Courier', 'og:title': toll.title },
          jsonLd: {
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: toll.title,
            datePublished: '2015-11-20T09:30:00+00:00',
            author: [{ '@type': 'Person', name: 'Jane Porter' }],
            publisher: { '@type': 'Organization', name: 'The Daily Courier' },
          },
        }),
      ),
    ),
  );
  r.set(
    '/news/search-for-missing',
    serve(
      'text/html; charset=utf-8',
      articlePage({
        story: missing,
        site: 'The Evening Post',
        ogUrl: `${site.base}/world/search-for-missing`,
        meta: { 'og:site_name': 'The Evening Post', author: 'By Tom Hale', 'article:published_time': '2015-11-16T18:05:00Z' },
      }),
    ),
  );
  r.set(
    '/news/everything-we-know',
    serve('text/html', articlePage({ story: known, site: 'The Morning Ledger', meta: { 'og:site_name': 'The Morning Ledger' }, time: '2015-11-14T15:00:00Z' })),
  );
  r.set(
    '/news/broken-markup',
    serve(
      'text/html; charset=utf-8',
      `<html><head><title>${traumatised.title}</title><body><div class=wrap><h1>${traumatised.title}</h1><div id=main>` +
        traumatised.paragraphs.map((p) => `<p>${p}`).join('\n') +
        '</span></div></b><div class="footer">© Someone',
    ),
  );
  r.set('/error', serve('text/html', '<h1>Internal error</h1>', 500));
  r.set('/loop-a', redirect('/loop-b'));
  r.set('/loop-b', redirect('/loop-a'));
  r.set('/moved', redirect('/news/search-for-missing', 301));
  r.set('/photo.png', serve('image/png', PNG));
  r.set('/report.pdf', serve('application/pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n'));
  r.set(
    '/feed.rss',
    serve(
      'application/rss+xml; charset=utf-8',
      rssFeed('Courier: World', [
        { title: toll.title, link: `${site.base}/news/paris-death-toll?utm_source=rss` },
        { title: missing.title, link: '/moved' },
        { title: 'Gone', link: `${site.base}/missing` },
        { title: 'Server error', link: `${site.base}/error` },
        { title: 'Loop', link: `${site.base}/loop-a` },
        { title: 'Huge', link: `${site.base}/huge` },
        { title: 'Photo', link: `${site.base}/photo.png` },
        { title: 'Report', link: `${site.base}/report.pdf` },
        { title: traumatised.title, link: `${site.base}/news/broken-markup` },
      ]),
    ),
  );
  r.set(
    '/feed.atom',
    serve(
      'application/atom+xml',
      atomFeed('Ledger', [
        { title: known.title, link: `${site.base}/news/everything-we-know` },
        { title: toll.title, link: `${site.base}/world/2015/nov/20/paris-attacks-death-toll-130` },
      ]),
    ),
  );
  r.set('/bad-feed.xml', serve('application/rss+xml', '<rss><channel><item><link>oops</channel>'));
});
afterAll(() => site.close());

let root: string;
let corpus: string;
let data: string;
let options: IngestOptions;
beforeEach(() => {
  root = makeTmp();
  corpus = path.join(root, 'corpus');
  data = path.join(root, 'data');
  options = { corpusDir: corpus, dataDir: data, now: () => NOW, fetchLimits: { timeoutMs: 5000, maxBytes: 1024 * 1024, allowPrivate: true } };
});
afterEach(() => removeTmp(root));

describe('ingestSources with an article page URL', () => {
  it('saves the page as Markdown with front matter and indexes it with the extracted metadata', async () => {
    const report = await ingestSources([`${site.base}/news/paris-death-toll`], options);
    const file = `${host}-paris-attacks-death-toll-rises-to-130.md`;
    expect(report.failed).toEqual([]);
    expect(report.added).toEqual([{ source: `${site.base}/news/paris-death-toll`, file, articles: [file] }]);
    const article = report.opened.index.articles.get(file)!;
    expect(article).toMatchObject({
      title: 'Paris attacks death toll rises to 130',
      outlet: 'The Daily Courier',
      byline: 'Jane Porter',
      published: '2015-11-20',
      url: `${site.base}/world/2015/nov/20/paris-attacks-death-toll-130`,
    });
    // Served in Windows-1252: the euro sign survives, and a citation-able sentence is verbatim.
    expect(article.text).toContain('A further 164 people have been placed under house arrest under state of emergency powers, and €250,000 were seized.');
    expect(article.text).toContain('The highest death toll was at the Bataclan where 89 people were killed.');
    for (const phrase of CHROME_PHRASES) expect(article.text).not.toContain(phrase);
    expect(fs.readFileSync(path.join(corpus, file), 'utf8').split('\n').slice(0, 7)).toEqual([
      '---',
      'title: Paris attacks death toll rises to 130',
      'outlet: The Daily Courier',
      'byline: Jane Porter',
      'published: 2015-11-20',
      `url: ${site.base}/world/2015/nov/20/paris-attacks-death-toll-130`,
      '---',
    ]);
    expect(readFirstSeen(data).get(file)).toBe(NOW.toISOString());
  });

  it('does not save a page whose canonical url is already in the corpus', async () => {
    await ingestSources([`${site.base}/news/paris-death-toll`], options);
    const again = await ingestSources([`${site.base}/news/paris-death-toll?utm_campaign=x`], options);
    expect(again.added).toEqual([]);
    expect(again.present).toEqual([{ source: `${site.base}/news/paris-death-toll?utm_campaign=x`, reason: 'already in the corpus (same url)' }]);
    expect(fs.readdirSync(corpus)).toEqual([`${host}-paris-attacks-death-toll-rises-to-130.md`]);
  });
});

describe('ingestSources with feeds', () => {
  it('ingests every RSS item page and reports each failing item by URL with its reason', async () => {
    const report = await ingestSources([`${site.base}/feed.rss`], options);
    expect(report.added.map((a) => a.file)).toEqual([
      `${host}-paris-attacks-death-toll-rises-to-130.md`,
      `${host}-paris-attacks-search-goes-on-for-missing.md`,
      `${host}-paris-terror-attacks-yes-parisians-are-traumatised-but-the-spirit-of.md`,
    ]);
    expect(report.failed).toEqual([
      { source: `${site.base}/missing`, reason: 'HTTP 404 Not Found' },
      { source: `${site.base}/error`, reason: 'HTTP 500 Internal Server Error' },
      { source: `${site.base}/loop-a`, reason: `redirect loop (${site.base}/loop-a → ${site.base}/loop-b → ${site.base}/loop-a)` },
      { source: `${site.base}/huge`, reason: 'too large (more than 1048576 bytes; download stopped)' },
      { source: `${site.base}/photo.png`, reason: 'not an HTML page or a feed (content type image/png)' },
      { source: `${site.base}/report.pdf`, reason: 'not an HTML page or a feed (content type application/pdf)' },
    ]);
    expect(site.hugeSent()).toBeLessThan(HUGE_BYTES / 4);
    const index = report.opened.index;
    expect(index.articles.size).toBe(3);
    const moved = index.articles.get(`${host}-paris-attacks-search-goes-on-for-missing.md`)!;
    expect(moved).toMatchObject({ outlet: 'The Evening Post', byline: 'Tom Hale', published: '2015-11-16', url: `${site.base}/world/search-for-missing` });
    expect(moved.text).toContain('"I don\'t know where my daughter is," said Patrick Jardin.');
    const broken = index.articles.get(`${host}-paris-terror-attacks-yes-parisians-are-traumatised-but-the-spirit-of.md`)!;
    expect(broken.title).toBe(traumatised.title);
    expect(broken.text).toContain(
      'Sirens wailed in half-empty streets as doctors battled to save the most critical cases among more than 200 injured and put out an urgent call for donations of blood and organs.',
    );
  });

  it('skips items already in the corpus: a second poll adds nothing, an Atom feed adds only its new item', async () => {
    await ingestSources([`${site.base}/feed.rss`], options);
    const again = await ingestSources([`${site.base}/feed.rss`], options);
    expect(again.added).toEqual([]);
    expect(again.opened.status).toBe('loaded');
    const atom = await ingestSources([`${site.base}/feed.atom`], options);
    expect(atom.added.map((a) => a.file)).toEqual([`${host}-paris-terror-attack-everything-we-know-on-saturday-afternoon.md`]);
    expect(atom.present).toEqual([{ source: `${site.base}/world/2015/nov/20/paris-attacks-death-toll-130`, reason: 'already in the corpus (same url)' }]);
    expect(atom.opened.status).toBe('updated');
    expect(atom.opened.index.articles.size).toBe(4);
  });

  it('reports a malformed feed and still ingests the other inputs', async () => {
    const report = await ingestSources([`${site.base}/bad-feed.xml`, `${site.base}/news/everything-we-know`], options);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.source).toBe(`${site.base}/bad-feed.xml`);
    expect(report.failed[0]!.reason).toMatch(/^malformed feed XML \(line 1: /);
    expect(report.added).toHaveLength(1);
  });
});
