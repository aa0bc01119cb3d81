import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { correctQuestion, questionWordTypedAs, truecaseQuestion } from '../../src/ask/truecase.ts';
import { buildSlots, retrieveSentences, spellingCorrections } from '../../src/ask/retrieve.ts';
import { parseQuestion } from '../../src/ask/question.ts';
import { answerQuestion } from '../../src/ask/answer.ts';
import { analyzeTerm } from '../../src/index/analyzer.ts';
import { abbreviationExpansions } from '../../src/ask/abbreviations.ts';

function article(id: string, text: string, title = 'Coverage'): Article {
  return { id, file: id, title, titleDerived: false, outlet: null, byline: null, published: '2021-12-30', url: null, text, hash: id };
}

const index = new CorpusIndex();
index.addArticles([
  article(
    'a.txt',
    'The call was requested by Russia, a White House official said. Press secretary Jen Psaki said the talks were serious.\n\nThe government said it would respond.',
  ),
  article('b.txt', 'Psaki told reporters the call lasted 50 minutes. The US government requested nothing. Officials in the US said the call was useful.'),
]);

describe('spellingCorrections', () => {
  it("offers the corpus's nearest spellings of a word it never uses", () => {
    // Terms are analysed (stemmed) words: "requsted" → "requst", "goverment" → "gover".
    expect([analyzeTerm('requsted'), analyzeTerm('goverment')]).toEqual(['requst', 'gover']);
    expect(spellingCorrections(index, 'requst')).toEqual(['request']);
    expect(spellingCorrections(index, 'gover')).toEqual(['govern']);
  });

  it('leaves short words and numbers alone', () => {
    expect([spellingCorrections(index, 'sya'), spellingCorrections(index, '2021')]).toEqual([[], []]);
  });
});

describe('truecaseQuestion', () => {
  it('gives lower-case words the case the coverage writes them in', () => {
    expect(truecaseQuestion(index, 'who is jen psaki?')).toEqual('who is Jen Psaki?');
  });

  it('keeps words the coverage writes in lower case', () => {
    expect(truecaseQuestion(index, 'who requested the call?')).toEqual('who requested the call?');
  });
});

/** The question as corrected against a coverage of the given article texts. */
function correctedIn(texts: string[], question: string): string {
  const coverage = new CorpusIndex();
  coverage.addArticles(texts.map((text, i) => article(`a${i}.txt`, text)));
  return correctQuestion(coverage, question);
}

