import { describe, expect, it } from 'vitest';
import { nameSpans } from '../../src/ask/tokens.ts';

describe('nameSpans', () => {
  it('finds runs of capitalised words, the possessive left out', () => {
    expect(nameSpans('Kremlin aide Yuri Ushakov told reporters about Putin’s call.').map((s) => s.text)).toEqual(['Kremlin', 'Yuri Ushakov', 'Putin']);
  });

  it('never takes the pronoun I, with or without a contraction, for a name', () => {
    expect(nameSpans("I've ensured there is little about me, Mr Blunkett said.").map((s) => s.text)).toEqual(['Blunkett']);
    expect(nameSpans("I'm sure I said it, and I'd say it again to Mr Howard.").map((s) => s.text)).toEqual(['Howard']);
  });
});
