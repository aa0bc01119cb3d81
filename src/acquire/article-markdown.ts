import { stringify } from 'yaml';
import type { ExtractedArticle } from '../ingest/extract-article.ts';

/**
 * Writes an extracted web article as the Markdown file ingestion reads back: YAML front matter
 * (title, outlet, byline, published, url) and the body paragraphs verbatim, one per paragraph.
 */

/**
 * Renders an extracted article as Markdown with YAML front matter; null fields are left out.
 * @example renderArticleMarkdown({ title: 'T', outlet: null, byline: null, published: '2015-11-20', url: 'https://x.test/a', paragraphs: ['P one.'] })
 *   // '---\ntitle: T\npublished: 2015-11-20\nurl: https://x.test/a\n---\n\nP one.\n'
 */
export function renderArticleMarkdown(article: ExtractedArticle): string {
  const front: Record<string, string> = {};
  for (const key of ['title', 'outlet', 'byline', 'published', 'url'] as const) {
    const value = article[key];
    if (value !== null) front[key] = value;
  }
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${article.paragraphs.join('\n\n')}\n`;
}

/**
 * A file name for a web article: the site's host and the headline as a slug.
 * @example articleFileName({ title: 'Paris toll rises to 130', url: 'https://news.example.com/x' }) // 'news.example.com-paris-toll-rises-to-130.md'
 */
export function articleFileName(article: Pick<ExtractedArticle, 'title' | 'url'>): string {
  let host = 'web';
  let pathPart = '';
  try {
    const u = new URL(article.url);
    host = u.host.replace(/:/g, '_');
    pathPart = u.pathname;
  } catch {
    // keep the defaults
  }
  const words = slug(article.title ?? '') || slug(pathPart) || 'article';
  return `${host}-${words}.md`;
}

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.length <= 70 ? s : s.slice(0, 70).replace(/-[^-]*$/, '');
}