describe('correctQuestion', () => {
  it('respells words the coverage never uses with its nearest spelling, then truecases', () => {
    expect(correctQuestion(index, 'who requsted the call?')).toEqual('who requested the call?');
    expect(correctQuestion(index, 'what did jen psaki say about the goverment')).toEqual('what did Jen Psaki say about the government');
  });

  it('reads two letters typed the wrong way round as the word meant, before a word one letter shorter ("dealy" is "delay", not "deal")', () => {
    const tv = new CorpusIndex();
    tv.addArticles([article('d.txt', 'The ceremony was broadcast with a seven-second delay. The network signed a deal. The deal ran on.')]);
    expect(correctQuestion(tv, 'how long was the broadcast dealy?')).toEqual('how long was the broadcast delay?');
  });

  it("reads a plural cut short as the coverage's word it begins, before a one-letter slip of another", () => {
    const chips = new CorpusIndex();
    chips.addArticles([article('c.txt', 'The chip handles trillions of calculations per second. Analysts called it fast. Rivals called back.')]);
    expect(correctQuestion(chips, 'how many calcs per second?')).toEqual('how many calculations per second?');
  });

  it('reads an opening slip of a question word as that word, a letter left out or added first', () => {
    expect(correctQuestion(index, 'wat did jen psaki say?')).toEqual('what did Jen Psaki say?');
    expect(['hw', 'whta', 'wher', 'wen'].map(questionWordTypedAs)).toEqual(['how', 'what', 'where', 'when']);
    // A question word, or a word in common use, is as typed.
    expect(['who', 'want', 'hot'].map(questionWordTypedAs)).toEqual([null, null, null]);
  });

  it('leaves chat fillers as typed and reads "didnt" as "didn\'t"', () => {
    const planes = new CorpusIndex();
    planes.addArticles([article('p.txt', 'The plane landed in Geneva. The plane was late.'), article('q.txt', 'A second plane waited.')]);
    expect(correctQuestion(planes, 'why did the plane land in the first place?')).toEqual('why did the plane land in the first place?');
    expect(correctQuestion(planes, 'why didnt the plane wait?')).toEqual("why didn't the plane wait?");
    expect(correctQuestion(planes, 'wheres the plane?')).toEqual("where's the plane?");
    // The question's own grammar is never respelt, though the coverage never writes it ("many" is not "man").
    // A word in common use is the asker's, never respelt into the coverage's nearest ("bust" is not "business").
    expect(correctedIn(['The business collapsed in July. The business owed $41bn.'], 'when did the business go bust?')).toEqual(
      'when did the business go bust?',
    );
    expect(correctedIn(['A man waited for the plane.'], 'how many planes waited?')).toEqual('how many planes waited?');
    // A chat abbreviation is the coverage's word it drops letters from.
    expect(correctedIn(['The government said people would vote. The government and its people agreed.'], 'what did the govt tell ppl?')).toEqual(
      'what did the government tell people?',
    );
    expect(correctedIn(['Collins is 33. Collins was banned.'], 'how old is collins atm')).toEqual('how old is collins at the moment');
    expect(correctedIn(['The government said people would vote. The government and its people agreed.'], "what are the govt's plans?")).toEqual(
      "what are the government's plans?",
    );
    // A word cut short is read before one whose letters it only holds in order, even when used once.
    expect(
      correctedIn(
        ['The charges are unsubstantiated, he said. They are unsubstantiated. He lectures at the University of Buckingham.'],
        'which uni does he lecture at',
      ),
    ).toEqual('which University does he lecture at');
    // A hyphenated name typed as one word is the coverage's name.
    expect(correctedIn(['Shoppers said Wal-Mart cut prices. The chain, Wal-Mart, agreed.'], 'why did walmart cut prices')).toEqual(
      'why did Wal-Mart cut prices',
    );
    expect(correctedIn(['Shoppers said Wal-Mart cut prices. The chain, Wal-Mart, agreed.'], "what did walmart's boss cut")).toEqual(
      "what did Wal-Mart's boss cut",
    );
    // The apostrophe goes back before any respelling: "wont" is not "want".
    expect(correctedIn(['Fans want the plane to wait.'], 'why wont the plane wait?')).toEqual("why won't the plane wait?");
  });

  it('respells a real word the coverage never uses by one edit at most ("station" is not "stain")', () => {
    const radio = new CorpusIndex();
    radio.addArticles([article('r.txt', 'He told BBC Radio Sheffield about the stain on his record.'), article('s.txt', 'The trains were busy.')]);
    expect(correctQuestion(radio, 'which radio station did he talk on')).toEqual('which Radio station did he talk on');
    expect(correctQuestion(radio, 'what was the stian on his record')).toEqual('what was the stain on his record');
  });

  it('leaves an abbreviation of the coverage\'s names as typed, never clipping it to another word ("cre" is no "create")', () => {
    const cre = new CorpusIndex();
    cre.addArticles([article('c.txt', 'The Commission for Racial Equality said it would create a panel.'), article('d.txt', 'Ministers met.')]);
    expect(correctQuestion(cre, 'what did the cre say')).toEqual('what did the cre say');
  });

  it('reads "us" after an article as the country, where the coverage names it', () => {
    const us = new CorpusIndex();
    us.addArticles([article('u.txt', 'It costs $499 in the US, he told us.'), article('v.txt', 'Prices rose.')]);
    expect(correctQuestion(us, 'how much is it in the us? did he tell us')).toEqual('how much is it in the US? did he tell us');
  });

  it('undoes two swapped letters, short words included', () => {
    expect(correctQuestion(index, 'what did psaki sya about teh call?')).toEqual('what did Psaki say about the call?');
    expect(correctQuestion(index, 'who requetsed the call?')).toEqual('who requested the call?');
  });
});

