import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/acquire/feed.ts';
import { atomFeed, rssFeed } from './site.ts';

const BASE = 'http://127.0.0.1:8080/feeds/world.xml';

describe('parseFeed', () => {
  it('reads RSS 2.0 item links, resolving relative ones and dropping repeats', () => {
    const xml = rssFeed('World & Europe', [
      { title: 'One', link: 'http://127.0.0.1:8080/a' },
      { title: 'Two', link: '/b' },
      { title: 'One again', link: 'http://127.0.0.1:8080/a' },
    ]);
    expect(parseFeed(xml, BASE)).toEqual({
      title: 'World & Europe',
      items: [
        { title: 'One', link: 'http://127.0.0.1:8080/a' },
        { title: 'Two', link: 'http://127.0.0.1:8080/b' },
      ],
    });
  });

  it('falls back to a permalink guid when an RSS item has no link', () => {
    const xml =
      '<rss version="2.0"><channel><title>T</title><item><title>G</title><guid>https://news.test/g</guid></item><item><title>No link</title><guid isPermaLink="false">x1</guid></item></channel></rss>';
    expect(parseFeed(xml, BASE).items).toEqual([{ title: 'G', link: 'https://news.test/g' }]);
  });

  it('reads Atom entries by their alternate link, and RSS 1.0 (RDF) items', () => {
    expect(parseFeed(atomFeed('Ledger', [{ title: 'E', link: '/e' }]), BASE)).toEqual({
      title: 'Ledger',
      items: [{ title: 'E', link: 'http://127.0.0.1:8080/e' }],
    });
    const rdf =
      '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item><title>I</title><link>https://news.test/i</link></item></rdf:RDF>';
    expect(parseFeed(rdf, BASE)).toEqual({ title: 'R', items: [{ title: 'I', link: 'https://news.test/i' }] });
  });

  it('rejects malformed XML and XML that is not a feed', () => {
    expect(() => parseFeed('<rss><channel><item></channel>', BASE)).toThrow(/^malformed feed XML \(line 1: /);
    expect(() => parseFeed('<html><body>hi</body></html>', BASE)).toThrow('not an RSS or Atom feed');
  });
});
