import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { decodeWindows1252 } from '../../src/ingest/decode.ts';
import { CORPORA, decodeFile } from '../ingest/helpers.ts';

/**
 * A small news site on loopback for ingestion tests: real article text from the Paris corpus
 * (Windows-1252 files) wrapped in realistic page chrome, an RSS 2.0 and an Atom feed linking to the
 * pages, and the failure cases (malformed HTML, 404, 500, a redirect loop, a huge page, non-HTML).
 */

/** Eight stories of the Paris corpus (Windows-1252, CRLF), kept in their original bytes in the fixtures. */
export const PARIS = path.resolve(import.meta.dirname, '..', 'fixtures', 'paris-excerpt');
/** The numbers of the stories in {@link PARIS}. */
export const PARIS_STORIES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** The whole Paris corpus (36 stories), when the shared corpora are beside the project. */
export const SHARED_PARIS = path.join(CORPORA, 'paris-attacks-2015');

/** A story read from the shared corpus: first line the headline, the other lines paragraphs. */
export interface Story {
  title: string;
  paragraphs: string[];
}

/** Reads story `n` of the Paris corpus ("ParisAttacks2015 (n).txt"), decoded. */
export function readStory(n: number, dir: string = PARIS): Story {
  const lines = decodeFile(storyPath(n, dir))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return { title: lines[0]!, paragraphs: lines.slice(1) };
}

/** Path of story `n` of the Paris corpus. */
export function storyPath(n: number, dir: string = PARIS): string {
  return path.join(dir, `ParisAttacks2015 (${n}).txt`);
}

/** Chrome phrases that must never reach an ingested article. */
export const CHROME_PHRASES = [
  'We use cookies to improve your experience',
  'Accept all cookies',
  'Weather & Traffic',
  'Related stories',
  'Markets rally as central bank holds interest rates steady',
  'Local football club unveils plans for a new stadium',
  'Share on Facebook',
  'Registered in England and Wales',
  'Subscribe to our newsletter',
  'Flowers left outside the venue',
  'Morning Briefing',
  "get the day's top stories in your inbox",
  'Read more:',
];

/** Chrome inside the article body, after its third paragraph: a newsletter box, an advert, a read-more link. */
const IN_ARTICLE_CHROME = `
<div class="newsletter-signup"><h3>Morning Briefing</h3><p>Subscribe to our newsletter and get the day's top stories in your inbox.</p><form><input type="email"><button>Sign up</button></form></div>
<div class="advert" aria-hidden="true">Advertisement</div>
<p class="read-more"><strong>Read more:</strong> <a href="/business/markets">Markets rally as central bank holds interest rates steady for a third month</a></p>`;

/** Options of one article page. */
export interface PageOptions {
  story: Story;
  site: string;
  canonical?: string;
  ogUrl?: string;
  jsonLd?: Record<string, unknown>;
  meta?: Record<string, string>;
  time?: string;
}