describe('answerQuestion with a misspelt question', () => {
  it('answers "who requsted the call?" like the spelled question', () => {
    expect(answerQuestion(index, 'who requsted the call?').answer.answer).toEqual(answerQuestion(index, 'who requested the call?').answer.answer);
  });
});

describe('buildSlots', () => {
  it('gives a name no synonyms of the common word it spells ("Bill" is not "pay")', () => {
    const slotsFor = (question: string) => buildSlots(index, parseQuestion(question), []).map((s) => [s.label, [...s.terms.keys()]]);
    expect(slotsFor('who is Bill Conti?')).toEqual([
      ['Bill', ['bill']],
      ['Conti', ['conti']],
    ]);
    expect(slotsFor('who paid the bill?').find(([label]) => label === 'bill')![1]).toContain('pai');
  });

  it('reads two words the coverage writes as one ("web pages", "webpages") as that word too', () => {
    const web = new CorpusIndex();
    web.addArticles([article('w.txt', 'Microsoft has indexed 5 billion webpages.'), article('x.txt', 'The pages of the web were busy.')]);
    const termsOf = (label: string) => [
      ...buildSlots(web, parseQuestion('how many web pages has microsoft indexed'), [])
        .find((s) => s.label === label)!
        .terms.keys(),
    ];
    expect([termsOf('web'), termsOf('pages')]).toEqual([
      ['web', 'webpag'],
      ['page', 'webpag'],
    ]);
  });

  it('finds a figure the index splits ("Firefox 1.0" is indexed as "1" and "0") as its pieces together', () => {
    const web = new CorpusIndex();
    web.addArticles([article('f.txt', 'The release of Firefox 1.0 on 9 November was awaited.'), article('g.txt', 'Firefox 2 came later.')]);
    const slot = buildSlots(web, parseQuestion('when did firefox 1.0 come out?'), []).find((s) => s.label === '1.0')!;
    expect(slot.phrases).toEqual([{ terms: ['1', '0'], weight: 1 }]);
    const [best] = retrieveSentences(web, buildSlots(web, parseQuestion('when did firefox 1.0 come out?'), []));
    expect(best!.text).toBe('The release of Firefox 1.0 on 9 November was awaited.');
    expect([...best!.matched].sort()).toEqual(['1.0', 'firefox']);
  });

  it('reads the kind of person asked for by its narrower kinds too ("lawyer" and "solicitor")', () => {
    const law = new CorpusIndex();
    law.addArticles([article('l.txt', "The men's solicitor Matthew Knight spoke.")]);
    const termsOf = (question: string, label: string) => [
      ...buildSlots(law, parseQuestion(question), [])
        .find((s) => s.label === label)!
        .terms.keys(),
    ];
    expect(termsOf("who's the lawyer for the men?", 'lawyer')).toEqual(['lawyer', 'solicitor']);
    // Not a word that is no kind asked for: "men" keeps its own terms.
    expect(termsOf("who's the lawyer for the men?", 'men')).toEqual(['men']);
  });

  it('reads a small number in figures and in words as one ("4th" and "fourth", "2" and "two")', () => {
    const termsOf = (question: string, label: string) => [
      ...buildSlots(index, parseQuestion(question), [])
        .find((s) => s.label === label)!
        .terms.keys(),
    ];
    expect(termsOf('who denied him a 4th number one?', '4th')).toEqual(['4th', 'fourth']);
    expect(termsOf('did they meet 2 times?', '2')).toEqual(['2', 'two']);
    expect(termsOf('was it their third meeting?', 'third')).toContain('3rd');
  });

  it('weighs the words of a clause of time at half: it sets the scene, the rest is what is asked', () => {
    const idf = (question: string, label: string) => buildSlots(index, parseQuestion(question), []).find((s) => s.label === label)!.idf;
    expect(idf('what did psaki say about the call after the government responded?', 'government')).toBeCloseTo(
      idf('what did psaki say about the government?', 'government') * 0.5,
      10,
    );
    expect(idf('what did psaki say about the call after the government responded?', 'call')).toBeCloseTo(idf('what did psaki say about the call?', 'call'), 10);
    // So does a phrase of time ("on the first day of…").
    expect(idf('where did the government call on the first day of the talks?', 'talks')).toBeCloseTo(
      idf('where did the government call the talks?', 'talks') * 0.5,
      10,
    );
  });

  it('weighs a verb that frames another ("manage to get") at a tenth: the coverage tells the action', () => {
    const idf = (question: string, label: string) => buildSlots(index, parseQuestion(question), []).find((s) => s.label === label)!.idf;
    expect(idf('did the government try to block the call?', 'try')).toBeCloseTo(idf('did the government try the call?', 'try') * 0.1, 10);
    // Not before a noun phrase, nor before "be": there the verb is the action.
    expect(idf('did the government talk to the press?', 'talk')).toBeCloseTo(idf('did the government talk?', 'talk'), 10);
    expect(idf('did the government ask to be heard?', 'ask')).toBeCloseTo(idf('did the government ask?', 'ask'), 10);
    // A verb before a gerund frames it too; an auxiliary does not count.
    expect(idf('did the government stop paying for the call?', 'stop')).toBeCloseTo(idf('did the government stop the call?', 'stop') * 0.1, 10);
    // A light verb before a noun of action leaves the action to the noun ("bring charges" where the coverage says "press charges").
    expect(idf('did the government bring charges?', 'bring')).toBeCloseTo(idf('did the government bring?', 'bring') * 0.1, 10);
    // …but not before a noun that names no action.
    expect(idf('did the government bring the president?', 'bring')).toBeCloseTo(idf('did the government bring?', 'bring'), 10);
  });

  it('weighs what a who-is question adds after the name at half: it only places the person', () => {
    const idf = (question: string, label: string) => buildSlots(index, parseQuestion(question), []).find((s) => s.label === label)!.idf;
    expect(parseQuestion('who is Psaki, the one quoted on the government?').scene).toBe('the one quoted on the government');
    expect(idf('who is Psaki, the one quoted on the government?', 'government')).toBeCloseTo(
      idf('what did psaki say about the government?', 'government') * 0.5,
      10,
    );
    expect(idf('who is Psaki, the one quoted on the government?', 'Psaki')).toBeCloseTo(idf('who is Psaki?', 'Psaki'), 10);
  });

  it('weighs a common word the coverage never uses at half the rarest weight, and a name it never mentions in full', () => {
    const idf = (question: string, label: string) => buildSlots(index, parseQuestion(question), []).find((s) => s.label === label)!.idf;
    const rarest = Math.log(1 + index.passageCount);
    expect(idf('did putin quibble about the call?', 'quibble')).toBeCloseTo(0.5 * rarest, 10);
    expect(idf('did Zorbatov talk about the call?', 'Zorbatov')).toBeCloseTo(rarest, 10);
  });
});

