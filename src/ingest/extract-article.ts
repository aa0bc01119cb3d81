import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { NewsdeskError } from '../errors.ts';

/**
 * Extracts the article from a web page: Mozilla Readability over a linkedom document finds the body;
 * the metadata comes from the page's own tags (Open Graph, article:*, JSON-LD, <link rel=canonical>,
 * <time>). Body paragraphs are the page's text verbatim (whitespace collapsed), so that citations of
 * an ingested page quote what the page says.
 */

/** What a page says about its article, and the article's paragraphs. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO date `YYYY-MM-DD`, or null when the page gives none. */
  published: string | null;
  /** The canonical URL (rel=canonical, og:url), else the URL the page was fetched from. */
  url: string;
  /** The site name (og:site_name, JSON-LD publisher), or null. */
  outlet: string | null;
  /** Body paragraphs in order, verbatim, the headline not repeated. */
  paragraphs: string[];
}

/**
 * Extracts an article from HTML. Malformed HTML is parsed leniently; whatever text is there is used.
 * @param html - the page's markup
 * @param pageUrl - the URL it was fetched from (relative links resolve against it)
 * @throws NewsdeskError PAGE_UNUSABLE when the page holds no article text
 * @example extractArticle(html, 'https://example.com/a').title // 'Paris attacks death toll rises to 130'
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const doc = document as unknown as Doc;
  const meta = readMetadata(doc, pageUrl);
  removeChrome(doc);
  let paragraphs: string[] = [];
  let readable: ReturnType<Readability<El>['parse']> = null;
  try {
    readable = new Readability<El>(document as never, { serializer: (node) => node as unknown as El, charThreshold: 200 }).parse();
  } catch {
    readable = null; // Readability gives up on some broken documents: fall back to the page's paragraphs
  }
  if (readable?.content) paragraphs = blockTexts(readable.content);
  if (wordsIn(paragraphs) < 20) paragraphs = fallbackParagraphs(parseHTML(html).document as unknown as Doc);
  const title = cleanTitle(meta.title ?? clean(readable?.title) ?? firstText(doc, 'h1') ?? clean(doc.title), meta.outlet ?? clean(readable?.siteName));
  paragraphs = dropHeadline(paragraphs, title);
  if (paragraphs.length === 0) throw new NewsdeskError('no article text found in the page', 'PAGE_UNUSABLE');
  return {
    title,
    byline: meta.byline ?? cleanByline(readable?.byline),
    published: meta.published ?? isoDate(readable?.publishedTime),
    url: meta.url,
    outlet: meta.outlet ?? clean(readable?.siteName),
    paragraphs,
  };
}

/** The DOM surface used here (linkedom implements it). */
interface El {
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<Nd>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
}
interface Nd {
  nodeType: number;
  textContent: string | null;
}
interface Doc {
  title: string;
  body: El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  url: string;
  outlet: string | null;
}

