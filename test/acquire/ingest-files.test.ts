import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestSources, type IngestOptions } from '../../src/acquire/ingest-sources.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { readFirstSeen } from '../../src/ingest/first-seen.ts';
import { copyCorpus, DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';
import { storyPath } from './site.ts';

const NOW = new Date('2026-11-23T06:00:00.000Z');

describe('ingestSources with files and folders', () => {
  let root: string;
  let corpus: string;
  let data: string;
  let options: IngestOptions;
  beforeEach(() => {
    root = makeTmp();
    corpus = path.join(root, 'corpus');
    data = path.join(root, 'data');
    copyCorpus(DEFAULT_CORPUS, corpus);
    options = { corpusDir: corpus, dataDir: data, now: () => NOW };
  });
  afterEach(() => removeTmp(root));

  it('copies a file into the corpus and updates the index incrementally (existing passages keep their keys)', async () => {
    const before = openCorpus(corpus, { dataDir: data });
    const keys = before.index.passagesOf('000_7c4e71be4a13ea11.txt').map((p) => p.key);
    const report = await ingestSources([storyPath(5)], options);
    expect(report.added).toEqual([{ source: storyPath(5), file: 'ParisAttacks2015 (5).txt', articles: ['ParisAttacks2015 (5).txt'] }]);
    expect(report.opened.status).toBe('updated');
    expect(report.opened.changes).toEqual({ added: ['ParisAttacks2015 (5).txt'], changed: [], removed: [] });
    expect(report.opened.index.passagesOf('000_7c4e71be4a13ea11.txt').map((p) => p.key)).toEqual(keys);
    expect(report.opened.index.articles.get('ParisAttacks2015 (5).txt')!.text).toContain(
      'The horrific terrorist attacks in Paris last Friday have focused attention on Europe’s open border policy.',
    );
    expect(readFirstSeen(data).get('ParisAttacks2015 (5).txt')).toBe(NOW.toISOString());
  });

  it('never overwrites a different file of the same name, and does not copy the same file twice', async () => {
    const other = path.join(root, 'other', 'ParisAttacks2015 (5).txt');
    fs.mkdirSync(path.dirname(other));
    fs.copyFileSync(storyPath(6), other);
    await ingestSources([storyPath(5)], options);
    const second = await ingestSources([other, storyPath(5)], options);
    expect(second.added.map((a) => a.file)).toEqual(['ParisAttacks2015 (5) (2).txt']);
    expect(second.present).toEqual([{ source: storyPath(5), file: 'ParisAttacks2015 (5).txt', reason: 'already in the corpus (same content)' }]);
    expect(fs.readFileSync(path.join(corpus, 'ParisAttacks2015 (5).txt'))).toEqual(fs.readFileSync(storyPath(5)));
    expect(fs.readFileSync(path.join(corpus, 'ParisAttacks2015 (5) (2).txt'))).toEqual(fs.readFileSync(storyPath(6)));
  });

  it('copies a folder keeping its name and inner paths, and reports files that are not articles', async () => {
    const folder = path.join(root, 'day2');
    fs.mkdirSync(path.join(folder, 'wires'), { recursive: true });
    fs.copyFileSync(storyPath(7), path.join(folder, 'a.txt'));
    fs.copyFileSync(storyPath(8), path.join(folder, 'wires', 'b.txt'));
    fs.writeFileSync(path.join(folder, 'photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    fs.writeFileSync(path.join(folder, 'empty.txt'), '  \n');
    fs.writeFileSync(path.join(folder, '.hidden.txt'), 'not copied');
    const report = await ingestSources([folder, path.join(root, 'nope.txt')], options);
    expect(report.added.map((a) => a.file)).toEqual(['day2/a.txt', 'day2/wires/b.txt']);
    expect(report.failed).toEqual([
      { source: path.join(folder, 'empty.txt'), reason: 'empty file (only whitespace)' },
      { source: path.join(folder, 'photo.png'), reason: 'unsupported file type ".png"' },
      { source: path.join(root, 'nope.txt'), reason: 'not found (ENOENT)' },
    ]);
    expect(fs.readdirSync(path.join(corpus, 'day2')).sort()).toEqual(['a.txt', 'wires']);
    expect(report.opened.index.articles.has('day2/wires/b.txt')).toBe(true);
  });

  it('creates a missing corpus folder', async () => {
    const fresh = path.join(root, 'new-corpus');
    const report = await ingestSources([storyPath(1)], { ...options, corpusDir: fresh });
    expect(report.opened.index.articles.size).toBe(1);
  });
});
