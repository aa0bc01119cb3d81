import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderArticleMarkdown } from '../../src/acquire/article-markdown.ts';
import { extractArticle } from '../../src/ingest/extract-article.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { parseArticleBytes } from '../../src/ingest/corpus.ts';
import { HAS_SHARED_CORPORA } from './helpers.ts';
import { articlePage, CHROME_PHRASES, PARIS, PARIS_STORIES, readStory, SHARED_PARIS, storyPath } from '../acquire/site.ts';

const toll = readStory(1);
const PAGE_URL = 'http://127.0.0.1:8080/news/paris-death-toll?utm_source=rss';

describe('extractArticle', () => {
  it('reads title, byline, date, canonical url and outlet from the page tags, and the body verbatim without chrome', () => {
    const html = articlePage({
      story: toll,
      site: 'The Daily Courier',
      canonical: '/world/2015/nov/20/paris-attacks-death-toll-130',
      meta: { 'og:site_name': 'The Daily Courier', 'og:title': toll.title },
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: toll.title,
        datePublished: '2015-11-20T09:30:00+00:00',
        author: { '@type': 'Person', name: 'Jane Porter' },
      },
    });
    const article = extractArticle(html, PAGE_URL);
    expect(article.title).toBe('Paris attacks death toll rises to 130');
    expect(article.byline).toBe('Jane Porter');
    expect(article.published).toBe('2015-11-20');
    expect(article.url).toBe('http://127.0.0.1:8080/world/2015/nov/20/paris-attacks-death-toll-130');
    expect(article.outlet).toBe('The Daily Courier');
    expect(article.paragraphs).toEqual(toll.paragraphs);
    const text = article.paragraphs.join('\n\n');
    for (const phrase of CHROME_PHRASES) expect(text).not.toContain(phrase);
  });

  it('falls back to meta author, article:published_time and og:url, and strips the site from <title>', () => {
    const story = readStory(2);
    const html = articlePage({
      story,
      site: 'The Evening Post',
      ogUrl: 'https://post.example/world/search-for-missing',
      meta: { 'og:site_name': 'The Evening Post', author: 'By Tom Hale', 'article:published_time': '2015-11-16T18:05:00Z' },
    });
    const article = extractArticle(html, 'http://127.0.0.1:8080/x');
    expect(article).toMatchObject({
      title: story.title,
      byline: 'Tom Hale',
      published: '2015-11-16',
      url: 'https://post.example/world/search-for-missing',
      outlet: 'The Evening Post',
    });
    expect(article.paragraphs).toEqual(story.paragraphs);
  });

  it("takes the date from a <time datetime>, the byline from the page's byline element, and the page URL when there is no canonical link", () => {
    const story = readStory(3);
    const article = extractArticle(articlePage({ story, site: 'The Morning Ledger', time: '2015-11-14T15:00:00Z' }), 'http://127.0.0.1:8080/y');
    expect(article).toMatchObject({ title: story.title, published: '2015-11-14', url: 'http://127.0.0.1:8080/y', outlet: null, byline: 'Staff Reporter' });
    expect(article.paragraphs.join('\n')).toContain(
      'There were seven coordinated terror attacks in Paris carried out by militants, killing at least 130 people.',
    );
  });

  it('still extracts the text of malformed HTML (unclosed tags, stray end tags, no </html>)', () => {
    const story = readStory(4);
    const html =
      `<html><head><title>${story.title}</title><body><div class=wrap><h1>${story.title}</h1><div id=main>` +
      story.paragraphs.map((p) => `<p>${p}`).join('\n') +
      '</span></div></b><div class="footer">© Someone';
    const article = extractArticle(html, 'http://127.0.0.1:8080/z');
    expect(article.title).toBe(story.title);
    expect(article.paragraphs.join('\n')).toContain(
      'Sirens wailed in half-empty streets as doctors battled to save the most critical cases among more than 200 injured and put out an urgent call for donations of blood and organs.',
    );
  });

  it('throws PAGE_UNUSABLE when a page holds no article text', () => {
    let error: unknown;
    try {
      extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', 'http://127.0.0.1:8080/empty');
    } catch (err) {
      error = err;
    }
    expect(isNewsdeskError(error, 'PAGE_UNUSABLE')).toBe(true);
    expect((error as Error).message).toBe('no article text found in the page');
  });

  const sameAsTextFile = (dir: string, stories: readonly number[]): void => {
    const collapse = (text: string): string =>
      text
        .split('\n\n')
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .join('\n\n');
    for (const n of stories) {
      const story = readStory(n, dir);
      const fromFile = parseArticleBytes('story.txt', fs.readFileSync(storyPath(n, dir))).articles[0]!;
      const page = extractArticle(
        articlePage({ story, site: 'The Daily Courier', meta: { 'og:site_name': 'The Daily Courier' } }),
        `http://127.0.0.1:8080/news/${n}`,
      );
      const fromPage = parseArticleBytes('story.md', new TextEncoder().encode(renderArticleMarkdown(page))).articles[0]!;
      expect({ n, title: fromPage.title, text: fromPage.text }).toEqual({ n, title: fromFile.title, text: collapse(fromFile.text) });
    }
  };

  it('gives every Paris story of the fixtures the same clean text as ingesting its text file (whitespace runs aside), and the same title', () => {
    sameAsTextFile(PARIS, PARIS_STORIES);
  });

  it.skipIf(!HAS_SHARED_CORPORA)('does the same for all 36 stories of the shared Paris corpus', () => {
    sameAsTextFile(
      SHARED_PARIS,
      Array.from({ length: 36 }, (_, i) => i + 1),
    );
  });
});