describe('acronyms', () => {
  it('reads an acronym as the expansion the coverage gives it, in either order', () => {
    const acronyms = new CorpusIndex();
    acronyms.addArticles([
      article('a.txt', 'Inspectors from the International Olympic committee began a four-day tour of the city.'),
      article('b.txt', 'The mayor said the IOC (International Olympic Committee) would see a city that delivers.'),
      article('c.txt', 'The Australian Transport Safety Bureau (ATSB) led the search for a week.'),
      article('d.txt', 'The US Anti-Doping Agency (USADA) decided to press charges.'),
    ]);
    const phrases = (q: string) => buildSlots(acronyms, parseQuestion(q), []).flatMap((s) => s.phrases.map((p) => p.terms.join(' ')));
    expect(phrases('how long is the IOC tour?')).toEqual(['intern olymp committe']);
    expect(phrases('how long did the ATSB search?')).toEqual(['australian transport safeti bureau']);
    // A word in capitals gives all its letters, a hyphened word each part's first.
    expect(phrases('why did the USADA press charges?')).toEqual(['us anti dope agenc']);
    // A figure with its multiplier shortened ("$3m") is found where the coverage spells it out.
    expect(phrases('who wants a $3m cap?')).toEqual(['3 million']);
    expect(answerQuestion(acronyms, 'how long is the IOC tour?').answer.answer).toBe('four days');
  });
});

