import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../../src/stories/cluster.ts';
import { Vocabulary, type ArticleFeatures } from '../../src/stories/features.ts';

const vocabulary = new Vocabulary();

/** A unit vector over a few terms. */
function vector(id: string, weights: Record<string, number>): ArticleFeatures {
  const norm = Math.sqrt(Object.values(weights).reduce((s, w) => s + w * w, 0));
  const entries = Object.entries(weights);
  return { id, terms: Int32Array.from(entries, ([t]) => vocabulary.add(t)), weights: Float64Array.from(entries, ([, w]) => w / norm) };
}

describe('clusterArticles', () => {
  const quake = vector('quake.txt', { nepal: 3, quake: 3, kathmandu: 2, aid: 1 });
  const quakeCopy = { ...quake, id: 'quake-copy.txt' };
  const aid = vector('aid.txt', { nepal: 1, aid: 3, kathmandu: 1, flight: 2 });
  const transfer = vector('transfer.txt', { chelsea: 3, milan: 2, striker: 2 });
  const transferCopy = { ...transfer, id: 'transfer-copy.txt' };
  const features = [quake, aid, quakeCopy, transfer, transferCopy];

  it('weighs a copy as one more article of its original: the same stories as clustering every copy', () => {
    const copies = new Map([
      ['quake-copy.txt', 'quake.txt'],
      ['transfer-copy.txt', 'transfer.txt'],
    ]);
    expect(clusterArticles(features, copies)).toEqual(clusterArticles(features));
    expect(clusterArticles(features, copies)).toEqual([
      ['quake.txt', 'aid.txt', 'quake-copy.txt'],
      ['transfer.txt', 'transfer-copy.txt'],
    ]);
  });
});
