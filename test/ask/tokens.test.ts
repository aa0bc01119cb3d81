import { describe, expect, it } from 'vitest';
import { nameSpans } from '../../src/ask/tokens.ts';

describe('nameSpans', () => {
  it('finds runs of capitalised words, the possessive left out', () => {
    expect(nameSpans('Kremlin aide Yuri Ushakov told reporters about Putin’s call.').map((s) => s.text)).toEqual(['Kremlin', 'Yuri Ushakov', 'Putin']);
  });

  it('reads the small capitalised words of a title as part of it, but not a title of address or a day', () => {
    expect(nameSpans('A poll found that The Wonder of You is the Elvis song most performed.').map((s) => s.text)).toEqual(['Wonder of You', 'Elvis']);
    expect(nameSpans('Last year viewers voted for the show Get Me Out Of Here.').map((s) => s.text)).toEqual(['Get Me Out Of Here']);
    // A number word capitalised inside a sentence begins a name; at the start of one it says nothing.
    expect(nameSpans('The China Three Gorges Project Corp may face a fine.').map((s) => s.text)).toEqual(['China Three Gorges Project Corp']);
    expect(nameSpans('It is part of the Three Parallel Rivers site.').map((s) => s.text)).toEqual(['Three Parallel Rivers']);
    expect(nameSpans('Three Britons died in Paris.').map((s) => s.text)).toEqual(['Britons', 'Paris']);
    expect(nameSpans('Chelsea beat Arsenal on Sunday, Mr Mourinho said.').map((s) => s.text)).toEqual(['Chelsea', 'Arsenal', 'Mourinho']);
  });

  it('keeps an ampersand between capitals, and "for the" / "of the" after a capitalised common noun, inside a name', () => {
    expect(nameSpans('R&B star Alicia Keys sang with students from the Florida School for the Deaf and the Blind.').map((s) => s.text)).toEqual([
      'R&B',
      'Alicia Keys',
      'Florida School for the Deaf',
      'Blind',
    ]);
    // A place before "for the" is no body's name.
    expect(nameSpans('Gamers queued in Tokyo for the Sony PSP.').map((s) => s.text)).toEqual(['Gamers', 'Tokyo', 'Sony PSP']);
  });

  it("keeps a small number after a name inside it, but not a date's nor one before what it counts", () => {
    expect(nameSpans('They were charged under Section 5 of the Public Order Act, police said.').map((s) => s.text)).toEqual(['Section 5', 'Public Order Act']);
    expect(nameSpans('On March 12 Manchester United were 3 points clear and Leeds 2 points behind.').map((s) => s.text)).toEqual([
      'Manchester United',
      'Leeds',
    ]);
  });

  it('never takes the pronoun I, with or without a contraction, for a name', () => {
    expect(nameSpans("I've ensured there is little about me, Mr Blunkett said.").map((s) => s.text)).toEqual(['Blunkett']);
    expect(nameSpans("I'm sure I said it, and I'd say it again to Mr Howard.").map((s) => s.text)).toEqual(['Howard']);
  });
});
