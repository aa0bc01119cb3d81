import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { snapshotPath } from '../../src/index/snapshot.ts';
import { listSources } from '../../src/index/sources.ts';
import type { CorpusIndex } from '../../src/index/corpus-index.ts';
import { copyCorpus, DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';

const IDS = ['000_7c4e71be4a13ea11.txt', '001_ae44a968ee4ee127.txt', '002_34bd12b4df784525.txt', '003_aa27b1c8d01db12e.txt', '004_0ab6f7e65bf4a959.txt'];
const NEW_ARTICLE =
  'Zanzibar envoy joins the talks\n\nA Zanzibar envoy will join the Geneva talks on January 10, officials said on Friday.\n\nThe envoy carries a letter from the Quetzal council.\n';
const NO_CHANGES = { added: [], changed: [], removed: [] };

/** Passage keys of every article, to tell an incremental update from a rebuild. */
const keysByArticle = (index: CorpusIndex) => Object.fromEntries(index.sortedArticles().map((a) => [a.id, index.passagesOf(a.id).map((p) => p.key)]));
const articlesFound = (index: CorpusIndex, query: string) => [...new Set(index.search(query).map((h) => h.article.id))].sort();

describe('openCorpus', () => {
  let root: string;
  let corpus: string;
  let data: string;

  beforeEach(() => {
    root = makeTmp();
    corpus = path.join(root, 'corpus');
    data = path.join(root, 'data');
    copyCorpus(DEFAULT_CORPUS, corpus);
  });
  afterEach(() => removeTmp(root));

  it('builds the index the first time, reporting every file as added, and saves a snapshot', () => {
    const opened = openCorpus(corpus, { dataDir: data });
    expect(opened.status).toBe('built');
    expect(opened.changes).toEqual({ added: IDS, changed: [], removed: [] });
    expect(opened.index.passageCount).toBe(101);
    expect(fs.existsSync(snapshotPath(data, corpus))).toBe(true);
  });

  it('loads the snapshot when nothing changed, with the same articles, passages and results', () => {
    const built = openCorpus(corpus, { dataDir: data });
    const mtime = fs.statSync(snapshotPath(data, corpus)).mtimeMs;
    const loaded = openCorpus(corpus, { dataDir: data });
    expect(loaded.status).toBe('loaded');
    expect(loaded.changes).toEqual(NO_CHANGES);
    expect(listSources(loaded.index)).toEqual(listSources(built.index));
    expect(keysByArticle(loaded.index)).toEqual(keysByArticle(built.index));
    expect(loaded.index.search('who requested the call', { limit: 5 }).map((h) => [h.passage.key, h.score])).toEqual(
      built.index.search('who requested the call', { limit: 5 }).map((h) => [h.passage.key, h.score]),
    );
    expect(fs.statSync(snapshotPath(data, corpus)).mtimeMs).toBe(mtime);
  });

  it('adds one new file incrementally: status updated, the new article searchable, the others untouched', () => {
    const before = keysByArticle(openCorpus(corpus, { dataDir: data }).index);
    fs.writeFileSync(path.join(corpus, '005_new.txt'), NEW_ARTICLE);
    const opened = openCorpus(corpus, { dataDir: data });
    expect(opened.status).toBe('updated');
    expect(opened.changes).toEqual({ added: ['005_new.txt'], changed: [], removed: [] });
    const after = keysByArticle(opened.index);
    for (const id of IDS) expect(after[id]).toEqual(before[id]);
    expect(after['005_new.txt']).toEqual([101, 102]);
    expect(articlesFound(opened.index, 'Zanzibar Quetzal')).toEqual(['005_new.txt']);
    // The update was saved: the next run loads it.
    const again = openCorpus(corpus, { dataDir: data });
    expect(again.status).toBe('loaded');
    expect(articlesFound(again.index, 'Zanzibar Quetzal')).toEqual(['005_new.txt']);
  });

  it('re-reads one changed file: its old passages are gone from the index and its new ones found', () => {
    const before = keysByArticle(openCorpus(corpus, { dataDir: data }).index);
    const file = path.join(corpus, '002_34bd12b4df784525.txt');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('Gazprom', 'Quetzalcorp'));
    const opened = openCorpus(corpus, { dataDir: data });
    expect(opened.status).toBe('updated');
    expect(opened.changes).toEqual({ added: [], changed: ['002_34bd12b4df784525.txt'], removed: [] });
    expect(articlesFound(opened.index, 'Quetzalcorp')).toEqual(['002_34bd12b4df784525.txt']);
    expect(articlesFound(opened.index, 'Gazprom')).toEqual([]);
    const after = keysByArticle(opened.index);
    for (const id of IDS.filter((i) => i !== '002_34bd12b4df784525.txt')) expect(after[id]).toEqual(before[id]);
    expect(after['002_34bd12b4df784525.txt']![0]).toBe(101);
  });

  it('drops one removed file: its passages are no longer searchable and it leaves the source list', () => {
    const built = openCorpus(corpus, { dataDir: data });
    expect(articlesFound(built.index, 'Charap Rojansky')).toEqual(['004_0ab6f7e65bf4a959.txt']);
    fs.rmSync(path.join(corpus, '004_0ab6f7e65bf4a959.txt'));
    const opened = openCorpus(corpus, { dataDir: data });
    expect(opened.status).toBe('updated');
    expect(opened.changes).toEqual({ added: [], changed: [], removed: ['004_0ab6f7e65bf4a959.txt'] });
    expect(articlesFound(opened.index, 'Charap Rojansky')).toEqual([]);
    expect(opened.index.passageCount).toBe(76);
    expect(listSources(opened.index).sources.map((s) => s.id)).toEqual(IDS.slice(0, 4));
  });

  it('rebuilds from scratch when the manifest changes, and applies it', () => {
    openCorpus(corpus, { dataDir: data });
    fs.writeFileSync(
      path.join(corpus, 'manifest.json'),
      JSON.stringify({ '002_34bd12b4df784525.txt': { outlet: 'Example Wire', url: 'https://example.com/2' } }),
    );
    const opened = openCorpus(corpus, { dataDir: data });
    expect(opened.status).toBe('built');
    expect(opened.changes.added).toEqual(IDS);
    const source = listSources(opened.index).sources.find((s) => s.id === '002_34bd12b4df784525.txt');
    expect(source).toMatchObject({ outlet: 'Example Wire', url: 'https://example.com/2' });
    expect(openCorpus(corpus, { dataDir: data }).status).toBe('loaded');
  });

  it('reports a malformed manifest as skipped, keeps indexing, and forgets the report once it is fixed', () => {
    fs.writeFileSync(path.join(corpus, 'manifest.json'), '{ not json');
    const opened = openCorpus(corpus, { dataDir: data });
    expect(opened.index.articles.size).toBe(5);
    expect(listSources(opened.index).skipped).toEqual([{ file: 'manifest.json', reason: expect.stringMatching(/^manifest ignored: /) }]);
    fs.writeFileSync(path.join(corpus, 'manifest.json'), '{}');
    expect(listSources(openCorpus(corpus, { dataDir: data }).index).skipped).toEqual([]);
  });

  it('rebuilds without throwing when the snapshot file is corrupted, and writes a good one', () => {
    openCorpus(corpus, { dataDir: data });
    const file = snapshotPath(data, corpus);
    fs.writeFileSync(file, '{"version": 4, "articles": [');
    const opened = openCorpus(corpus, { dataDir: data });
    expect(opened.status).toBe('built');
    expect(opened.index.passageCount).toBe(101);
    expect(openCorpus(corpus, { dataDir: data }).status).toBe('loaded');
  });

  it('keeps skipped files in the snapshot and reports them after a load', () => {
    fs.writeFileSync(path.join(corpus, 'empty.txt'), '');
    openCorpus(corpus, { dataDir: data });
    const loaded = openCorpus(corpus, { dataDir: data });
    expect(loaded.status).toBe('loaded');
    expect(listSources(loaded.index).skipped).toEqual([{ file: 'empty.txt', reason: 'empty file' }]);
    fs.writeFileSync(path.join(corpus, 'empty.txt'), NEW_ARTICLE);
    const fixed = openCorpus(corpus, { dataDir: data });
    expect(fixed.changes.changed).toEqual(['empty.txt']);
    expect(listSources(fixed.index).skipped).toEqual([]);
  });

  it('works in memory only when no data folder is given', () => {
    const opened = openCorpus(corpus);
    expect(opened.status).toBe('built');
    expect(fs.existsSync(data)).toBe(false);
  });

  it('logs warnings and carries on when the data folder cannot be written', () => {
    fs.writeFileSync(data, 'a file where the data folder should be');
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const opened = openCorpus(corpus, { dataDir: data, log });
    expect(opened.status).toBe('built');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual([
      'could not record when articles were first seen',
      'could not save the index snapshot; continuing without it',
    ]);
  });

  it('reports progress for each file', () => {
    const calls: number[] = [];
    openCorpus(corpus, { onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([1, 2, 3, 4, 5]);
  });
});
