import { describe, expect, it } from 'vitest';
import { detectFamily, familyOf } from '../../src/ask/families/registry.ts';
import type { QuestionFamily } from '../../src/ask/parsed-question.ts';

const NAMES: QuestionFamily[] = [
  'who',
  'who_is',
  'when',
  'what_time',
  'how_long',
  'how_many',
  'how_old',
  'where',
  'said',
  'why',
  'how',
  'yes_no',
  'what_x',
  'about',
];

describe('family registry', () => {
  it('gives every detection rule its own place in the order', () => {
    const orders = NAMES.flatMap((n) => familyOf(n).detect.map((r) => r.order));
    expect(orders.length).toBe(23);
    expect(new Set(orders).size).toBe(23);
  });

  it('tries rules in order: "how long ago" is a when question before "how long" is', () => {
    expect(detectFamily('how long ago did they meet?')).toBe('when');
    expect(detectFamily('how long did they meet?')).toBe('how_long');
    expect(detectFamily('what time did it start?')).toBe('what_time');
  });

  it('reads a question word at the end as the family it starts', () => {
    expect(detectFamily('boris is mp for where again?')).toBe('where');
    expect(detectFamily('the deal was worth how much?')).toBe('how_many');
    expect(detectFamily('the meeting lasted how long')).toBe('how_long');
  });

  it('falls back to about when no rule holds', () => {
    expect(detectFamily('tell me about the merger')).toBe('about');
  });

  it('says which families compare values and which are typed', () => {
    expect(NAMES.filter((n) => familyOf(n).conflicts)).toEqual(['who', 'when', 'what_time', 'how_long', 'how_many', 'how_old', 'where', 'yes_no']);
    expect(NAMES.filter((n) => familyOf(n).typed)).toEqual(['who', 'when', 'what_time', 'how_long', 'how_many', 'how_old', 'where', 'what_x']);
  });
});
