import { describe, expect, it } from 'vitest';
import { corroborate, withSupport } from '../../src/ask/corroborate.ts';
import type { Candidate } from '../../src/ask/extract/candidate.ts';
import { scoredSentence, testArticle } from './scored.ts';

/** A candidate of a value from an article, its sentence as relevant as given. */
function candidate(key: string, value: string, article: string, relevance: number): Candidate {
  const sentence = { ...scoredSentence(`${value} was reported.`, { relevance }), article: testArticle(article, `${value} was reported.`) };
  return { key, value, mention: value, sentence, confidence: 1 };
}

const source = (c: Candidate) => c.sentence.article.id;

describe('withSupport', () => {
  const strong = [candidate('duration:50', '50 minutes', 'a', 1), candidate('duration:50', '50 minutes', 'b', 0.95)];
  const weak = [
    candidate('duration:50', '50 minutes', 'c', 0.7),
    candidate('duration:60:just under', 'just under an hour', 'd', 0.7),
    candidate('duration:30', '30 minutes', 'e', 0.7),
  ];

  it('adds the sources weaker evidence gives for the value, and compatible values, never a conflicting one', () => {
    const found = withSupport(corroborate(strong, source), [...strong, ...weak], source);
    expect(found.groups.map((g) => [g.value, g.members.map(source)])).toEqual([
      ['50 minutes', ['a', 'b', 'c']],
      ['just under an hour', ['d']],
    ]);
    expect(found.conflicting).toBe(false);
  });

  it('leaves the value chosen on the strongest evidence in the lead', () => {
    const many = ['f', 'g', 'h'].map((a) => candidate('duration:30', '30 minutes', a, 0.7));
    const found = withSupport(corroborate(strong, source), [...strong, ...many], source);
    expect(found.groups.map((g) => g.value)).toEqual(['50 minutes']);
  });
});
