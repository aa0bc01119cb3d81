/**
 * Comparing article URLs: the same page reached with or without tracking parameters, a fragment,
 * a trailing slash or "www." is the same article.
 */

/**
 * A comparable form of a URL: scheme-less, host lower case without "www.", no fragment, no utm_*
 * or similar tracking parameters, no trailing slash; the input itself (trimmed) when it is not a URL.
 * @example normalizeUrl('https://www.Example.com/a/?utm_source=rss#top') // 'example.com/a'
 */
export function normalizeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return value.trim();
  }
  const params = [...url.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const host = url.host.toLowerCase().replace(/^www\./, '');
  const pathname = url.pathname.replace(/\/+$/, '');
  return `${host}${pathname}${query}`;
}

const TRACKING = /^(utm_\w+|fbclid|gclid|ocid|cmpid|ref|rss|mc_cid|mc_eid)$/i;
