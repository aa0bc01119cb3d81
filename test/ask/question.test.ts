import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/ask/question.ts';
import { detectFamily } from '../../src/ask/families/registry.ts';
import { asksForName } from '../../src/ask/question-shape.ts';

describe('detectFamily', () => {
  const cases: [string, string][] = [
    ['who requested the call?', 'who'],
    ['which side asked for it?', 'who'],
    ['at whose request did the call take place?', 'who'],
    ['which ship detected the signals?', 'who'],
    ['what company made the offer?', 'who'],
    ['who is Yuri Ushakov?', 'who_is'],
    ['who is the Kremlin spokesman?', 'who_is'],
    ['who was killed?', 'who'],
    ['who is responsible for the attacks?', 'who'],
    ['what is his role?', 'who_is'],
    ['when are the Geneva talks?', 'when'],
    ['what date is the meeting?', 'when'],
    ['how long ago did it happen?', 'when'],
    ['how long was it?', 'how_long'],
    ['over what period did the bookmaker see a rush of bets?', 'how_long'],
    ['what was the duration of the call?', 'how_long'],
    ['how many troops are at the border?', 'how_many'],
    ['how much has the search cost?', 'how_many'],
    ['what is the death toll?', 'how_many'],
    ['where will the talks be held?', 'where'],
    ['which city hosted the talks?', 'who'],
    ['which city are the talks in?', 'where'],
    ['which country requested the call?', 'who'],
    ['what did Putin warn?', 'said'],
    ['how did the Kremlin respond?', 'said'],
    ["what's upton's take on the fines as they stand now?", 'said'],
    ["what was the minister's reaction?", 'said'],
    ['what is Nord Stream 2?', 'about'],
    ['tell me about the sanctions', 'about'],
  ];
  for (const [question, family] of cases) {
    it(`reads "${question}" as ${family}`, () => expect(detectFamily(question)).toBe(family));
  }
});

describe('detectFamily: chat phrasings', () => {
  it('reads a what + noun phrase + verb as what_x, and percentages, deadlines, reasons and admissions by their family', () => {
    const families = [
      'what tv channel was he on when he denied it',
      'what german magazine reported the talks',
      'what % of voters think he was damaged',
      'by what percentage is the dividend rising',
      "what's the deadline for the reply",
      "what's the reason they give",
      'what did thanou admit about the story',
      'according to the mayor, what did the report say about the police?',
      'how might he get round the board',
    ].map(detectFamily);
    expect(families).toEqual(['what_x', 'what_x', 'how_many', 'how_many', 'when', 'why', 'said', 'said', 'how']);
    // What something is worth, or the most it could be fined, is an amount of money.
    expect(["what's the company worth on the stock market", 'whats the most a broadcaster could be fined each time'].map(detectFamily)).toEqual([
      'how_many',
      'how_many',
    ]);
    // "how often…" asks for a frequency, which the how-long family reads ("every two days").
    expect(detectFamily('how often does microsoft refresh its index')).toBe('how_long');
    // "what did X pay / spend / cost" asks for an amount; "what did X say / offer" does not.
    expect(['what did the club pay for the striker', 'what does the console cost in japan', 'what did the club offer him'].map(detectFamily)).toEqual([
      'how_many',
      'how_many',
      'about',
    ]);
    // A verb in the progressive asks for the doer; a name ending in -ing is still a who-is question.
    expect(['who was reportedly drawing up a list', 'who is leading the talks', 'who is sterling'].map(detectFamily)).toEqual(['who', 'who', 'who_is']);
    // "what was the NOUN" asks for an amount when WordNet files the noun as a measure.
    expect(
      ['what was the transfer fee?', "what's the price of the console", 'what was the result?', "what's the quota number the tories are proposing?"].map(
        detectFamily,
      ),
    ).toEqual(['how_many', 'how_many', 'about', 'how_many']);
    // A kind told by what its holder did asks for the holder; a kind with its complement asks for a role holder.
    expect(
      ["who's the academic who reckoned the ruling hurt", 'who was the first celeb to get booted', 'who is the head of the tribunal'].map(detectFamily),
    ).toEqual(['who', 'who', 'who_is']);
    // So does a kind told by a clause without "who": what its holder is doing, or what someone does with them.
    expect(
      ["who's the producer stan lee is partnering with on the new film?", 'who is the senator pushing for a cap on fines', 'who is the senator for kansas'].map(
        detectFamily,
      ),
    ).toEqual(['who', 'who', 'who_is']);
    // A prefixed verb after a name is a verb all the same: whom that person works with.
    expect(['who is lee co-writing the screenplay with', 'who is lee co-star'].map(detectFamily)).toEqual(['who', 'who_is']);
    // Another question word opens the question: an amount it mentions later is not what it asks.
    expect(['who put a number on how much the market is worth?', 'how much is the market worth?'].map(detectFamily)).toEqual(['who', 'how_many']);
    // "…put in as caretaker boss" asks for the one made that kind.
    expect(parseQuestion("who's been put in as caretaker boss for the next friendly").entity).toBe('caretaker boss');
    // "how much time" asks how long.
    expect(['how much jail time is he facing?', 'how many times did he win?'].map(detectFamily)).toEqual(['how_long', 'how_many']);
  });
});

