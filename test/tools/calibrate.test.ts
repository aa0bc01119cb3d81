import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/ask/answer.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { BAR_GRID, calibrate, calibrationPoint, passesAt, type CalibrationPoint } from '../../src/tools/calibrate.ts';
import { testArticle } from '../ask/scored.ts';

const point = (over: Partial<CalibrationPoint>): CalibrationPoint => ({ family: 'when', answerable: true, right: true, relevance: 0.6, relief: null, ...over });

describe('calibrationPoint', () => {
  it('judges the answer the gate would withhold, with the relevance it had', () => {
    const index = new CorpusIndex();
    index.addArticles([testArticle('a.txt', 'The firms met many demands in a landmark settlement reached with 46 states in 1998.\n\nShares rose.')]);
    const question = 'how many states did the firms pay off in the big lawsuit';
    // Users get not_found: the sentence covers less than the bar of how-many questions (0.6)…
    expect(answerQuestion(index, question).answer.status).toBe('not_found');
    // …and calibration learns that the answer behind it was right.
    const p = calibrationPoint(index, { id: 'q1', question, family: 'how_many', answer: ['46 states'] })!;
    expect({ ...p, relevance: Math.round(p.relevance! * 1000) / 1000 }).toEqual({
      family: 'how_many',
      answerable: true,
      right: true,
      relevance: 0.598,
      relief: null,
    });
  });

  it('leaves out a question the chat input refuses', () => {
    expect(calibrationPoint(new CorpusIndex(), { id: 'q1', question: '   ', family: 'who', answer: ['x'] })).toBeNull();
  });
});

describe('passesAt', () => {
  it('answers at or above the bar, or the lower bar a reading allows, and abstains below', () => {
    expect([passesAt(point({}), 0.6), passesAt(point({}), 0.65), passesAt(point({ relief: 0.5 }), 0.65)]).toEqual([true, false, true]);
  });

  it('counts abstaining as right only for an unanswerable question, and nothing read as abstaining', () => {
    const unanswerable = point({ answerable: false, right: false });
    expect([passesAt(unanswerable, 0.55), passesAt(unanswerable, 0.65), passesAt(point({ relevance: null, right: false }), 0.45)]).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe('calibrate', () => {
  it('scores every bar of the grid per family and picks the highest of those that pass most', () => {
    const points = [
      point({ relevance: 0.47 }),
      point({ relevance: 0.52, answerable: false, right: false }),
      point({ relevance: 0.62 }),
      point({ relevance: 0.72, right: false }),
      point({ family: 'who', relevance: 0.9 }),
    ];
    expect(BAR_GRID).toEqual([0.45, 0.5, 0.55, 0.6, 0.65, 0.7]);
    expect(calibrate(points)).toEqual([
      // 0.45 also answers the unanswerable question, 0.55 and 0.6 abstain there but lose the weakest right answer.
      { family: 'when', questions: 4, passed: [2, 1, 2, 2, 1, 1], best: 0.6, current: 0.45 },
      { family: 'who', questions: 1, passed: [1, 1, 1, 1, 1, 1], best: 0.7, current: 0.6 },
    ]);
  });
});