describe('abbreviations chat users make', () => {
  it('reads chat shorthand as its word ("ppl", "govt", "last yr", "w/"), unless the coverage writes it so', () => {
    const staff = new CorpusIndex();
    staff.addArticles([article('a.txt', 'Southcorp employs 2,700 people. The government said so last year. U2 played.', 'Wine jobs')]);
    expect(correctQuestion(staff, 'how many ppl work at Southcorp w/ the govt last yr?')).toBe(
      'how many people work at Southcorp with the government last year?',
    );
    // A word that names a property of every object is no shorthand.
    expect(correctQuestion(staff, 'who is the constructor of the tostring deal?')).toBe('who is the constructor of the tostring deal?');
    // "U2" is a name, not "you"; a shorthand the coverage itself uses stays.
    expect(correctQuestion(staff, 'what did U2 play?')).toBe('what did U2 play?');
    const info = new CorpusIndex();
    info.addArticles([article('b.txt', 'The info desk opened.', 'Desk')]);
    expect(correctQuestion(info, 'when did the info desk open?')).toBe('when did the info desk open?');
    expect(answerQuestion(staff, 'how many ppl work at southcorp?').answer.answer).toBe('2,700 people');
    expect(correctQuestion(staff, 'r ur ppl sure')).toBe('are your people sure');
    expect(correctQuestion(staff, 'how many guys left')).toBe('how many people left');
    expect(correctQuestion(staff, "which company's stats showed the celebs execs were busy")).toBe(
      "which company's statistics showed the celebrities executives were busy",
    );
  });

  it('reads a short word the coverage does not use as the initials of a name it does', () => {
    const names = new CorpusIndex();
    names.addArticles([
      article('a.txt', 'Great Britain face Israel in March. The tie in Great Britain is sold out.', 'Great Britain name team'),
      article('b.txt', 'Rain hit Los Angeles before the ceremony.', 'Storms in Los Angeles'),
    ]);
    expect(abbreviationExpansions(names, 'LA')).toEqual(['Los Angeles']);
    expect(abbreviationExpansions(names, 'gb')).toEqual(['Great Britain']);
    expect(abbreviationExpansions(names, "LA's")).toEqual(['Los Angeles']);
    // A word the coverage or the dictionary knows is read as itself.
    expect(abbreviationExpansions(names, 'tie')).toEqual([]);
    expect(answerQuestion(names, 'when do gb face israel?').answer.answer).toBe('March');
  });

  it('reads the initials of the words a longer name opens with ("NY" for "New York" in "New York Marathon")', () => {
    const races = new CorpusIndex();
    races.addArticles([article('a.txt', 'She was edged out by Radcliffe in the New York Marathon last year.', 'Kenyan banned')]);
    expect(abbreviationExpansions(races, 'NY')).toEqual(['New York']);
    expect(abbreviationExpansions(races, 'NYM')).toEqual(['New York Marathon']);
  });
});