function readMetadata(doc: Doc, pageUrl: string): PageMetadata {
  const ld = jsonLdArticle(doc);
  const metaContent = (...names: string[]): string | null => {
    for (const name of names) {
      const el = doc.querySelector(`meta[property="${name}"]`) ?? doc.querySelector(`meta[name="${name}"]`) ?? doc.querySelector(`meta[itemprop="${name}"]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const timeEl = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const published =
    isoDate(
      metaContent(
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'DC.date.issued',
        'parsely-pub-date',
      ),
    ) ??
    isoDate(ld.datePublished) ??
    isoDate(timeEl?.getAttribute('datetime'));
  const canonical =
    absoluteHttpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl) ?? absoluteHttpUrl(metaContent('og:url'), pageUrl);
  return {
    title: metaContent('og:title') ?? ld.headline ?? metaContent('twitter:title'),
    byline: ld.author ?? cleanByline(metaContent('author', 'article:author', 'byl', 'parsely-author')),
    published,
    url: canonical ?? pageUrl,
    outlet: metaContent('og:site_name') ?? ld.publisher ?? metaContent('application-name'),
  };
}

/** headline, datePublished, author and publisher names from the page's JSON-LD article object. */
function jsonLdArticle(doc: Doc): { headline: string | null; datePublished: string | null; author: string | null; publisher: string | null } {
  const out = { headline: null as string | null, datePublished: null as string | null, author: null as string | null, publisher: null as string | null };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const objects: Record<string, unknown>[] = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        objects.push(o);
        if (o['@graph']) collect(o['@graph']);
      }
    };
    collect(data);
    const article = objects.find((o) => /Article|Posting|Report/.test(String(o['@type'] ?? ''))) ?? objects.find((o) => 'datePublished' in o);
    if (!article) continue;
    const names = (v: unknown): string | null => {
      const list = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x as { name?: unknown }).name : null));
      const strings = list.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
      return strings.length ? strings.join(', ') : null;
    };
    out.headline ??= typeof article.headline === 'string' ? clean(article.headline) : null;
    out.datePublished ??= typeof article.datePublished === 'string' ? article.datePublished : null;
    out.author ??= names(article.author);
    out.publisher ??= names(article.publisher);
  }
  return out;
}

/** Page chrome that Readability may keep: navigation, asides, forms, dialogs, cookie and newsletter boxes. */
function removeChrome(doc: Doc): void {
  const selectors =
    'script, style, noscript, template, nav, aside, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="dialog"], [aria-modal="true"], body > footer, body > header';
  for (const el of Array.from(doc.querySelectorAll(selectors))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME_LABEL.test(label) && (el.textContent ?? '').length < 1500) el.remove();
  }
}

const CHROME_LABEL = /cookie|consent|gdpr|newsletter|subscribe|signup|sign-up|paywall|share-?bar|social|related|breadcrumb|promo|advert/i;

/** Elements whose text makes its own paragraph. */
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'HEADER',
  'FOOTER',
  'BR',
  'HR',
]);
/** Elements whose text is not article text. */
const SKIP = new Set(['FIGURE', 'FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'BUTTON', 'SVG', 'IFRAME', 'SELECT', 'TEXTAREA']);

/**
 * The text of every block of an element, in document order, whitespace collapsed. A short block that
 * is mostly link text ("Read more: <a>another story</a>") is navigation, not article text: left out.
 */
function blockTexts(root: El): string[] {
  const out: string[] = [];
  let buffer = '';
  let linkChars = 0;
  const flush = (): void => {
    const text = clean(buffer);
    const linkShare = buffer.length ? linkChars / buffer.replace(/\s+/g, '').length : 0;
    if (text && !(linkShare >= 0.5 && text.split(' ').length <= MAX_LINK_BLOCK_WORDS)) out.push(text);
    buffer = '';
    linkChars = 0;
  };
  const walk = (node: Nd, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      buffer += text;
      if (inLink) linkChars += text.replace(/\s+/g, '').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as unknown as El;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child, inLink || tag === 'A');
    if (block) flush();
  };
  walk(root as unknown as Nd, false);
  flush();
  return out;
}

/** Blocks of at most this many words that are mostly link text are left out. */
const MAX_LINK_BLOCK_WORDS = 30;

/** When Readability finds nothing: every paragraph element of the page (malformed pages). */
function fallbackParagraphs(doc: Doc): string[] {
  removeChrome(doc);
  return Array.from(doc.querySelectorAll('p'))
    .map((p) => clean(p.textContent))
    .filter((t): t is string => t !== null && t.split(' ').length >= 5);
}

function dropHeadline(paragraphs: string[], title: string | null): string[] {
  if (title === null) return paragraphs;
  const norm = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const i = paragraphs.findIndex((p) => norm(p) === norm(title));
  return i >= 0 && i < 3 ? paragraphs.filter((_, j) => j !== i) : paragraphs;
}

/** "Story headline | Site" → "Story headline" when the suffix names the site. */
function cleanTitle(title: string | null, site: string | null): string | null {
  if (title === null || site === null) return title;
  const m = /^(.+?)\s+[|–—-]\s+(.+)$/.exec(title);
  return m && m[2]!.toLowerCase() === site.toLowerCase() ? m[1]! : title;
}

function cleanByline(value: string | null | undefined): string | null {
  const t = clean(value);
  return t ? t.replace(/^by\s+/i, '') : null;
}

function firstText(doc: Doc, selector: string): string | null {
  return clean(doc.querySelector(selector)?.textContent);
}

function wordsIn(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.split(' ').length, 0);
}

/** An ISO date `YYYY-MM-DD` from a date or timestamp string, or null. */
function isoDate(value: string | null | undefined): string | null {
  const t = clean(value);
  if (!t) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(t);
  if (iso) return iso[1]!;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  const t = clean(value);
  if (!t) return null;
  try {
    const url = new URL(t, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}
