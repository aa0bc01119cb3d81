import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { roleReferent } from '../../src/ask/role-referents.ts';
import { answerQuestion } from '../../src/ask/answer.ts';
import { testArticle } from './scored.ts';

describe('roleReferent', () => {
  const index = new CorpusIndex();
  index.addArticles([
    testArticle(
      'a.txt',
      'One dissenting opinion came from Brian Gammage, vice-president of research at analysts Gartner. Mr Gammage said the PC world is a pile-em-high market.',
    ),
    testArticle('b.txt', 'Jonny Evans, news editor at Macworld magazine, said it was the bravest move yet.'),
    testArticle('c.txt', 'British shoppers queued in London.'),
  ]);

  it('reads a role at a named body as the one person the coverage gives it', () => {
    expect(roleReferent(index, 'what did the Gartner guy say about the market?')).toEqual({ phrase: 'the Gartner guy', name: 'Brian Gammage' });
    expect(roleReferent(index, 'why does the Macworld magazine news editor like it')).toEqual({
      phrase: 'the Macworld magazine news editor',
      name: 'Jonny Evans',
    });
  });

  it('needs the job the question names, and leaves a question that asks for the person', () => {
    // The coverage calls nobody at Gartner a spokesman.
    expect(roleReferent(index, 'what did the Gartner spokesman say?')).toBeNull();
    expect(roleReferent(index, 'which Gartner analyst was not impressed?')).toBeNull();
    expect(roleReferent(index, 'who was the Gartner guy?')).toBeNull();
    // A nationality is no body.
    expect(roleReferent(index, 'what did the British guy say?')).toBeNull();
  });

  it('lets the answer read the sentences that name the person', () => {
    expect(answerQuestion(index, 'what did the gartner guy say about the pc world?').answer.citations.map((c) => c.quote)).toEqual([
      'Mr Gammage said the PC world is a pile-em-high market.',
    ]);
  });
});
