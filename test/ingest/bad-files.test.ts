import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCorpusFiles, readCorpus } from '../../src/ingest/corpus.ts';
import { NewsdeskError } from '../../src/errors.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { listSources } from '../../src/index/sources.ts';
import { makeTmp, removeTmp } from './helpers.ts';

const GOOD =
  'Biden calls Putin\n\nBiden spoke with Putin on Thursday for 50 minutes, officials said.\n\nThe call had been requested by Russia, the Kremlin said.\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const isRoot = process.getuid?.() === 0;

describe('reading a corpus with bad files', () => {
  let dir: string;

  beforeAll(() => {
    dir = makeTmp();
    fs.writeFileSync(path.join(dir, 'good.txt'), GOOD);
    fs.mkdirSync(path.join(dir, 'deep', 'er'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'deep', 'er', 'also good.md'), GOOD.replace('Biden calls Putin', 'Putin answers Biden'));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blank.txt'), ' \r\n\r\n\t ');
    fs.writeFileSync(path.join(dir, 'image.txt'), PNG);
    fs.writeFileSync(path.join(dir, 'photo.png'), PNG);
    fs.writeFileSync(path.join(dir, 'only-boilerplate.txt'), 'A headline here\n\nComments / 4\n\nRelated\n');
    fs.writeFileSync(path.join(dir, '.DS_Store'), PNG);
    fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    // A 50 MB file costs nothing when sparse.
    fs.writeFileSync(path.join(dir, 'gigantic.txt'), '');
    fs.truncateSync(path.join(dir, 'gigantic.txt'), 50 * 1024 * 1024);
    if (!isRoot) {
      fs.writeFileSync(path.join(dir, 'locked.txt'), GOOD);
      fs.chmodSync(path.join(dir, 'locked.txt'), 0o000);
    }
  });

  afterAll(() => removeTmp(dir));

  it('reports each bad file by name with its reason, and reads the good ones', () => {
    const { articles, skipped } = readCorpus(dir);
    expect(articles.map((a) => [a.id, a.title])).toEqual([
      ['deep/er/also good.md', 'Putin answers Biden'],
      ['good.txt', 'Biden calls Putin'],
    ]);
    const expected = [
      { file: 'blank.txt', reason: 'empty file (only whitespace)' },
      { file: 'dangling.txt', reason: 'unreadable (ENOENT)' },
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'gigantic.txt', reason: 'too large (50.0 MB, limit 20.0 MB)' },
      { file: 'image.txt', reason: 'binary content (not a text file)' },
      ...(isRoot ? [] : [{ file: 'locked.txt', reason: 'unreadable (EACCES)' }]),
      { file: 'only-boilerplate.txt', reason: 'no article text after removing boilerplate' },
      { file: 'photo.png', reason: 'unsupported file type ".png"' },
    ];
    expect([...skipped].sort((a, b) => a.file.localeCompare(b.file))).toEqual(expected);
  });

  it('honours a lower size limit', () => {
    const { skipped } = readCorpus(dir, { maxFileBytes: 100 });
    expect(skipped.find((s) => s.file === 'good.txt')).toEqual({ file: 'good.txt', reason: 'too large (0.0 MB, limit 0.0 MB)' });
  });

  it('leaves hidden files out without a report', () => {
    expect(listCorpusFiles(dir).map((f) => f.id)).not.toContain('.DS_Store');
    expect(readCorpus(dir).skipped.map((s) => s.file)).not.toContain('.DS_Store');
  });

  it('calls the progress callback once per listed file, ending at the total', () => {
    const calls: [number, number][] = [];
    readCorpus(dir, { onProgress: (done, total) => calls.push([done, total]) });
    const total = listCorpusFiles(dir).length;
    expect(calls).toHaveLength(total);
    expect(calls.at(-1)).toEqual([total, total]);
  });

  it('lists the skipped files in the sources contract and indexes the rest', () => {
    const { index } = openCorpus(dir);
    const list = listSources(index);
    expect(list.sources.map((s) => s.id)).toEqual(['deep/er/also good.md', 'good.txt']);
    expect(list.skipped.map((s) => s.file)).toEqual([
      'blank.txt',
      'dangling.txt',
      'empty.txt',
      'gigantic.txt',
      'image.txt',
      ...(isRoot ? [] : ['locked.txt']),
      'only-boilerplate.txt',
      'photo.png',
    ]);
    expect(index.search('requested Russia').map((h) => h.article.id)).toEqual(['deep/er/also good.md', 'good.txt']);
  });

  it('throws CORPUS_NOT_FOUND for a missing folder and for a file given as the folder', () => {
    expect(() => readCorpus(path.join(dir, 'missing'))).toThrow(NewsdeskError);
    expect(() => readCorpus(path.join(dir, 'missing'))).toThrow(/Corpus folder not found/);
    expect(() => listCorpusFiles(path.join(dir, 'good.txt'))).toThrow(/Corpus path is not a folder/);
  });
});
