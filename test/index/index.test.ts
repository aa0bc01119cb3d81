import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.ts';
import { parseArticleFile } from '../../src/ingest/formats.ts';
import { analyzeTerm, analyzeText, tokenize } from '../../src/index/analyzer.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { loadSnapshot, saveSnapshot, snapshotPath, SNAPSHOT_VERSION } from '../../src/index/snapshot.ts';
import { DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';

const corpusArticles = readCorpus(DEFAULT_CORPUS).articles;
function buildIndex(): CorpusIndex {
  const index = new CorpusIndex();
  index.addArticles(corpusArticles);
  return index;
}
const hitSummary = (index: CorpusIndex, query: string, limit = 3) =>
  index.search(query, { limit }).map((h) => [h.article.id.slice(0, 3), h.passage.ordinal, h.terms]);

describe('analyzer', () => {
  it('lower-cases, drops stop words and possessives, and stems', () => {
    expect(analyzeText("Who requested the call? Russia's Kremlin warned Putin’s aides were meeting.")).toEqual([
      'request',
      'call',
      'russia',
      'kremlin',
      'warn',
      'putin',
      'aid',
      'meet',
    ]);
  });

  it('folds accents so that Ordoñez matches Ordonez', () => {
    expect(analyzeTerm('Ordoñez')).toBe(analyzeTerm('Ordonez'));
    expect(analyzeTerm('François')).toBe('francoi');
  });

  it('keeps numbers as they are and drops lone stop words', () => {
    expect(analyzeTerm('100')).toBe('100');
    expect(analyzeTerm('The')).toBeNull();
    expect([analyzeTerm("might've"), analyzeTerm('who’d'), analyzeTerm("Blair's")]).toEqual([null, null, 'blair']);
  });

  it('drops contractions as written, with either apostrophe', () => {
    expect(["he'll", 'doesn’t', "didn't", 'Hell'].map(analyzeTerm)).toEqual([null, null, null, 'hell']);
  });

  it('splits tokens on punctuation but keeps inner apostrophes', () => {
    expect(tokenize('U.S.-Russia talks, Jan. 10; Putin’s aide')).toEqual(['U', 'S', 'Russia', 'talks', 'Jan', '10', 'Putin’s', 'aide']);
    // Letters after an apostrophe join, digits do not; letters beyond ASCII and beyond the BMP are letters.
    expect(tokenize("rock'n'roll 90's o'9 Zürich 𝒜lpha ٣٤ e\u0301")).toEqual(["rock'n'roll", "90's", 'o', '9', 'Zürich', '𝒜lpha', '٣٤', 'e']);
  });

  it('tokenizes as the regular expression of its definition does, on any text', () => {
    const definition = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
    const chars = fc.constantFrom('a', 'Z', '9', "'", '’', ' ', '-', 'é', 'ß', 'İ', '\u0301', '😀', '\ud800', '\udc00', '𝒜', '٣', '中', 'Ⅻ', '_', '\n');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(text.match(definition) ?? []);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('CorpusIndex.search', () => {
  const index = buildIndex();

  it('indexes the five default articles as 101 passages', () => {
    expect(index.articles.size).toBe(5);
    expect(index.passageCount).toBe(101);
    expect(index.keyCounter).toBe(101);
  });

  it('finds who requested the call, best passages first', () => {
    expect(hitSummary(index, 'who requested the call')).toEqual([
      ['004', 7, ['request', 'call']],
      ['003', 4, ['request', 'call']],
      ['000', 8, ['request']],
    ]);
    expect(index.search('who requested the call', { limit: 1 })[0]!.passage.text).toMatch(/^The official said the purpose of the call, which Putin requested/);
  });

  it('finds a person named in several articles', () => {
    expect(hitSummary(index, 'Yuri Ushakov')).toEqual([
      ['000', 10, ['yuri', 'ushakov']],
      ['002', 6, ['yuri', 'ushakov']],
      ['003', 9, ['yuri', 'ushakov']],
    ]);
  });

  it('matches a stemmed, hyphenated phrase ("50-minute call" finds "50 minutes")', () => {
    expect(hitSummary(index, '50-minute call')).toEqual([
      ['001', 0, ['50', 'minut', 'call']],
      ['004', 6, ['50', 'minut', 'call']],
      ['000', 2, ['50', 'minut', 'call']],
    ]);
  });

  it('finds nothing for words the coverage does not carry, and nothing for stop words alone', () => {
    expect(index.search('premier league')).toEqual([]);
    expect(index.search('the of and')).toEqual([]);
  });

  it('tolerates a typo only when fuzzy matching is asked for', () => {
    expect(index.search('Ushakof')).toEqual([]);
    expect(index.search('Ushakof', { fuzzy: 0.2, limit: 1 }).map((h) => h.terms)).toEqual([['ushakov']]);
  });

  it('returns hits with their passage, article and a score, ordered by score then key, at most limit', () => {
    const hits = index.search('Putin Biden call', { limit: 10 });
    expect(hits).toHaveLength(10);
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1]!, hits[i]!];
      expect(a.score > b.score || (a.score === b.score && a.passage.key < b.passage.key)).toBe(true);
    }
    for (const h of hits) expect(h.article.text.slice(h.passage.start, h.passage.end)).toBe(h.passage.text);
  });

  it('gives the same results on every run (deterministic)', () => {
    expect(
      buildIndex()
        .search('sanctions Nord Stream', { limit: 8 })
        .map((h) => h.passage.key),
    ).toEqual(index.search('sanctions Nord Stream', { limit: 8 }).map((h) => h.passage.key));
  });
});

describe('CorpusIndex updates', () => {
  it('replaces an article added twice under the same id, with fresh passage keys', () => {
    const index = buildIndex();
    const article = corpusArticles[0]!;
    const before = index.passagesOf(article.id).map((p) => p.key);
    index.addArticle({ ...article, text: 'Zanzibar negotiators met in Geneva on Thursday.' });
    expect(index.passagesOf(article.id).map((p) => p.key)).toEqual([101]);
    expect(index.passageCount).toBe(101 - before.length + 1);
    expect(index.search('Zanzibar').map((h) => h.article.id)).toEqual([article.id]);
    expect(index.search('Yuri Ushakov').map((h) => h.article.id)).not.toContain(article.id);
  });

  it('removes an article and its passages; an unknown id is ignored', () => {
    const index = buildIndex();
    index.removeArticle('004_0ab6f7e65bf4a959.txt');
    index.removeArticle('no-such-article');
    expect(index.articles.has('004_0ab6f7e65bf4a959.txt')).toBe(false);
    expect(index.passageCount).toBe(76);
    expect(index.search('Charap Rojansky')).toEqual([]);
  });

  it('removes every article of a JSON Lines file at once', () => {
    const index = new CorpusIndex();
    const feed = [
      JSON.stringify({ title: 'One', text: 'Quetzal talks began on Monday in Vienna.' }),
      JSON.stringify({ title: 'Two', text: 'Quetzal talks ended on Friday in Vienna.' }),
    ].join('\n');
    index.addArticles(parseArticleFile('feed.jsonl', feed).articles);
    index.addArticles(corpusArticles.slice(0, 1));
    expect(
      index
        .search('quetzal')
        .map((h) => h.article.id)
        .sort(),
    ).toEqual(['feed.jsonl#L1', 'feed.jsonl#L2']);
    index.removeFile('feed.jsonl');
    expect(index.search('quetzal')).toEqual([]);
    expect(index.sortedArticles().map((a) => a.id)).toEqual([corpusArticles[0]!.id]);
  });
});

describe('snapshots', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmp();
  });
  afterEach(() => removeTmp(dir));

  it('round-trips: the loaded index has identical articles, passages, key counter and search results', () => {
    const index = buildIndex();
    index.skipped.set('bad.txt', [{ file: 'bad.txt', reason: 'empty file' }]);
    index.fileHashes.set('000_7c4e71be4a13ea11.txt', 'abc');
    const file = snapshotPath(dir, DEFAULT_CORPUS);
    saveSnapshot(file, DEFAULT_CORPUS, index);
    const loaded = loadSnapshot(file)!;
    expect(loaded).not.toBeNull();
    expect(loaded.sortedArticles()).toEqual(index.sortedArticles());
    expect([...loaded.passages.values()].sort((a, b) => a.key - b.key)).toEqual([...index.passages.values()].sort((a, b) => a.key - b.key));
    expect(loaded.keyCounter).toBe(index.keyCounter);
    expect(loaded.skippedFiles()).toEqual([{ file: 'bad.txt', reason: 'empty file' }]);
    expect([...loaded.fileHashes]).toEqual([['000_7c4e71be4a13ea11.txt', 'abc']]);
    for (const q of ['who requested the call', 'how long was the call', 'Nord Stream 2', '100,000 troops', 'Geneva January 10']) {
      const strip = (i: CorpusIndex) => i.search(q, { limit: 10, fuzzy: 0.2 }).map((h) => [h.passage.key, h.score, h.terms]);
      expect(strip(loaded), q).toEqual(strip(index));
    }
    for (const a of corpusArticles) expect(loaded.passagesOf(a.id)).toEqual(index.passagesOf(a.id));
    expect(loaded.similarTerms('ushakof', 2)).toEqual(index.similarTerms('ushakof', 2));
    expect(loaded.similarTerms('ushakof', 2).size).toBeGreaterThan(0);
  });

  it('keeps working incrementally after a load: new keys continue from the saved counter', () => {
    const file = path.join(dir, 'snap.v8');
    saveSnapshot(file, DEFAULT_CORPUS, buildIndex());
    const loaded = loadSnapshot(file)!;
    loaded.addArticle({ ...corpusArticles[0]!, id: 'new.txt', file: 'new.txt', text: 'Zanzibar negotiators met.' });
    expect(loaded.passagesOf('new.txt').map((p) => p.key)).toEqual([101]);
    loaded.removeArticle('001_ae44a968ee4ee127.txt');
    expect(loaded.search('Zanzibar').map((h) => h.article.id)).toEqual(['new.txt']);
    expect(loaded.search('NTD Newsroom Epoch').map((h) => h.article.id)).not.toContain('001_ae44a968ee4ee127.txt');
  });

  it('writes atomically: no temporary file is left next to the snapshot', () => {
    const file = path.join(dir, 'deeper', 'snap.v8');
    saveSnapshot(file, DEFAULT_CORPUS, buildIndex());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['snap.v8']);
  });

  it('returns null for a missing, truncated, empty or non-snapshot file', () => {
    const file = path.join(dir, 'snap.v8');
    expect(loadSnapshot(file)).toBeNull();
    saveSnapshot(file, DEFAULT_CORPUS, buildIndex());
    const good = fs.readFileSync(file);
    fs.writeFileSync(file, good.subarray(0, good.length / 2));
    expect(loadSnapshot(file)).toBeNull();
    fs.writeFileSync(file, '');
    expect(loadSnapshot(file)).toBeNull();
    fs.writeFileSync(file, v8.serialize(null));
    expect(loadSnapshot(file)).toBeNull();
    fs.writeFileSync(file, '{"version": 3, "articles": [], "passages": [], "index": {}}');
    expect(loadSnapshot(file)).toBeNull();
  });

  it('returns null for a snapshot of another version, another V8, or with a malformed part', () => {
    const file = path.join(dir, 'snap.v8');
    saveSnapshot(file, DEFAULT_CORPUS, buildIndex());
    const good = v8.deserialize(fs.readFileSync(file));
    expect(good.version).toBe(SNAPSHOT_VERSION);
    const variants = [
      { ...good, version: SNAPSHOT_VERSION - 1 },
      { ...good, v8: '1.0.0' },
      { ...good, index: { ...good.index, stateVersion: 99 } },
      { ...good, index: { ...good.index, documentCount: 3 } },
      { ...good, index: { ...good.index, fieldIds: { title: 0, text: 1 } } },
      { ...good, passages: Array.from(good.passages) },
      { ...good, passages: good.passages.subarray(0, 7) },
      { ...good, articles: good.articles.slice(0, 2) },
    ];
    for (const variant of variants) {
      fs.writeFileSync(file, v8.serialize(variant));
      expect(loadSnapshot(file)).toBeNull();
    }
    fs.writeFileSync(file, v8.serialize(good));
    expect(loadSnapshot(file)?.passageCount).toBe(101);
  });

  it('replaces a JSON snapshot left by an older version for the same corpus', () => {
    const old = path.join(dir, path.basename(snapshotPath(dir, DEFAULT_CORPUS)).replace(/\.v8$/, '.json'));
    fs.writeFileSync(old, '{"version":5}');
    saveSnapshot(snapshotPath(dir, DEFAULT_CORPUS), DEFAULT_CORPUS, buildIndex());
    expect(fs.readdirSync(dir)).toEqual([path.basename(snapshotPath(dir, DEFAULT_CORPUS))]);
  });

  it('names the snapshot by the corpus folder, so two corpora do not share one', () => {
    expect(snapshotPath(dir, DEFAULT_CORPUS)).not.toBe(snapshotPath(dir, path.join(DEFAULT_CORPUS, 'other')));
    expect(snapshotPath(dir, DEFAULT_CORPUS)).toBe(snapshotPath(dir, `${DEFAULT_CORPUS}/`));
    expect(path.dirname(snapshotPath(dir, DEFAULT_CORPUS))).toBe(dir);
  });
});