describe('asksForName', () => {
  it('tells a question for a name from one with the verb "call"', () => {
    expect(['whats the name of the nanny in the row', 'what is his guide dog called now?', 'who called the attacks an act of war?'].map(asksForName)).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('parseQuestion', () => {
  it('asks who a name is, not what the asker adds about its story', () => {
    const target = (q: string) => [parseQuestion(q).family, parseQuestion(q).entity];
    expect(target('who is David Roberts in the christmas formula story')).toEqual(['who_is', 'David Roberts']);
    expect(target('who is Mike Read? saw his name on the tsunami single')).toEqual(['who_is', 'Mike Read']);
    expect(target('who is Ken Perkins, the guy quoted on the sales numbers')).toEqual(['who_is', 'Ken Perkins']);
    // A role keeps what it is of; a participle asks who it was done to.
    expect(target('who is the head of the tribunal')).toEqual(['who_is', 'the head of the tribunal']);
    expect(target('who was taken to hospital')).toEqual(['who', null]);
  });

  it('reads the question proper first when a clause before it sets the scene', () => {
    const scene = parseQuestion('in its second week at the top, who did band aid keep down at no 2?');
    expect([scene.family, scene.text]).toEqual(['who', 'who did band aid keep down at no 2 in its second week at the top']);
    const time = parseQuestion('when jailhouse rock went to no1, who got bumped down to second?');
    expect([time.family, time.text]).toEqual(['who', 'who got bumped down to second when jailhouse rock went to no1']);
    // A question before the comma stays first.
    expect(parseQuestion('when did it happen, where?').text).toBe('when did it happen, where');
  });

  it('finds the counted noun past adjectives and stops at the verb', () => {
    expect(parseQuestion('how many Russian soldiers are near Ukraine?').countNoun).toBe('soldiers');
    expect(parseQuestion('how many people died in the conflict?').countNoun).toBe('people');
    // The size of the thing named, past a year that describes it.
    expect(parseQuestion('how big was the 1998 settlement the companies struck?').countNoun).toBe('settlement');
    expect(parseQuestion("how big is kenya's squad for the championships?").countNoun).toBe('squad');
    // (A name after the noun, once the question is truecased, is the subject of a clause.)
    expect(parseQuestion('how big was the bid Morgan pulled?').countNoun).toBe('bid');
    expect(parseQuestion('how big a fine could the firm get?').countNoun).toBe('fine');
    expect(parseQuestion('how many Man Utd fans went?').countNoun).toBe('fans');
  });

  it('reads "how much" as money when the question counts in money, and a change as a percentage', () => {
    expect(
      ['how much of each 50p vote goes to the appeal', 'how much of the $20bn did they pay', 'how much did profit rise from $1bn'].map(
        (q) => parseQuestion(q).countNoun,
      ),
    ).toEqual(['money', 'money', 'percent']);
  });

  it('reads what the asker adds to a who-is question, a progressive after a name, and "reckon" as the words they are', () => {
    expect(parseQuestion('who is giles bradshaw, the guy with the four dogs?').entity).toBe('giles bradshaw');
    expect(parseQuestion('who is craig brown again?').entity).toBe('craig brown');
    expect(parseQuestion("who's curry teaming up with on the venture").family).toBe('who');
    expect([parseQuestion('what did henman reckon about the tie?').family, parseQuestion('what did henman reckon about the tie?').entity]).toEqual([
      'said',
      'henman',
    ]);
    // "what did X make of…" asks for X's view.
    expect(['family', 'entity'].map((k) => parseQuestion("what did anil make of his brother's buyback plan")[k as 'family' | 'entity'])).toEqual([
      'said',
      'anil',
    ]);
    // "what date…" asks for a date: the word names nothing the coverage says.
    expect(parseQuestion('what date does the ban take effect').focus).toEqual(['ban', 'take', 'effect']);
    expect(parseQuestion('what day of the week did the court rule').focus).toEqual(['court', 'rule']);
    expect(parseQuestion("what's the deadline for the firms to appeal").focus).toEqual(['firms', 'appeal']);
    // "what sort of memory…" asks for a kind of memory: "sort of" names nothing.
    expect(['entity', 'focus'].map((k) => parseQuestion('what sort of memory does the player use')[k as 'entity' | 'focus'])).toEqual([
      'memory',
      ['memory', 'player', 'use'],
    ]);
    // "US" in capitals is the country, "us" the pronoun.
    expect([parseQuestion('how much does it cost in the US').focus, parseQuestion('how much did they pay us').focus]).toEqual([['cost', 'US'], ['pay']]);
    // "how much extra…" asks for a difference in money; "how many more copies" still counts copies.
    expect([parseQuestion('how much extra is apple giving to the charity').countNoun, parseQuestion('how many more copies did it sell').countNoun]).toEqual([
      'money',
      'copies',
    ]);
    // "by what percentage…" asks for a percentage: the coverage says "down 40%", not the word.
    expect(parseQuestion('by what percentage have asylum applications dropped').focus).toEqual(['asylum', 'applications', 'dropped']);
    // "how much money…" asks for an amount: the coverage says "$250,000 has been raised", not "money".
    expect(parseQuestion('how much money did the fans raise for the ad').focus).toEqual(['fans', 'raise', 'ad']);
    // "ended up buying" tells what was bought: "end up" is the asker's way of telling it.
    expect(parseQuestion('why didnt gazprom end up buying yugansk at the auction').focus).toEqual(['gazprom', 'buying', 'yugansk', 'auction']);
    // "at the moment" says when the asker asks, not what about.
    expect(parseQuestion('how many podcasts are listed at the moment?').focus).toEqual(['podcasts', 'listed']);
  });

  it('reads "who is" with a verb in the progressive as a question about a doer', () => {
    expect(
      ["who's partnering murray in the doubles?", 'who is leading the talks?', 'who is the kremlin spokesman?'].map((q) => parseQuestion(q).family),
    ).toEqual(['who', 'who', 'who_is']);
  });

  it('finds the kind of thing a which/what question asks for', () => {
    const kinds = [
      'which radio station did he talk on?',
      'which film won best picture',
      'what greek island did he come through',
      'what did she say?',
      'who won?',
    ].map((q) => parseQuestion(q).answerKind);
    expect(kinds).toEqual(['station', 'film', 'island', null, null]);
  });

  it('stops the counted noun at a word WordNet mostly uses as a verb, unless an auxiliary follows it', () => {
    expect(
      ['how much data fits on a disc?', 'how many people live there', 'how many police officers were hurt', 'how many davis cup matches did he win?'].map(
        (q) => parseQuestion(q).countNoun,
      ),
    ).toEqual(['data', 'people', 'officers', 'matches']);
  });

  it('reads the noun of "which of their lawyers"', () => {
    expect(parseQuestion('which of their lawyers said the verdict was due?').entity).toBe('lawyers');
    expect(parseQuestion("which is britain's biggest union overall").entity).toBe('union');
  });

  it('reads the kind a "who is the … who" question asks for by its role', () => {
    expect(parseQuestion('who is the analyst who said the dividend hike looked like a sweetener').entity).toBe('analyst');
    expect(parseQuestion("who's the production company behind big brother?").entity).toBe('production company');
    expect(parseQuestion('who was behind the attack?').entity).toBe(null);
  });

  it('finds the speaker of a said question', () => {
    expect(parseQuestion('what did the White House say?').entity).toBe('the White House');
  });

  it('marks pronoun questions as needing a subject', () => {
    expect(parseQuestion('how long was it?').needsSubject).toBe(true);
    expect(parseQuestion('who requested the call?').needsSubject).toBe(false);
    // A possessive after a name the question gives is that name's.
    expect(parseQuestion('where did Collins take her appeal?').needsSubject).toBe(false);
    expect(parseQuestion('where did she take her appeal?').needsSubject).toBe(true);
  });

  it('keeps content words and drops question words', () => {
    expect(parseQuestion('who requested the call?').focus).toEqual(['requested', 'call']);
  });
});

describe('parseQuestion: the kind a which/what question asks for', () => {
  it('is the head of the noun phrase it opens, ending at the verb or a preposition', () => {
    const kinds = [
      'which state oil company ended up owning the unit',
      'which radio station did he first talk on',
      'which department in wales is set to be hit worst',
      'which film won best picture',
      'which of their lawyers said it',
      'what tv show was he on',
      'which team wins the league',
    ].map((q) => [parseQuestion(q).entity, parseQuestion(q).answerKind]);
    expect(kinds).toEqual([
      ['company', 'company'],
      ['station', 'station'],
      ['department', 'department'],
      ['film', 'film'],
      ['lawyers', 'lawyers'],
      ['show', 'show'],
      ['team', 'team'],
    ]);
  });
});

describe('parseQuestion: contractions typed without their apostrophe', () => {
  it('are function words, like the contractions they stand for', () => {
    expect(parseQuestion('how many times does ken say hes had run-ins with the press').focus).toEqual(['times', 'ken', 'say', 'run-ins', 'press']);
    expect(parseQuestion('why didnt the club appeal').focus).toEqual(['club', 'appeal']);
  });
});

describe('detectFamily: a question word at the end', () => {
  it('asks as it would at the start', () => {
    expect(['boris is mp for where again?', 'the auction was held when?', 'so the deal is worth how much', 'is he mp for where?'].map(detectFamily)).toEqual([
      'where',
      'when',
      'how_many',
      'where',
    ]);
  });
});
