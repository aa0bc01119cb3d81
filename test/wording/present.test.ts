import { describe, expect, it } from 'vitest';
import { presentAnswer } from '../../src/wording/present.ts';
import type { Answer } from '../../src/types.ts';

/** An answered question with one source and the given confidence. */
function answered(confidence: number | undefined): Answer {
  return {
    question: 'where did gamers queue?',
    status: 'answered',
    answer: 'Tokyo',
    ...(confidence === undefined ? {} : { confidence }),
    support: [{ value: 'Tokyo', sources: ['a.txt'] }],
    citations: [],
  };
}

describe('presentAnswer', () => {
  it('says weak evidence as such, below a confidence of 0.7, and states the rest', () => {
    expect([0.69, 0.7, 0.95, undefined].map((c) => presentAnswer(answered(c)).headline)).toEqual(['The coverage suggests: Tokyo', 'Tokyo', 'Tokyo', 'Tokyo']);
    expect(presentAnswer(answered(0.5)).agreement).toBe('One source says so.');
  });
});
