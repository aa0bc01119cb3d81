import fs from 'node:fs';
import path from 'node:path';
import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/index/open-corpus.ts';
import type { CorpusIndex } from '../../src/index/corpus-index.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** MiniSearch's own OR search with the same terms and weights: the reference searchTerms must equal. */
function miniSearchReference(index: CorpusIndex, terms: Map<string, number>, limit: number): [number, string][] {
  const mini = (index as unknown as { mini: MiniSearch }).mini;
  return mini
    .search(
      { queries: [...terms.keys()], combineWith: 'OR' },
      { processTerm: (t: string) => t, tokenize: (q: string) => [q], boostTerm: (t: string) => terms.get(t) ?? 1 },
    )
    .slice(0, limit)
    .map((r) => [r.id as number, r.score.toFixed(9)]);
}

describe('CorpusIndex.searchTerms', () => {
  const queries = [
    new Map([
      ['request', 1],
      ['call', 0.7],
    ]),
    new Map([
      ['troop', 1],
      ['border', 1],
      ['soldier', 0.7],
    ]),
    new Map([
      ['attack', 1],
      ['kill', 1],
      ['peopl', 0.3],
    ]),
    new Map([
      ['putin', 1],
      ['warn', 1],
      ['sanction', 0.6],
    ]),
  ];

  for (const corpus of ['corpus', '../shared/corpora/paris-attacks-2015']) {
    // The Paris corpus is one of the shared corpora beside the project; a fresh clone has only corpus/.
    it.skipIf(!fs.existsSync(path.resolve(ROOT, corpus)))(`scores exactly as MiniSearch's OR search on ${path.basename(corpus)}`, () => {
      const { index } = openCorpus(path.resolve(ROOT, corpus));
      for (const q of queries) {
        const ours = index.searchTerms(q, 10).map((h) => [h.passage.key, h.score.toFixed(9)]);
        expect(ours).toEqual(miniSearchReference(index, q, 10));
      }
    });
  }

  it('leaves removed articles out and does not count them in term frequencies', () => {
    const { index } = openCorpus(path.resolve(ROOT, 'corpus'));
    index.removeArticle('003_aa27b1c8d01db12e.txt');
    const q = new Map([
      ['request', 1],
      ['call', 0.7],
    ]);
    const hits = index.searchTerms(q, 50);
    expect(hits.some((h) => h.article.id === '003_aa27b1c8d01db12e.txt')).toBe(false);
    // MiniSearch's own search drops discarded postings as it meets them; once it has, both agree exactly.
    miniSearchReference(index, q, 50);
    expect(hits.map((h) => [h.passage.key, h.score.toFixed(9)])).toEqual(miniSearchReference(index, q, 50));
  });
});

describe('CorpusIndex.termsStartingWith', () => {
  it('lists the indexed (stemmed) terms a prefix begins, up to the limit', () => {
    const { index } = openCorpus(path.join(ROOT, 'corpus'));
    expect(index.termsStartingWith('zelensk').sort()).toEqual(['zelenski', 'zelenskyi']);
    expect(index.termsStartingWith('qqqq')).toEqual([]);
    expect(index.termsStartingWith('b', 3)).toHaveLength(3);
  });
});
