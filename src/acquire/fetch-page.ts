import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Config } from '../config.ts';
import { NewsdeskError } from '../errors.ts';
import { AddressRefusedError, addressRefusal, checkedLookup } from './safe-address.ts';
import { decodeText, decodeWindows1252 } from '../ingest/decode.ts';

/**
 * Fetching web pages and feeds for ingestion with undici's fetch (Node's own, as a package, for its
 * connection options), within limits: only public addresses (checked before connecting, on every
 * redirect hop, see safe-address.ts), a timeout for the whole
 * exchange, a size limit enforced while the body streams in (the download is aborted past it),
 * redirects followed by hand with a limit and loop detection, and a content-type check so that images,
 * PDFs and other non-text responses are refused with a clear reason.
 */

/** Limits of {@link fetchText}. */
export interface FetchLimits {
  /** Milliseconds for the whole request, body included. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  /** Redirects followed before giving up. */
  maxRedirects?: number;
  /** User-Agent header sent. */
  userAgent?: string;
  /** Fetch from loopback, private and other internal addresses too (FETCH_ALLOW_PRIVATE; tests). */
  allowPrivate?: boolean;
}

/** Default fetch limits. */
const FETCH_DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'newsdesk/0.1 (article ingestion)',
  allowPrivate: false,
} as const satisfies Required<FetchLimits>;

/** The fetch limits a configuration sets (ingest and the feed poller use the same). */
export function fetchLimitsOf(config: Pick<Config, 'FETCH_TIMEOUT_MS' | 'FETCH_MAX_BYTES' | 'FETCH_ALLOW_PRIVATE'>): FetchLimits {
  return { timeoutMs: config.FETCH_TIMEOUT_MS, maxBytes: config.FETCH_MAX_BYTES, allowPrivate: config.FETCH_ALLOW_PRIVATE };
}

/** One connection pool per policy; each resolves hosts through the address check. */
const agents = new Map<boolean, Agent>();

function agentFor(allowPrivate: boolean): Agent {
  let agent = agents.get(allowPrivate);
  if (!agent) {
    agent = new Agent({ connect: { lookup: checkedLookup(allowPrivate) } });
    agents.set(allowPrivate, agent);
  }
  return agent;
}

/** What kind of document a response holds. */
type FetchedKind = 'html' | 'feed';

/** A fetched text document. */
export interface FetchedText {
  /** The URL asked for. */
  url: string;
  /** The URL the document came from after redirects. */
  finalUrl: string;
  kind: FetchedKind;
  /** Media type from Content-Type (lower case, no parameters), or '' when the server sent none. */
  contentType: string;
  text: string;
}

/**
 * Fetches a web page or feed and decodes it.
 * @param url - an http(s) URL
 * @param limits - timeout, size and redirect limits (merged with {@link FETCH_DEFAULTS})
 * @param fetchImpl - the fetch function (tests may pass another)
 * @throws NewsdeskError FETCH_FAILED whose message is the reason: a bad URL, an HTTP error status,
 *   a redirect loop or too many redirects, a timeout, a body over the size limit, a non-HTML/XML
 *   content type, or a network error
 * @example const page = await fetchText('https://example.com/news/story', { timeoutMs: 5000 })
 */
