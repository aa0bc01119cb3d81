import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchText } from '../../src/acquire/fetch-page.ts';
import { redirect, serve, startSite, type TestSite } from './site.ts';

/** The test site is on loopback, which only FETCH_ALLOW_PRIVATE lets a fetch reach. */
const LOCAL = { allowPrivate: true };

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
  site.routes.set('/slow', () => {}); // never answers
  site.routes.set('/page', serve('text/html; charset=utf-8', '<html><body><p>Hello “world”</p></body></html>'));
  site.routes.set('/untyped', (_req, res) => {
    res.writeHead(200);
    res.end('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>');
  });
  site.routes.set('/xml', serve('text/xml', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'));
  site.routes.set('/empty', serve('text/html', ''));
  site.routes.set('/declared-huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10_000_000) });
    res.write('<html>');
  });
  for (let i = 0; i < 4; i++) site.routes.set(`/hop${i}`, redirect(`/hop${i + 1}`));
  site.routes.set('/hop4', serve('text/html', '<html><body>end</body></html>'));
  site.routes.set('/nowhere', (_req, res) => {
    res.writeHead(302);
    res.end();
  });
});
afterAll(() => site.close());

const reasonOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'no error';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('fetchText', () => {
  it('fetches and decodes an HTML page, following redirects within the limit', async () => {
    expect(await fetchText(`${site.base}/page`, LOCAL)).toEqual({
      url: `${site.base}/page`,
      finalUrl: `${site.base}/page`,
      kind: 'html',
      contentType: 'text/html',
      text: '<html><body><p>Hello “world”</p></body></html>',
    });
    expect((await fetchText(`${site.base}/hop0`, LOCAL)).finalUrl).toBe(`${site.base}/hop4`);
  });

  it('tells feeds from pages by content type, or by the first element when there is none', async () => {
    expect((await fetchText(`${site.base}/untyped`, LOCAL)).kind).toBe('feed');
    expect((await fetchText(`${site.base}/xml`, LOCAL)).kind).toBe('feed');
  });

  it('gives a clear reason for each failure', async () => {
    expect(await reasonOf(fetchText(`${site.base}/slow`, { ...LOCAL, timeoutMs: 150 }))).toBe('timed out after 150 ms');
    expect(await reasonOf(fetchText(`${site.base}/hop0`, { ...LOCAL, maxRedirects: 2 }))).toBe('too many redirects (more than 2)');
    expect(await reasonOf(fetchText(`${site.base}/nowhere`, LOCAL))).toBe('HTTP 302 redirect without a Location header');
    expect(await reasonOf(fetchText(`${site.base}/declared-huge`, { ...LOCAL, maxBytes: 1000 }))).toBe('too large (10000000 bytes, limit 1000)');
    expect(await reasonOf(fetchText(`${site.base}/empty`, LOCAL))).toBe('empty response');
    expect(await reasonOf(fetchText('ftp://127.0.0.1/x'))).toBe('unsupported URL scheme ftp: (http and https only)');
    expect(await reasonOf(fetchText('http://'))).toBe('not a valid URL');
    const closed = await startSite();
    await closed.close();
    expect(await reasonOf(fetchText(`${closed.base}/closed`, LOCAL))).toBe('network error (ECONNREFUSED)');
  });
});
