import { describe, expect, it } from 'vitest';
import { nameSpans } from '../../src/ask/tokens.ts';

describe('nameSpans', () => {
  it('finds runs of capitalised words, the possessive left out', () => {
    expect(nameSpans('Kremlin aide Yuri Ushakov told reporters about Putin’s call.').map((s) => s.text)).toEqual(['Kremlin', 'Yuri Ushakov', 'Putin']);
  });

  it('reads the small capitalised words of a title as part of it, but not a title of address or a day', () => {
    expect(nameSpans('A poll found that The Wonder of You is the Elvis song most performed.').map((s) => s.text)).toEqual(['Wonder of You', 'Elvis']);
    expect(nameSpans('Last year viewers voted for the show Get Me Out Of Here.').map((s) => s.text)).toEqual(['Get Me Out Of Here']);
    expect(nameSpans('Chelsea beat Arsenal on Sunday, Mr Mourinho said.').map((s) => s.text)).toEqual(['Chelsea', 'Arsenal', 'Mourinho']);
  });

  it('never takes the pronoun I, with or without a contraction, for a name', () => {
    expect(nameSpans("I've ensured there is little about me, Mr Blunkett said.").map((s) => s.text)).toEqual(['Blunkett']);
    expect(nameSpans("I'm sure I said it, and I'd say it again to Mr Howard.").map((s) => s.text)).toEqual(['Howard']);
  });
});
