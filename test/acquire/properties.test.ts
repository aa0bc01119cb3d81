import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpusFile } from '../../src/acquire/corpus-writer.ts';
import { duplicateGroups, jaccard, shingles } from '../../src/index/duplicates.ts';
import { extractArticle } from '../../src/ingest/extract-article.ts';
import { parseFeed } from '../../src/acquire/feed.ts';
import { normalizeUrl } from '../../src/text/urls.ts';
import { isNewsdeskError } from '../../src/errors.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { makeTmp, removeTmp } from '../ingest/helpers.ts';
import { readStory } from './site.ts';

/** Markup-like strings: tags, attributes, entities and text in any order, often unbalanced. */
const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<div class="x">',
        '</div>',
        '<article>',
        '<h1>',
        '</h1>',
        '<script>',
        '</script>',
        '<!--',
        '-->',
        '<br>',
        '&amp;',
        '&#x1F600;',
        '<meta property="og:title" content="',
        '">',
        '<',
        '>',
        '"',
        "'",
        '<time datetime="',
        '<link rel="canonical" href="',
        '<script type="application/ld+json">{',
        '}',
      ),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        'The death toll from the attacks in Paris last Friday has risen to 130. ',
        'Police in France have carried out 793 raids since last week. ',
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('reading outside input never fails unexpectedly', () => {
  it('extractArticle returns paragraphs or throws PAGE_UNUSABLE on any markup', () => {
    fc.assert(
      fc.property(markup, (html) => {
        try {
          const a = extractArticle(html, 'http://127.0.0.1:8080/p');
          expect(a.paragraphs.length).toBeGreaterThan(0);
          for (const p of a.paragraphs) expect(p).toBe(p.replace(/\s+/g, ' ').trim());
        } catch (err) {
          if (!isNewsdeskError(err, 'PAGE_UNUSABLE')) throw err;
        }
      }),
      { numRuns: 150, seed: 515 },
    );
  });

  it('parseFeed returns http(s) links or throws PAGE_UNUSABLE on any text', () => {
    const feedish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '<rss>',
            '<channel>',
            '<item>',
            '<link>',
            '</link>',
            '</item>',
            '</channel>',
            '</rss>',
            '<feed>',
            '<entry>',
            '<link href="/a"/>',
            '</entry>',
            '</feed>',
            '<![CDATA[',
            ']]>',
            '&lt;',
          ),
          fc.string({ maxLength: 20 }),
        ),
        { maxLength: 40 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(feedish, (xml) => {
        try {
          for (const item of parseFeed(xml, 'http://127.0.0.1:8080/feed').items) expect(item.link).toMatch(/^https?:\/\//);
        } catch (err) {
          if (!isNewsdeskError(err, 'PAGE_UNUSABLE')) throw err;
        }
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  it('normalizeUrl never throws and is idempotent for URLs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (u) => {
        const once = normalizeUrl(u);
        expect(typeof once).toBe('string');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), (u) => {
        expect(normalizeUrl(`https://${normalizeUrl(u)}`)).toBe(normalizeUrl(u));
      }),
      { numRuns: 200 },
    );
  });

  it('jaccard of shingles is symmetric, within [0, 1], and 1 for a text with itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const sa = shingles(a);
        const sb = shingles(b);
        const j = jaccard(sa, sb);
        expect(j).toBe(jaccard(sb, sa));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        if (sa.length) expect(jaccard(sa, sa)).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('duplicateGroups maps every member to a canonical member that maps to itself', () => {
    const paragraphs = readStory(1).paragraphs;
    fc.assert(
      fc.property(fc.array(fc.subarray(paragraphs, { minLength: 1 }), { minLength: 1, maxLength: 6 }), (texts) => {
        const index = new CorpusIndex();
        texts.forEach((ps, i) =>
          index.addArticle({
            id: `a${i}`,
            file: `a${i}`,
            title: 't',
            titleDerived: false,
            outlet: null,
            byline: null,
            published: null,
            url: null,
            text: ps.join('\n\n'),
            hash: `${i}`,
          }),
        );
        const groups = duplicateGroups(index);
        for (const [id, canonical] of groups) {
          expect(groups.get(canonical)).toBe(canonical);
          if (id !== canonical) expect(jaccard(shingles(index.articles.get(id)!.text), shingles(index.articles.get(canonical)!.text))).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('writeCorpusFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTmp();
  });
  afterAll(() => removeTmp(dir));

  it('never overwrites a different file and never copies identical bytes twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a.txt', 'b.md', 'sub/c.txt'), fc.constantFrom('one', 'two', 'three')), { minLength: 1, maxLength: 12 }),
        (writes) => {
          const root = fs.mkdtempSync(path.join(dir, 'w-'));
          const written = new Map<string, string>();
          for (const [name, body] of writes) {
            const placed = writeCorpusFile(root, name, Buffer.from(body));
            const before = written.get(placed.file);
            if (placed.status === 'present') expect(before).toBe(body);
            else expect(before).toBeUndefined();
            written.set(placed.file, body);
          }
          for (const [file, body] of written) expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(body);
          const distinct = new Set(writes.map(([n, b]) => `${n}\u0000${b}`));
          expect(written.size).toBe(distinct.size);
        },
      ),
      { numRuns: 60 },
    );
  });
});