/** An article page: the story's paragraphs inside nav, header, cookie banner, related links, footer and scripts. */
export function articlePage(o: PageOptions): string {
  const metas = Object.entries(o.meta ?? {})
    .map(([k, v]) => (k.includes(':') ? `<meta property="${k}" content="${esc(v)}">` : `<meta name="${k}" content="${esc(v)}">`))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${esc(o.story.title)} | ${esc(o.site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${metas}
${o.canonical ? `<link rel="canonical" href="${esc(o.canonical)}">` : ''}
${o.ogUrl ? `<meta property="og:url" content="${esc(o.ogUrl)}">` : ''}
${o.jsonLd ? `<script type="application/ld+json">${JSON.stringify(o.jsonLd)}</script>` : ''}
<script>window.dataLayer = window.dataLayer || []; function promo() { return "Subscribe to our newsletter for the morning briefing"; }</script>
<style>.site-header { background: #fff; } .cookie-banner { position: fixed; bottom: 0; }</style>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience on our site and to show you relevant advertising. By continuing to browse you agree to our use of cookies.</p><button>Accept all cookies</button></div>
<header class="site-header"><a class="logo" href="/">${esc(o.site)}</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li><li><a href="/business">Business</a></li><li><a href="/weather">Weather &amp; Traffic</a></li></ul></nav></header>
<main id="content">
<article class="story">
<header><h1 class="headline">${esc(o.story.title)}</h1><p class="byline">By Staff Reporter</p>${o.time ? `<time datetime="${o.time}">${o.time}</time>` : ''}</header>
<figure class="lead-image"><img src="/img/lead.jpg" alt=""><figcaption>Flowers left outside the venue on Saturday morning. Photograph: Agency</figcaption></figure>
<div class="story-body">
${o.story.paragraphs.map((p, i) => `<p>${esc(p)}</p>${i === 2 ? IN_ARTICLE_CHROME : ''}`).join('\n')}
</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
</article>
<aside class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/business/markets">Markets rally as central bank holds interest rates steady for a third month</a></li>
<li><a href="/sport/stadium">Local football club unveils plans for a new stadium on the edge of town</a></li>
</ul></aside>
</main>
<footer class="site-footer"><p>© 2015 ${esc(o.site)} Media Group Limited. Registered in England and Wales. All rights reserved.</p>
<p><a href="/terms">Terms</a> · <a href="/privacy">Privacy</a> · <a href="/contact">Contact us</a></p></footer>
<script src="/static/app.js" async></script>
</body></html>`;
}

/** One route of the test site. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A loopback HTTP server; `close()` when done. */
export interface TestSite {
  base: string;
  routes: Map<string, Route>;
  /** Bytes the huge page sent before the client went away. */
  hugeSent: () => number;
  close(): Promise<void>;
}

/** Size of the huge page, were it sent whole. */
export const HUGE_BYTES = 50 * 1024 * 1024;

/** Starts the site on 127.0.0.1 on a random port. */
export async function startSite(): Promise<TestSite> {
  const routes = new Map<string, Route>();
  let hugeSent = 0;
  const server = http.createServer((req, res) => {
    const route = routes.get((req.url ?? '/').split('?')[0]!);
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><h1>Page not found</h1></body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set('/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const chunk = Buffer.from(`<p>${'The shutters were down in shops and businesses across central Paris. '.repeat(900)}</p>\n`);
    let closed = false;
    res.on('close', () => (closed = true));
    const pump = (): void => {
      while (!closed && hugeSent < HUGE_BYTES) {
        hugeSent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!closed) res.end();
    };
    res.write('<!DOCTYPE html><html><body>');
    pump();
  });
  return {
    base,
    routes,
    hugeSent: () => hugeSent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves a fixed body with a content type. */
export function serve(contentType: string, body: string | Uint8Array, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  };
}

/** Redirects to another path. */
export function redirect(to: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}

/** An RSS 2.0 feed of links. */
export function rssFeed(title: string, items: { title: string; link: string; date?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>${esc(title)}</title><link>https://example.invalid/</link><description>Latest news</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.link)}#guid</guid>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description><![CDATA[<p>${esc(i.title)}</p>]]></description></item>`).join('\n')}
</channel></rss>`;
}

/** An Atom feed of links. */
export function atomFeed(title: string, items: { title: string; link: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:feed</id><updated>2015-11-20T12:00:00Z</updated>
${items.map((i, n) => `<entry><title>${esc(i.title)}</title><id>urn:test:${n}</id><link rel="self" href="/entries/${n}.xml"/><link rel="alternate" type="text/html" href="${esc(i.link)}"/><updated>2015-11-20T12:00:00Z</updated></entry>`).join('\n')}
</feed>`;
}

/** HTML/XML escaping of text. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The raw bytes of a corpus file (for pages served in Windows-1252). */
function storyBytes(n: number): Buffer {
  return fs.readFileSync(storyPath(n));
}

/** Encodes text as Windows-1252 (characters outside it become "?"). */
export function encodeWindows1252(text: string): Buffer {
  const reverse = new Map<number, number>();
  const all = new Uint8Array(256).map((_, i) => i);
  [...decodeWindows1252(all)].forEach((ch, i) => reverse.set(ch.codePointAt(0)!, i));
  return Buffer.from([...text].map((ch) => reverse.get(ch.codePointAt(0)!) ?? 0x3f));
}
