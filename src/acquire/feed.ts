import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NewsdeskError } from '../errors.ts';

/**
 * Reading RSS 2.0, RSS 1.0 (RDF) and Atom feeds with fast-xml-parser: the feed's title and, for
 * each item, the link to its article page.
 */

/** One entry of a feed. */
interface FeedItem {
  title: string | null;
  /** Absolute URL of the item's page. */
  link: string;
}

/** A parsed feed. */
export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/**
 * Parses a feed document.
 * @param xml - the feed's text
 * @param feedUrl - where it came from (relative links resolve against it)
 * @throws NewsdeskError PAGE_UNUSABLE when the XML is malformed or is not RSS or Atom
 * @example parseFeed('<rss><channel><item><link>https://x.test/a</link></item></channel></rss>', 'https://x.test/feed').items[0].link // 'https://x.test/a'
 */
export function parseFeed(xml: string, feedUrl: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new NewsdeskError(`malformed feed XML (line ${valid.err.line}: ${valid.err.msg})`, 'PAGE_UNUSABLE');
  let doc: Record<string, unknown>;
  try {
    doc = PARSER.parse(xml) as Record<string, unknown>;
  } catch (err) {
    throw new NewsdeskError(`malformed feed XML (${(err as Error).message})`, 'PAGE_UNUSABLE', err);
  }
  const rss = obj(doc.rss);
  const rdf = obj(doc['rdf:RDF']);
  const atom = obj(doc.feed);
  if (rss || rdf) {
    const channel = obj(rss?.channel) ?? obj(rdf?.channel);
    const rawItems = list(rss ? obj(rss.channel)?.item : rdf?.item);
    const items = rawItems.map((it) => {
      const o = obj(it) ?? {};
      const guid = obj(o.guid);
      const permalink = guid && guid['@_isPermaLink'] !== 'false' ? text(guid) : typeof o.guid === 'string' ? o.guid : null;
      return { title: text(o.title), link: absolute(text(o.link) ?? permalink, feedUrl) };
    });
    return { title: text(channel?.title), items: keepLinked(items) };
  }
  if (atom) {
    const items = list(atom.entry).map((e) => {
      const o = obj(e) ?? {};
      const links = list(o.link).map((l) => obj(l) ?? {});
      const link =
        links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate' && (l['@_type'] === undefined || /html/.test(String(l['@_type'])))) ?? links[0];
      return { title: text(o.title), link: absolute(typeof link?.['@_href'] === 'string' ? link['@_href'] : null, feedUrl) };
    });
    return { title: text(atom.title), items: keepLinked(items) };
  }
  throw new NewsdeskError('not an RSS or Atom feed', 'PAGE_UNUSABLE');
}

const PARSER = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', parseTagValue: false, trimValues: true });

function obj(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** The text of an element that may carry attributes ({ '#text': … }). */
function text(v: unknown): string | null {
  const raw = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : typeof obj(v)?.['#text'] === 'string' ? (obj(v)!['#text'] as string) : null;
  const t = raw?.replace(/\s+/g, ' ').trim() ?? '';
  return t === '' ? null : t;
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function keepLinked(items: { title: string | null; link: string | null }[]): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const it of items) {
    if (it.link === null || seen.has(it.link)) continue;
    seen.add(it.link);
    out.push({ title: it.title, link: it.link });
  }
  return out;
}
