import { describe, expect, it } from 'vitest';
import {
  antonyms,
  areSiblings,
  isKindOf,
  isMeasureNoun,
  kindsOfName,
  mainPartOfSpeech,
  namesNoDoer,
  namesPersonOrBody,
  narrowerNouns,
  phrasalVerbs,
  relatedWords,
} from '../../src/ask/wordnet.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { answerQuestion } from '../../src/ask/answer.ts';
import { testArticle } from './scored.ts';

describe('relatedWords (WordNet 3.1)', () => {
  it("gives the synonyms of a word's first sense, without light verbs", () => {
    expect(relatedWords('resigned')).toEqual({ synonyms: ['vacate', 'renounce'], derivations: ['resignation'] });
    expect(relatedWords('died').synonyms).toEqual(['decease', 'perish', 'expire', 'conk', 'choke', 'croak']);
  });

  it('reads two-letter words: an ad is an advert', () => {
    expect(relatedWords('ad').synonyms).toEqual(['advertisement', 'advertizement', 'advertising', 'advertizing', 'advert']);
  });

  it('gives the narrower kinds of a noun, and tells kinds of person or body', () => {
    expect(narrowerNouns('lawyer').slice(0, 3)).toEqual(['advocate', 'counsel', 'counselor']);
    expect(narrowerNouns('lawyer')).toContain('solicitor');
    expect(['lawyer', 'company', 'paper'].map(namesPersonOrBody)).toEqual([true, true, false]);
  });

  it('reads a word in its most used part of speech', () => {
    expect(relatedWords('dog')).toEqual({ synonyms: [], derivations: [] });
  });

  it('reads an inflected verb form as a verb, with its derivations', () => {
    expect(relatedWords('died').derivations).toEqual(['death']);
    expect(relatedWords('invaded').derivations).toEqual(['invasive', 'invasion', 'invader']);
  });

  it('reads an adverb as the adjective it is formed from', () => {
    expect(relatedWords('reportedly')).toEqual({ synonyms: [], derivations: ['reported'] });
    expect(relatedWords('originally').derivations).toEqual(['original']);
  });

  it('gives nothing for numbers, short words and words WordNet lacks', () => {
    expect([relatedWords('12'), relatedWords('a'), relatedWords('qwzx')]).toEqual([
      { synonyms: [], derivations: [] },
      { synonyms: [], derivations: [] },
      { synonyms: [], derivations: [] },
    ]);
  });
});

describe('antonyms', () => {
  it("compares a comparative's opposite alike", () => {
    expect([antonyms('faster'), antonyms('larger'), antonyms('wider')]).toEqual([['slower'], ['smaller'], ['narrower']]);
  });

  it('gives the direct antonyms of a word in any inflected form, and none inherited from a similar head', () => {
    expect([antonyms('won'), antonyms('high'), antonyms('rose'), antonyms('accept'), antonyms('original'), antonyms('12')]).toEqual([
      ['lose'],
      ['low'],
      ['fall'],
      ['reject', 'refuse'],
      [],
      [],
    ]);
  });
});

describe('areSiblings', () => {
  it('pairs two kinds of one thing, never a word with its synonym or itself', () => {
    const pairs = [
      ['gold', 'silver'],
      ['car', 'truck'],
      ['monday', 'friday'],
      ['film', 'movie'],
      ['tv', 'television'],
      ['gold', 'gold'],
      ['deal', 'contract'],
    ];
    expect(pairs.map(([a, b]) => areSiblings(a!, b!))).toEqual([true, true, true, false, false, false, false]);
  });
});

describe('namesNoDoer', () => {
  it('knows contests, awards and holidays, and never a name WordNet lists as an instance or does not know', () => {
    expect(['World Cup', 'Oscar', 'Olympics', 'Christmas', 'Mexico', 'Google', 'Chelsea', 'Bush'].map(namesNoDoer)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('kindsOfName (WordNet instances)', () => {
  it('files a proper name under the kinds of its instance senses, and nothing for a name WordNet lacks', () => {
    expect([
      kindsOfName('Los Angeles').has('city'),
      kindsOfName('Sweden').has('country'),
      kindsOfName('Thames').has('river'),
      kindsOfName('Tony Blair').has('politician'),
    ]).toEqual([true, true, true, true]);
    expect([kindsOfName('Aegean Sea').has('island'), kindsOfName('Bonhams').size]).toEqual([false, 0]);
  });
});

describe('isMeasureNoun (WordNet hypernyms)', () => {
  it('takes a noun whose main sense is a kind of measure for an amount, and no other', () => {
    expect(['price', 'fee', 'salary', 'revenue', 'size', 'rate', 'fines'].map(isMeasureNoun)).toEqual([true, true, true, true, true, true, true]);
    expect(['result', 'name', 'plan', 'verdict', 'score', 'club'].map(isMeasureNoun)).toEqual([false, false, false, false, false, false]);
  });
});

describe('isKindOf (WordNet hypernyms)', () => {
  it('follows the hypernym chains of the most used senses, not up to the most general nouns', () => {
    expect([isKindOf('voters', 'people'), isKindOf('passengers', 'people'), isKindOf('officials', 'individuals'), isKindOf('cars', 'vehicles')]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([isKindOf('people', 'voters'), isKindOf('trucks', 'people'), isKindOf('clubs', 'units'), isKindOf('deaths', 'people')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads a plural that WordNet also lists as a noun of its own ("viewers", an audience) as the plural too', () => {
    expect([isKindOf('viewers', 'people'), isKindOf('viewer', 'people')]).toEqual([true, true]);
  });
});

describe('mainPartOfSpeech', () => {
  it("gives the part of speech a word's senses are most used in", () => {
    expect(['think', 'presenter', 'senior', 'qwzx'].map(mainPartOfSpeech)).toEqual(['verb', 'noun', 'adj', null]);
  });
});

describe('phrasalVerbs (WordNet 3.1)', () => {
  it('finds a verb and its particle as one entry, inflected, with the words WordNet gives it', () => {
    expect(phrasalVerbs('when did he step down'.split(' '))).toEqual([{ from: 3, to: 5, related: ['quit', 'resign', 'step-down'] }]);
    expect(phrasalVerbs('who got booted out first'.split(' '))).toEqual([{ from: 2, to: 4, related: ['oust', 'expel'] }]);
    // A verb and its object is no phrasal verb ("buy it" is an idiom for dying).
    expect(phrasalVerbs('who ended up buying it'.split(' ')).map((p) => [p.from, p.to])).toEqual([[1, 3]]);
  });
});

describe('a phrasal verb in a question', () => {
  it('finds the coverage’s word for it', () => {
    const index = new CorpusIndex();
    index.addArticles([{ ...testArticle('a.txt', 'The chairman resigned on Monday after a row over pay.'), hash: 'a' }]);
    expect(answerQuestion(index, 'when did the chairman step down?').answer.answer).toBe('Monday');
  });
});