export async function fetchText(url: string, limits: FetchLimits = {}, fetchImpl: typeof fetch = undiciFetch as unknown as typeof fetch): Promise<FetchedText> {
  const opts = { ...FETCH_DEFAULTS, ...limits };
  let current = parseHttpUrl(url);
  const visited = [current.href];
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const dispatcher = agentFor(opts.allowPrivate);
  try {
    for (let hop = 0; ; hop++) {
      // Every hop is checked: an address written in the URL here, a name when the socket resolves it.
      refuseLiteralAddress(current, opts.allowPrivate);
      const response = await fetchImpl(current.href, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': opts.userAgent, accept: ACCEPT },
        dispatcher,
      } as RequestInit);
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) throw fetchError(`HTTP ${response.status} redirect without a Location header`);
        const next = parseHttpUrl(new URL(location, current).href);
        if (visited.includes(next.href)) throw fetchError(`redirect loop (${[...visited, next.href].join(' → ')})`);
        if (hop + 1 > opts.maxRedirects) throw fetchError(`too many redirects (more than ${opts.maxRedirects})`);
        visited.push(next.href);
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw fetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const header = response.headers.get('content-type') ?? '';
      const contentType = (header.split(';')[0] ?? '').trim().toLowerCase();
      if (contentType !== '' && kindOf(contentType) === null) {
        await response.body?.cancel().catch(() => {});
        throw fetchError(`not an HTML page or a feed (content type ${contentType})`);
      }
      const bytes = await readLimited(response, opts.maxBytes);
      if (bytes.length === 0) throw fetchError('empty response');
      const text = decodeBody(bytes, charsetOf(header));
      if (text === null) throw fetchError('not an HTML page or a feed (binary content)');
      const kind = kindOf(contentType) ?? sniffKind(text);
      if (kind === null) throw fetchError('not an HTML page or a feed (no content type, and the content is neither)');
      return { url, finalUrl: current.href, kind: kind === 'xml' ? (sniffKind(text) ?? 'feed') : kind, contentType, text };
    }
  } catch (err) {
    if (err instanceof NewsdeskError) throw err;
    const e = err as Error;
    if (e.name === 'TimeoutError' || (e.name === 'AbortError' && signal.aborted)) {
      throw fetchError(`timed out after ${opts.timeoutMs} ms`, err);
    }
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    if (cause instanceof AddressRefusedError) throw fetchError(`refused: ${cause.message}`, err);
    throw fetchError(`network error (${cause?.code ?? cause?.message ?? e.message})`, err);
  }
}

/** A URL whose host is an IP address is checked before any request (no lookup happens for it). */
function refuseLiteralAddress(url: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(host)) return;
  const refusal = addressRefusal(host);
  if (refusal) throw fetchError(`refused: ${host} is ${refusal}; fetching internal hosts needs FETCH_ALLOW_PRIVATE=true`);
}

/** The media types accepted, as sent in the Accept header. */
const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9';

/** A NewsdeskError FETCH_FAILED whose message is the reason. */
function fetchError(reason: string, cause?: unknown): NewsdeskError {
  return new NewsdeskError(reason, 'FETCH_FAILED', cause);
}

function parseHttpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fetchError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fetchError(`unsupported URL scheme ${url.protocol} (http and https only)`);
  url.hash = '';
  return url;
}

/** 'html', 'feed' or 'xml' (an XML type that may be either) for a media type; null for anything else. */
function kindOf(contentType: string): FetchedKind | 'xml' | null {
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return 'html';
  if (/^application\/(rss|atom|rdf)\+xml$/.test(contentType)) return 'feed';
  if (contentType === 'application/xml' || contentType === 'text/xml') return 'xml';
  if (contentType === '') return null;
  return null;
}

/** Tells a feed from an HTML page by its first element. */
function sniffKind(text: string): FetchedKind | null {
  const head = text
    .slice(0, 2048)
    .replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  if (/^<(rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
  if (/^<(html|head|body|!doctype)\b/i.test(text.slice(0, 2048).trimStart()) || /<html\b/i.test(head)) return 'html';
  return null;
}

/** Reads a response body, aborting the download as soon as it exceeds `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw fetchError(`too large (${declared} bytes, limit ${maxBytes})`);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw fetchError(`too large (more than ${maxBytes} bytes; download stopped)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function charsetOf(contentTypeHeader: string): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentTypeHeader);
  return m ? m[1]!.toLowerCase() : null;
}

/** Decodes with the declared charset (or a <meta charset>), else as ingestion decodes files. Null for binary. */
function decodeBody(bytes: Uint8Array, declared: string | null): string | null {
  const charset = declared ?? metaCharset(bytes);
  if (charset && WINDOWS_1252.has(charset)) return decodeWindows1252(bytes);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // an unknown label: fall through to detection
    }
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? decoded.text : null;
}

const WINDOWS_1252 = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii']);

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}
