import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.ts';
import { retrieveSentences, type ScoredSentence, type Slot } from '../../src/ask/retrieve.ts';
import { extractDurations } from '../../src/ask/extract/duration.ts';
import { extractQuantities } from '../../src/ask/extract/quantity.ts';
import { extractDates } from '../../src/ask/extract/when.ts';
import { extractAskedOutlets } from '../../src/ask/extract/outlet.ts';
import { extractPlaces } from '../../src/ask/extract/place.ts';
import { extractTitles } from '../../src/ask/extract/title.ts';
import { isCountryName } from '../../src/ask/gazetteer.ts';
import { extractRoles, extractRoleHolders } from '../../src/ask/extract/role.ts';
import { extractPronounStatements, extractStatements, extractToldQuotes } from '../../src/ask/extract/statement.ts';
import {
  extractAgents,
  extractByAgents,
  extractMentioned,
  extractNamesOfKind,
  extractPrepositionObjects,
  extractQuoteTeller,
  extractSpeakers,
  extractSubjects,
} from '../../src/ask/extract/agent.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { answerQuestion } from '../../src/ask/answer.ts';
import { scoredSentence, slotOf } from './scored.ts';

/** A sentence as the retriever hands it to extractors. */
function sentence(text: string, published: string | null = '2021-12-31', matched: string[] = []): ScoredSentence {
  return scoredSentence(text, { published, matched });
}

const slot = (label: string, words: string[]): Slot => slotOf(label, words);

const values = (cs: { key: string; value: string }[]) => cs.map((c) => [c.key, c.value]);

describe('extractDurations', () => {
  it('reads "ended … after 90 minutes" as how long it lasted and "In four days," as when', () => {
    const c = (text: string) => extractDurations(sentence(text)).map((d) => [d.value, d.confidence]);
    expect(c('Talks aimed at averting strikes have ended without agreement after 90 minutes.')).toEqual([['90 minutes', 1]]);
    expect(c('In four days, the union will start balloting its members.')).toEqual([['four days', 0.5]]);
    expect(c('The claim was processed in 52 days.')).toEqual([['52 days', 0.85]]);
  });

  it('reads a stretch of years from where it starts and ends', () => {
    const s = sentence('The lawsuit alleged thousands of violations in California between 2000 and 2003.');
    expect(extractDurations(s).map((d) => [d.key, d.value, d.confidence])).toEqual([['duration:1576800', '3 years (2000 to 2003)', 0.8]]);
    expect(extractDurations(sentence('Sales fell from 2004 to 2003.'))).toEqual([]);
  });

  it('reads a time ago only when the question asks how long something has been so', () => {
    const s = sentence('Barclays was founded more than 300 years ago.');
    expect(extractDurations(s)).toEqual([]);
    expect(values(extractDurations(s, true))).toEqual([['duration:157680000:more than', 'more than 300 years']]);
  });

  it('reads a frequency ("every two days") only when the question asks how often', () => {
    const s = sentence('Microsoft claims to update its index every two days.');
    expect(extractDurations(s)).toEqual([]);
    expect(extractDurations(s, false, true).map((d) => [d.key, d.value, d.confidence])).toEqual([['every:duration:2880', 'every two days', 1]]);
  });

  it('reads "around 50 minutes" and "a 50-minute call" as the same length', () => {
    expect(values(extractDurations(sentence('Thursday’s call, which lasted around 50 minutes, comes as officials grow concerned.')))).toEqual([
      ['duration:50', '50 minutes'],
    ]);
    expect(values(extractDurations(sentence('Biden took part in a 50-minute telephone call with Putin.')))).toEqual([['duration:50', '50 minutes']]);
  });

  it('keeps a bounding qualifier as its own claim', () => {
    expect(values(extractDurations(sentence('The appeal, which lasted just under an hour, was serious.')))).toEqual([
      ['duration:60:just under', 'just under an hour'],
    ]);
  });

  it('adds up "two hours and forty minutes"', () => {
    expect(values(extractDurations(sentence('They began a siege that would last two hours and forty minutes.')))).toEqual([
      ['duration:160', 'two hours and forty minutes'],
    ]);
  });

  it('reads "a five-and-a-half-year contract" and "processed in 52 days"', () => {
    expect(values(extractDurations(sentence('Torres joined on a five-and-a-half-year contract.')))).toEqual([['duration:2890800', '5.5 years']]);
    expect(extractDurations(sentence('The application was processed in 52 days.')).map((c) => [c.value, c.confidence])).toEqual([['52 days', 0.85]]);
  });

  it('does not read the ordinal "a second inquiry" as a second', () => {
    expect(extractDurations(sentence('They called for a second inquiry into the visa.'))).toEqual([]);
  });

  it('ignores ages and times ago', () => {
    expect(extractDurations(sentence('The 28-year-old left three days ago.'))).toEqual([]);
  });
});

describe('extractQuantities', () => {
  const troops = slot('troops', ['troops', 'soldiers']);

  it('reads amounts attached to the counted noun, with their qualifier', () => {
    const s = sentence('Russia has assembled as many as 100,000 troops along the border.', null, ['troops']);
    expect(values(extractQuantities(s, troops, 'troops'))).toEqual([['qty:100000', '100,000 troops']]);
  });

  it('reads a range of the counted noun as one claim, and shows the noun as the coverage writes it', () => {
    const searches = slot('searchs', ['search']);
    const s = sentence('On average, users conduct between five and 10 searches per day.', null, ['searchs']);
    expect(values(extractQuantities(s, searches, 'searchs'))).toEqual([['qty:5-10', 'between five and 10 searches']]);
    expect(values(extractQuantities(sentence('Users conduct five to 10 searches a day.'), searches, 'searchs'))).toEqual([['qty:5-10', 'five to 10 searches']]);
    // A soldier is a troop: "100,000 soldiers", as written.
    expect(values(extractQuantities(sentence('Russia has massed 100,000 soldiers.'), troops, 'troops'))).toEqual([['qty:100000', '100,000 soldiers']]);
    // A kind of what the question counts, as written: "1,981 voters" counts people.
    expect(values(extractQuantities(sentence('YouGov polled a sample of 1,981 voters.'), slot('people', ['people']), 'people'))).toEqual([
      ['qty:1981', '1,981 voters'],
    ]);
    // A body of people counts its people: "76,200 staff" for "how many people…".
    expect(values(extractQuantities(sentence('It employs 76,200 staff worldwide.'), slot('people', ['people']), 'people'))).toEqual([
      ['qty:76200', '76,200 staff'],
    ]);
  });

  it('counts a product the question names under the common noun the coverage gives it', () => {
    const s = sentence('Sony says it intends to ship three million of the consoles by March 2005.');
    expect(values(extractQuantities(s, slot('PSPs', ['psps']), 'psps'))).toEqual([['qty:3000000', 'three million psps']]);
    // A kind the dictionary knows is counted only under its own name or its kinds.
    expect(values(extractQuantities(sentence('The firm will ship three million of the consoles.'), slot('phones', ['phones']), 'phones'))).toEqual([]);
  });

  it('reads a number joined to its noun by a hyphen ("a three-judge panel")', () => {
    const s = sentence('A three-judge panel agreed with the companies in a 2-1 decision.');
    expect(values(extractQuantities(s, slot('judges', ['judges']), 'judges'))).toEqual([['qty:3', 'three judges']]);
  });

  it('reads an amount whose noun came earlier in the sentence', () => {
    const s = sentence('Russia has amassed troops at its border with estimates of more than 90,000 along the border.', null, ['troops']);
    expect(values(extractQuantities(s, troops, 'troops'))).toEqual([['qty:90000:more than', 'more than 90,000 troops']]);
  });

  it('reads "tens of thousands of troops"', () => {
    const s = sentence('Moscow has alarmed the West by massing tens of thousands of troops near its border.', null, ['troops']);
    expect(values(extractQuantities(s, troops, 'troops'))).toEqual([['qty:tens of thousands', 'tens of thousands of troops']]);
  });

  it('skips partitives, years, dates and percentages', () => {
    const s = sentence('One of the 12 troops left in 2014, on January 10, when 40% of troops stayed.', null, ['troops']);
    expect(values(extractQuantities(s, troops, 'troops'))).toEqual([['qty:12', '12 troops']]);
  });

  it('counts people by what happened to them', () => {
    const killed = slot('killed', ['killed', 'dead', 'wounding']);
    const s = sentence('A conflict that left at least 14,000 dead.', null, ['killed']);
    expect(values(extractQuantities(s, slot('people', ['people']), 'people', [killed]))).toEqual([['qty:14000:at least', 'at least 14,000 people']]);
  });
});

describe('extractQuantities: a list before the counted noun', () => {
  it('counts the items listed before the counted noun, and reads no figure inside the list', () => {
    const titles = slot('titles', ['titl']);
    const s = sentence('White failed a drugs test after winning the 100m and 200m titles at the 2003 world athletics championships.', null, ['titles']);
    expect(values(extractQuantities(s, titles, 'titles'))).toEqual([['qty:2', 'two (100m and 200m titles)']]);
    const elections = slot('elections', ['elect']);
    const three = sentence("He was Tony Blair's right-hand man at the 1992, 1997 and 2001 elections.", null, ['elections']);
    expect(values(extractQuantities(three, elections, 'elections'))).toEqual([['qty:3', 'three (1992, 1997 and 2001 elections)']]);
    // Lower-case words are no list of what tells them apart: "killing 129 people and wounding 352".
    expect(values(extractQuantities(sentence('Rebels and soldiers clashed.', null, ['soldiers']), slot('soldiers', ['soldier']), 'soldiers'))).toEqual([]);
  });
});

describe('extractDates', () => {
  it('reads "May" as the month only where it is one, and a season as a weak date', () => {
    expect(values(extractDates(sentence('He wants to play a part in the poll, expected in May.', null)))).toEqual([['month:y-5', 'May']]);
    expect(values(extractDates(sentence('Ministers may decide on Friday.', null)))).toEqual([['weekday:Friday', 'Friday']]);
    expect(extractDates(sentence('I hope to finish the mod by this summer, he said.', null)).map((c) => [c.key, c.value, c.confidence])).toEqual([
      ['season:this-summer', 'this summer', 0.6],
    ]);
  });

  it('keeps the part of a month or a year the text gives ("late November", "mid-March"), keyed as the month', () => {
    expect(values(extractDates(sentence('The campaign began in late November but its tactics proved controversial.', null)))).toEqual([
      ['month:y-11', 'late November'],
    ]);
    expect(values(extractDates(sentence('The shop opens in mid-March.', null)))).toEqual([['month:y-3', 'mid-March']]);
  });

  it('reads dates against the article’s own date', () => {
    expect(values(extractDates(sentence('The two leaders last spoke during a call on Dec. 7.')))).toEqual([['date:12-7', 'December 7, 2021']]);
    expect(values(extractDates(sentence('Biden spoke to Putin on Thursday.')))).toEqual([['date:12-30', 'Thursday, December 30, 2021']]);
  });

  it('shows a date as the coverage writes it, day first in British copy', () => {
    expect(values(extractDates(sentence('Lord Goldsmith warned Tony Blair on 7 March 2003 that the war could be illegal.', null)))).toEqual([
      ['date:3-7', '7 March 2003'],
    ]);
    expect(values(extractDates(sentence('The talks are on 10 January and the vote on Thursday.')))).toEqual([
      ['date:1-10', '10 January 2022'],
      ['date:12-30', 'Thursday, 30 December 2021'],
    ]);
  });

  it('reads a bare weekday as a weekday when the article has no date', () => {
    expect(values(extractDates(sentence('Biden spoke to Putin on Thursday.', null)))).toEqual([['weekday:Thursday', 'Thursday']]);
  });

  it('reads "scheduled for January. 13" despite the stray full stop', () => {
    expect(values(extractDates(sentence('A larger meeting is scheduled for January. 13.')))).toEqual([['date:1-13', 'January 13, 2022']]);
  });

  it('leaves out relative spans the article does not date', () => {
    expect(extractDates(sentence('Troops massed over the past two months.'))).toEqual([]);
  });
});

describe('extractPlaces', () => {
  it('reads a place after a locative preposition', () => {
    expect(values(extractPlaces(sentence('Talks are planned on Jan. 10 in Geneva.')))).toEqual([['place:geneva', 'Geneva']]);
    // "on" and "within" place a name too, weakly; never a day or a month.
    const within = extractPlaces(sentence('It can be used on the Windows desktop and within the Outlook e-mail program, from Monday.'));
    expect(within.map((c) => [c.value, c.confidence])).toEqual([
      ['Windows', 0.45],
      ['Outlook', 0.45],
    ]);
  });

  it('counts a whole country for less than a city, unless the question asks for a country', () => {
    const s = sentence('Yukos filed for bankruptcy in Houston, in the US state of Texas, and not in Russia.');
    const confidence = (country: boolean) => Object.fromEntries(extractPlaces(s, null, country).map((c) => [c.value, c.confidence]));
    // (Houston and Texas are places WordNet knows: full confidence.)
    expect(confidence(false)).toEqual({ Houston: 1, Texas: 1, Russia: 0.8 });
    expect(confidence(true)).toEqual({ Houston: 1, Texas: 1, Russia: 1 });
    expect([isCountryName('the United States'), isCountryName('US'), isCountryName('Britain'), isCountryName('Moscow'), isCountryName('Houston')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('does not split a name at "in"', () => {
    expect(values(extractPlaces(sentence('He met the Organization for Security and Cooperation in Europe.')))).toEqual([]);
  });
});

describe('extractPlaces: a name that qualifies an event', () => {
  it('counts a name before a gathering or a contest for less than the place it is held in', () => {
    const s = sentence('Gates spoke during a keynote speech at the RSA Security conference currently being held in San Francisco.');
    expect(extractPlaces(s).map((c) => [c.value, Math.round(c.confidence * 100) / 100])).toEqual([
      ['RSA Security', 0.36],
      ['San Francisco', 1],
    ]);
    // A hotel is a place: the name before it is where.
    expect(extractPlaces(sentence('The squad is based at the Mottram Hall hotel.')).map((c) => [c.value, c.confidence])).toEqual([['Mottram Hall', 0.9]]);
  });
});

describe('extractTitles', () => {
  it('reads a title with its small words and its article, for a kind of work only', () => {
    const s = sentence('Actor Jamie Foxx dedicated a rendition of Georgia on My Mind to old friends.');
    expect(extractTitles(s, 'song').map((c) => [c.value, c.confidence])).toEqual([['Georgia on My Mind', 0.7]]);
    const album = sentence('In 1972, he made a rare foray into protest songs with his album A Message from the People.');
    expect(extractTitles(album, 'album').map((c) => [c.value, c.confidence])).toEqual([['A Message from the People', 1]]);
    // A law is named, not titled; a title made of the question's words restates it.
    expect(extractTitles(sentence('They were charged under the Public Order Act.'), 'law')).toEqual([]);
    expect(extractTitles(s, 'song', new Set(['georgia', 'on', 'my', 'mind']))).toEqual([]);
  });
});

describe('roles', () => {
  it('reads the title before a name and the appositive after it', () => {
    expect(values(extractRoles(sentence('Russian presidential aide Yuri Ushakov said the Kremlin was happy.'), 'Yuri Ushakov'))).toEqual([
      ['role:aide', 'Russian presidential aide'],
    ]);
    expect(values(extractRoles(sentence('Yuri Ushakov, a Putin aide, told reporters.'), 'Yuri Ushakov'))).toEqual([['role:aide', 'Putin aide']]);
    expect(values(extractRoles(sentence("Bill Conti's job of musical director of the Oscars show is not for the faint-hearted."), 'Bill Conti'))).toEqual([
      ['role:director', 'musical director of the Oscars show'],
    ]);
  });

  it('keeps the employer named right after the name with the role before it', () => {
    const s = sentence('"The story is costs," said analyst Alex Potter at Lehman Brothers.');
    expect(values(extractRoles(s, 'Alex Potter', { anyPerson: true }))).toEqual([['role:analyst', 'analyst at Lehman Brothers']]);
  });

  it('starts the role after a word that lists the person ("including", "such as")', () => {
    const s = sentence('Smith has the backing of many fans, including former Scotland manager Craig Brown.');
    expect(values(extractRoles(s, 'Craig Brown', { anyPerson: true }))).toEqual([['role:manager', 'former Scotland manager']]);
  });

  it('finds the person holding a role', () => {
    expect(values(extractRoleHolders(sentence('Kremlin spokesman Dmitry Peskov told reporters.'), 'the Kremlin spokesman'))).toEqual([
      ['person:peskov', 'Dmitry Peskov'],
    ]);
    expect(values(extractRoleHolders(sentence('French President Francois Hollande spoke.'), 'the French president'))).toEqual([
      ['person:hollande', 'Francois Hollande'],
    ]);
    // "boss" is no plural of "bos": its WordNet synonyms ("chief") hold the role too.
    expect(values(extractRoleHolders(sentence('Refugee Council chief Maeve Sherlock called the plans dangerous.'), 'refugee boss'))).toEqual([
      ['person:sherlock', 'Maeve Sherlock'],
    ]);
  });

  it('reads a span that only restates the asked kind as a description of the name before it', () => {
    const text = 'But Tony Banks, Labour MP for West Ham, said the issue would soon disappear.';
    expect(values(extractRoleHolders(sentence(text), 'mp', 'which labour mp reckons the row will be forgotten'))).toEqual([['person:banks', 'Tony Banks']]);
    // A span with words of its own is a name: "Deutsche Bank" for "which bank".
    expect(values(extractRoleHolders(sentence('Shares in Deutsche Bank rose.'), 'bank', 'which bank saw its shares rise'))).toEqual([
      ['person:bank', 'Deutsche Bank'],
    ]);
  });

  it('reads the name before a description of the kind, and an example of the kind, never a common word opening the sentence', () => {
    const hsbc = 'According to analysts, HSBC, the biggest UK bank by stock market valuation, will report profits.';
    expect(values(extractRoleHolders(sentence(hsbc), 'uk bank', 'which uk bank is the biggest'))).toEqual([['name:hsbc', 'HSBC']]);
    const fox = 'Certain broadcasters, like Fox, claim the material they carry does not violate indecency laws.';
    expect(values(extractRoleHolders(sentence(fox), 'broadcaster', 'which broadcaster claims free speech'))).toEqual([['name:fox', 'Fox']]);
  });
});

/** What extractPronounStatements reads from the sentence `quote` of a one-article coverage of `body`. */
function pronounStatements(body: string, quote: string, speaker: string) {
  const index = new CorpusIndex();
  const s = sentence(body);
  index.addArticles([s.article]);
  const at = body.indexOf(quote);
  return extractPronounStatements(index, { ...s, text: quote, start: at, end: at + quote.length }, speaker);
}

describe('extractStatements', () => {
  it('takes the quote after "X said:" and leaves the listener and circumstances out', () => {
    const v = (text: string, speaker: string) => extractStatements(sentence(text), speaker).map((c) => c.value);
    expect(v('Asked if the figure was obscene, Scudamore said: "It is not a problem at all."', 'Scudamore')).toEqual(['It is not a problem at all']);
    expect(v('In his first comments since the report, Mr Blair told BBC News he had not yet read it.', 'Blair')).toEqual(['he had not yet read it']);
    expect(v('Psaki told reporters the call was serious.', 'Psaki')).toEqual(['the call was serious']);
  });

  it('reads a quote a pronoun tells after a sentence that names the speaker first, a capitalised opening word aside', () => {
    const previous = 'One dissenting opinion came from Brian Gammage, an analyst.';
    const quote = 'He said: "I don\'t think it changes the world."';
    expect(pronounStatements(`${previous} ${quote}`, quote, 'Brian Gammage').map((c) => [c.value, c.confidence])).toEqual([
      ["I don't think it changes the world", 0.85],
    ]);
    // Named after another name, as an object, the speaker is not the pronoun's: "Apple" is one, as the
    // article writes it inside a sentence too.
    expect(pronounStatements(`Apple beat Brian Gammage to it. ${quote} Shares in Apple rose.`, quote, 'Brian Gammage')).toEqual([]);
  });

  it('follows the speaker back over sentences that name no other teller, and after a phrase that opens a sentence', () => {
    const body =
      'One dissenting opinion came from Brian Gammage, an analyst. He said: "It changes little." Although cheap, it was dear. "The PC world is a pile-em-high market," he said.';
    const quote = '"The PC world is a pile-em-high market," he said.';
    // Three sentences back: 0.85, and 0.9 of it.
    expect(pronounStatements(body, quote, 'Brian Gammage').map((c) => [c.value, Number(c.confidence.toFixed(3))])).toEqual([
      ['The PC world is a pile-em-high market', 0.765],
    ]);
    // Another teller named in between takes the pronoun.
    const told = 'One dissenting opinion came from Brian Gammage, an analyst. "It is cheap," said Mr Fogg. "The PC world is a pile-em-high market," he said.';
    expect(pronounStatements(told, quote, 'Brian Gammage')).toEqual([]);
    const gratified = 'He said: "I am gratified."';
    expect(pronounStatements(`As well as Spider-Man, Lee co-created the Hulk. ${gratified}`, gratified, 'Lee').map((c) => c.value)).toEqual(['I am gratified']);
  });

  it('reads what a speaker warned, told or said', () => {
    expect(
      extractStatements(sentence('Mr Putin told Mr Biden that sanctions against Moscow could rupture ties, the Kremlin said.'), 'Putin').map((c) => c.value),
    ).toEqual(['sanctions against Moscow could rupture ties, the Kremlin said']);
  });

  it('reads a quote attributed after it', () => {
    expect(
      extractStatements(sentence('“President Biden urged Russia to de-escalate,” White House Press Secretary Jen Psaki said in a readout.'), 'Psaki').map(
        (c) => c.value,
      ),
    ).toEqual(['President Biden urged Russia to de-escalate']);
  });

  it('does not take the circumstance of a statement for the statement', () => {
    expect(extractStatements(sentence('Jen Psaki said after a call between the two leaders.'), 'Psaki')).toEqual([]);
  });
});

describe('extractPrepositionObjects', () => {
  it('reads the object of the preposition, the name a possessive name qualifies as its head', () => {
    const s = sentence("Its bid to acquire a controlling stake in South Africa's leading retail bank Absa was considered.");
    expect(extractPrepositionObjects(new CorpusIndex(), s, 'in', [slot('stake', ['stake'])]).map((c) => c.value)).toEqual(['Absa']);
  });
});

describe('extractAskedOutlets', () => {
  const outlets = (text: string) => extractAskedOutlets(sentence(text)).map((c) => [c.value, c.confidence]);

  it('reads the outlet someone told, surely when its name says it is one', () => {
    expect(outlets('He told BBC Radio 4\'s Today programme: "We are shocked."')).toEqual([["BBC Radio 4's Today programme", 1]]);
    expect(outlets('He told the Sunday Mirror: "I am shocked."')).toEqual([['Sunday Mirror', 0.8]]);
  });

  it('reads the names a report is put down to, and no person, country or describing word', () => {
    expect(outlets('According to the Financial Times, analysts doubt it.')).toEqual([['Financial Times', 0.9]]);
    expect(outlets('Mubanga claimed in the Observer that he was mistreated.')).toEqual([['Observer', 0.9]]);
    expect(outlets('He declined to comment on the report in the Sunday Express.')).toEqual([['Sunday Express', 0.9]]);
    expect(outlets('He accused an Evening Standard journalist of being a guard.')).toEqual([['Evening Standard', 0.9]]);
    expect(outlets('According to John Smith and according to France, a Jewish reporter was insulted.')).toEqual([]);
  });
});

describe('extractAgents', () => {
  const index = new CorpusIndex();

  it('reads the agent of a passive through a particle and a title before the name ("frozen out by coach Jose Mourinho")', () => {
    const froze = slot('froze', ['froze']);
    const agents = (text: string) => extractAgents(index, sentence(text), [froze], [froze]).map((c) => [c.value, c.confidence]);
    expect(agents('His form went into decline and he was frozen out by coach Jose Mourinho.')).toEqual([['Jose Mourinho', 1]]);
    expect(agents('The pipes were frozen by the end of March.')).toEqual([]);
  });

  it('takes the name a qualifying name and a kind of person lead up to ("by X Factor winner Steve Brookstein")', () => {
    const beaten = slot('beaten', ['beaten']);
    const agents = (text: string) => extractAgents(index, sentence(text), [beaten], [beaten]).map((c) => c.value);
    expect(agents('Elvis was beaten by X Factor winner Steve Brookstein.')).toEqual(['Steve Brookstein']);
    expect(agents('Elvis was beaten by Kylie Minogue in London.')).toEqual(['Kylie Minogue']);
  });

  it('reads the subject of a verb past the short form of its name in brackets ("the US Anti-Doping Agency (USADA) decided")', () => {
    const decided = slot('decided', ['decided']);
    const agents = (text: string) => extractAgents(index, sentence(text), [decided], [decided]).map((c) => c.value);
    expect(agents('The US Anti-Doping Agency (USADA) decided to press charges.')).toEqual(['US Anti-Doping Agency']);
  });

  it('reads the doer of the verb more surely than a name before its noun form', () => {
    const polled = slot('polled', ['polled']);
    const agents = (text: string) => extractAgents(index, sentence(text), [polled], [polled]).map((c) => [c.value, c.confidence]);
    expect(agents('YouGov polled a weighted sample of 1,981 voters.')).toEqual([['YouGov', 0.63]]);
    expect(agents('Some 63% in the Sunday Times poll thought so.')).toEqual([['Times', 0.63]]);
  });

  it('reads "the latter" and "the former" as the last and first name of the sentence before, and cites both sentences', () => {
    const bought = slot('bought', ['bought']);
    const withPrevious = (opening: string): ScoredSentence => {
      const body = `Due to follow are AOL and Yahoo. ${opening} recently bought Stata Labs.`;
      const s = scoredSentence(body);
      const start = body.indexOf(opening);
      return { ...s, text: body.slice(start), start, end: body.length, previous: { text: 'Due to follow are AOL and Yahoo.', start: 0, end: 32 } };
    };
    const latter = extractAgents(index, withPrevious('The latter'), [bought], [bought]);
    // (0.85 for "the latter", times what toCandidate counts a name of unknown kind.)
    expect(latter.map((c) => [c.value, c.confidence, c.sentence.text])).toEqual([
      ['Yahoo', 0.595, 'Due to follow are AOL and Yahoo. The latter recently bought Stata Labs.'],
    ]);
    expect(extractAgents(index, withPrevious('The former'), [bought], [bought]).map((c) => c.value)).toEqual(['AOL']);
  });

  it('reads the doer a cleft sentence puts in focus, whatever its verb', () => {
    const s = sentence('It was the International Olympic Committee who demanded the IAAF investigate the affair.');
    const pushed = slot('pushed', ['pushed']);
    expect(values(extractAgents(index, s, [pushed], [pushed, slot('IAAF', ['IAAF'])]))).toEqual([
      ['organisation:international olympic committee', 'International Olympic Committee'],
    ]);
  });

  it('reads the subject of a second predicate from the name that opens the sentence', () => {
    const s = sentence('Jawad Bendaoud, 29, was arrested during the Saint-Denis raid and is said to have rented the flat to Abaaoud.');
    const rented = slot('rented', ['rented']);
    expect(values(extractAgents(index, s, [rented], [rented, slot('Saint-Denis', ['Saint-Denis']), slot('Abaaoud', ['Abaaoud'])]))).toEqual([
      ['person:jawad bendaoud', 'Jawad Bendaoud'],
    ]);
  });
});

describe('extractRoleHolders: kinds of thing', () => {
  it('takes a compound ending in the kind and the name right before a lower-case kind', () => {
    expect(values(extractRoleHolders(sentence('Thanou told To Vima newspaper in her first interview.'), 'paper'))).toEqual([['name:vima', 'Vima']]);
    expect(values(extractRoleHolders(sentence('He was talking about making a deal.'), 'king'))).toEqual([]);
    // A possessive qualifier names the one the kind is for ("begg's lawyer": "lawyer for Mr Begg"); a
    // name before a verb and someone else's kind is none ("Moazzam, thanked his lawyers").
    const lawyer = sentence('Gareth Peirce, lawyer for Mr Begg, said she was shocked.');
    expect(values(extractRoleHolders(lawyer, "begg's lawyer"))).toEqual([['person:peirce', 'Gareth Peirce']]);
    expect(values(extractRoleHolders(sentence('Azmat Begg, father of Moazzam, thanked his lawyers.'), "begg's lawyer"))).toEqual([]);
    // The name before "as" and the words that describe the kind holds it.
    const appointed = sentence('The Scottish FA has appointed Tommy Burns as provisional caretaker-boss for the friendly.');
    expect(values(extractRoleHolders(appointed, 'caretaker boss'))).toEqual([['person:burns', 'Tommy Burns']]);
    // The holder after where the kind is from, not the qualifier before it.
    const senator = sentence('A Republican senator from Kansas, Sam Brownbeck, is set to call for a maximum fine.');
    expect(values(extractRoleHolders(senator, 'senator'))).toEqual([['person:brownbeck', 'Sam Brownbeck']]);
    // A thing of the kind named by its number ("flight 370"), but not a count after it ("best picture 18 times").
    expect(values(extractRoleHolders(sentence('The plane was flight 370 to Beijing.'), 'flight'))).toEqual([['name:flight 370', 'flight 370']]);
    expect(values(extractRoleHolders(sentence('The film has won best picture 18 times out of 20.'), 'picture'))).toEqual([]);
    expect(values(extractRoleHolders(sentence('The worst-affected area will be the Department of Work and Pensions.'), 'department'))).toEqual([
      ['name:department of work and pensions', 'Department of Work and Pensions'],
    ]);
  });

  it('takes the name before words that describe the kind, but no lone capital that opens the sentence', () => {
    expect(values(extractRoleHolders(sentence('He won the US Open junior title last year.'), 'title'))).toEqual([['name:us open', 'US Open']]);
    expect(values(extractRoleHolders(sentence('Animal welfare groups have welcomed the ban.'), 'group'))).toEqual([]);
    expect(values(extractRoleHolders(sentence('Chelsea signed the striker.'), 'striker'))).toEqual([]);
  });

  it('reads a synonym of the asked kind, with a sequel number in the name ("which movie" → "the Spider-Man 2 film")', () => {
    expect(values(extractRoleHolders(sentence('Buyers will get the Spider-Man 2 film on disc.'), 'movie'))).toEqual([['name:spider-man 2', 'Spider-Man 2']]);
  });

  it('takes no demonym for the name of a kind ("the German film"), unless a country is asked for (then the country)', () => {
    expect(values(extractRoleHolders(sentence('The award went to the German film about the war.'), 'film'))).toEqual([]);
    expect(values(extractRoleHolders(sentence('The award went to the German team in the final.'), 'team'))).toEqual([['country:germany', 'Germany']]);
  });
});

describe('extractPlaces: "-based"', () => {
  it('reads "Paris-based Euronext" as a place', () => {
    expect(values(extractPlaces(sentence('Paris-based Euronext, owner of Liffe, said it was interested.')))).toEqual([['place:paris', 'Paris']]);
  });
});

describe('extractSpeakers', () => {
  const index = new CorpusIndex();
  const content = [slot('sweetener', ['sweetener'])];

  it('finds who tells a quote, after it or opening the sentence, counting less when the words are off the question', () => {
    const quote = sentence('"There is a whiff of a sweetener in there," Anais Faraj, an analyst at Nomura, told the BBC.');
    expect(extractSpeakers(index, quote, content, content).map((c) => [c.value, c.confidence])).toEqual([['Anais Faraj', 0.9]]);
    const opening = sentence('But, Hans Reckers, a board member of the Bundesbank, said that trading should stay in Frankfurt.');
    expect(extractSpeakers(index, opening, content, content).map((c) => [c.value, c.confidence])).toEqual([['Hans Reckers', 0.34]]);
  });
});

describe("extractPlaces: the question's own preposition", () => {
  it('takes the name right after it ("MP for where?"), even when the name reader ran it on from a title', () => {
    const s = sentence('Mr Johnson, MP for Henley-on-Thames, Oxfordshire, said he would not apologise.');
    expect(extractPlaces(s, null, false, null, 'for').map((c) => [c.value, c.confidence])[0]).toEqual(['Henley-on-Thames', 1]);
    expect(extractPlaces(s).map((c) => c.value)).not.toContain('Henley-on-Thames');
  });
});

describe('extractQuoteTeller', () => {
  const text =
    'Unions are united against the plans. Dave Prentis, general secretary of Unison, said the changes meant a raw deal. "Members never had city bonuses," he said. "What really riles me is the hypocrisy of MPs who voted themselves the best pension scheme.\n\nThe Cabinet Office said it was reviewing the scheme. "Pensions are getting more expensive.';
  const article: Article = {
    id: 'p.txt',
    file: 'p.txt',
    title: 'T',
    titleDerived: false,
    outlet: null,
    byline: null,
    published: null,
    url: null,
    text,
    hash: 'h',
  };
  const index = new CorpusIndex();
  index.addArticles([article]);
  const at = (opening: string): ScoredSentence =>
    retrieveSentences(index, [slot('scheme', ['scheme']), slot('expensive', ['expensive'])]).find((x) => x.text.startsWith(opening))!;

  it('reads the teller of a quote that names none from before it, through “he said”, citing the span verbatim', () => {
    const [teller] = extractQuoteTeller(index, at('"What really riles'), [slot('compared', ['compared'])]);
    expect([teller!.value, teller!.confidence]).toEqual(['Dave Prentis', 0.7]);
    expect(teller!.sentence.text).toBe(
      'Dave Prentis, general secretary of Unison, said the changes meant a raw deal. "Members never had city bonuses," he said. "What really riles me is the hypocrisy of MPs who voted themselves the best pension scheme.',
    );
    expect(text.slice(teller!.sentence.start, teller!.sentence.end)).toBe(teller!.sentence.text);
  });

  it('gives a speaker the words of a quote told before it ran on, through “he said”, without the “he said”', () => {
    const told = extractToldQuotes(at('"What really riles'), 'Prentis');
    expect(told.map((c) => [c.value, c.confidence])).toEqual([
      ['What really riles me is the hypocrisy of MPs who voted themselves the best pension scheme', 0.85],
    ]);
    expect(told[0]!.sentence.text.startsWith('Dave Prentis, general secretary of Unison, said')).toBe(true);
    expect(extractToldQuotes(at('"What really riles'), 'Serwotka')).toEqual([]);
  });

  it('gives the quote to the speaker whose surname tells it (the full name a first-name question is resolved to)', () => {
    const bj = 'Tory MP Boris Johnson defended the mayor. Mr Johnson told Today: "It is true I apologised once.\n\n"But he has been crass in his language.';
    const own = new CorpusIndex();
    own.addArticles([{ ...article, id: 'b.txt', file: 'b.txt', text: bj }]);
    const quote = retrieveSentences(own, [slot('crass', ['crass'])]).find((x) => x.text.startsWith('"But he'))!;
    expect(extractToldQuotes(quote, 'Boris Johnson').map((c) => c.value)).toEqual(['But he has been crass in his language']);
    expect(extractToldQuotes(quote, 'Tony Blair')).toEqual([]);
    expect(answerQuestion(own, 'what did boris say about his language?').answer.answer).toBe('But he has been crass in his language');
  });

  it('takes only a quote in the first person as its teller’s deed, and leaves a quote that names its own teller to extractSpeakers', () => {
    // The Cabinet Office speaks in "Pensions are getting more expensive", but the quote tells of pensions, not of itself.
    expect(at('"Pensions are').speaker?.name).toBe('Cabinet Office');
    expect(extractQuoteTeller(index, at('"Pensions are'), [slot('compared', ['compared'])])).toEqual([]);
    expect(extractQuoteTeller(index, sentence('"Members never had city bonuses," he said.'), [])).toEqual([]);
    expect(extractQuoteTeller(index, sentence('Unions are united against the plans.'), [])).toEqual([]);
  });
});

describe('extractStatements: a speaker asked for by role', () => {
  it('finds the role of whom the question gives it to, with words between or after, and a possessive typed without its apostrophe', () => {
    const spokesman = sentence("Tony Blair's official spokesman said the plans were out for consultation.");
    expect(extractStatements(spokesman, 'blairs spokesman').map((c) => c.value)).toEqual(['the plans were out for consultation']);
    const mayor = sentence('The mayor of Molenbeek said it was not her job to act on the list.');
    expect(extractStatements(mayor, 'the molenbeek mayor').map((c) => c.value)).toEqual(['it was not her job to act on the list']);
    expect(extractStatements(sentence('A spokesman for the union said the talks had failed.'), 'blairs spokesman')).toEqual([]);
  });
});

describe('extractStatements: a quote opened in the sentence before', () => {
  it('takes the quote, not the listener, as the statement', () => {
    const s = sentence('We are not scared to take this to its conclusion this time," Atticus\' David Slager told the Sunday Times.');
    expect(extractStatements(s, 'David Slager').map((c) => c.value)).toEqual(['We are not scared to take this to its conclusion this time']);
  });
});

describe('extractRoles: a long role after a name', () => {
  it('ends the role at a phrase of place or time once it has its "of", and keeps "at" an employer', () => {
    const v = (text: string, name: string) => extractRoles(sentence(text), name).map((c) => c.value);
    expect(
      v('Yiannis Papadoyiannakis, who was head of the Greek Olympic team at the Athens Games last year, also testified.', 'Yiannis Papadoyiannakis'),
    ).toEqual(['head of the Greek Olympic team']);
    expect(v('"It is a portable device," said Michael Pachter, analyst at Wedbush Morgan Securities.', 'Michael Pachter')).toEqual([
      'analyst at Wedbush Morgan Securities',
    ]);
  });

  it('reads a role set before the name with a comma, and no verb as part of a role', () => {
    const v = (text: string, name: string) => extractRoles(sentence(text), name).map((c) => c.value);
    expect(v('"A decision is expected by mid-March," said one of their lawyers, Michalis Dimitrakopoulos.', 'Michalis Dimitrakopoulos')).toEqual([
      'one of their lawyers',
    ]);
    expect(v("TCI drew up a list of executives to replace Deutsche's chairman Rolf Breuer.", 'Rolf Breuer')).toEqual(["Deutsche's chairman"]);
  });
});

describe('extractRoles for who-is answers', () => {
  it('takes any noun for a person as a role when asked who someone is, only the lexicon roles otherwise', () => {
    const s = sentence('North Devon landowner Giles Bradshaw was put in touch with the Middle Way Group.');
    expect(extractRoles(s, 'Giles Bradshaw', { anyPerson: true }).map((c) => [c.key, c.value])).toEqual([['role:landowner', 'North Devon landowner']]);
    expect(extractRoles(s, 'Giles Bradshaw')).toEqual([]);
  });

  it('looks two-letter words up too ("former DJ Mike Read")', () => {
    const s = sentence('The song was written by former DJ Mike Read.');
    expect(extractRoles(s, 'Mike Read', { anyPerson: true }).map((c) => c.value)).toEqual(['DJ']);
  });
});

describe('extractSubjects', () => {
  const index = new CorpusIndex();

  it('gives the name opening the sentence as a weak doer, unless the question names it', () => {
    const s = sentence('But Hans Reckers, a board member of the Bundesbank, wants trading to stay in Frankfurt.');
    expect(extractSubjects(index, s, [slot('trading', ['trading'])]).map((c) => [c.value, c.confidence])).toEqual([['Hans Reckers', 0.5]]);
    expect(extractSubjects(index, s, [slot('Reckers', ['Reckers'])])).toEqual([]);
    // A common word capitalised because it opens the sentence is no name.
    expect(extractSubjects(index, sentence('Disgraced former Chelsea striker Adrian Mutu is to begin talks.'), [slot('talks', ['talks'])])).toEqual([]);
  });

  it('reads a name before a role and a name as qualifying the role: the subject is the second name, but not after a verb', () => {
    const talks = [slot('inquiry', ['inquiry'])];
    expect(extractSubjects(index, sentence('Labour peer Baroness Kennedy, who is chairing the inquiry, spoke.'), talks).map((c) => c.value)).toEqual([
      'Baroness Kennedy',
    ]);
    expect(extractSubjects(index, sentence('Chelsea beat Arsenal in the inquiry match.'), talks).map((c) => c.value)).toEqual(['Chelsea']);
  });
});

describe('extractMentioned', () => {
  const index = new CorpusIndex();

  it('gives every name of the sentence as a weak answer, except the ones the question names', () => {
    const s = sentence('Shares of tobacco companies closed higher after the ruling, with Altria rising 5% and Reynolds showing gains of 4.5%.');
    // 0.4, and 0.7 of it for a name of unknown kind.
    expect(extractMentioned(index, s, [slot('shares', ['shares'])]).map((c) => [c.value, c.at, Number(c.confidence.toFixed(2))])).toEqual([
      ['Altria', 65, 0.28],
      ['Reynolds', 86, 0.28],
    ]);
    expect(extractMentioned(index, s, [slot('Reynolds', ['Reynolds'])]).map((c) => c.value)).toEqual(['Altria']);
  });
});

describe('extractByAgents', () => {
  const index = new CorpusIndex();

  it('gives the names after "by" whatever verb comes before, never one the question names', () => {
    const s = sentence(
      'An official complaint has been made to local government watchdogs by the Board of Deputies of British Jews, demanding an investigation by the Standards Board of England.',
    );
    // Both are bodies of several words, at 0.75.
    expect(extractByAgents(index, s, [slot('complaint', ['complaint'])]).map((c) => [c.value, c.at, c.confidence])).toEqual([
      ['Board of Deputies of British Jews', 73, 0.75],
      ['Standards Board of England', 142, 0.75],
    ]);
    expect(extractByAgents(index, s, [slot('Standards', ['standards'])]).map((c) => c.value)).toEqual(['Board of Deputies of British Jews']);
    // A kind before the name, and the name's own article: "by royalty payments group the Performing Right Society".
    const poll = sentence('A poll carried out by royalty payments group the Performing Right Society found The Wonder of You was most played.');
    expect(extractByAgents(index, poll, []).map((c) => c.value)).toEqual(['Performing Right Society']);
  });
});

describe('extractByAgents: "according to"', () => {
  it('reads whoever a claim is told after as its agent, past the kind before the name', () => {
    const s = sentence('The market had an estimated worth of $2.6bn at the end of 2004, according to industry analysts Screen Digest.');
    expect(extractByAgents(new CorpusIndex(), s, []).map((c) => c.value)).toEqual(['Screen Digest']);
  });
});

describe('extractAgents: a name that qualifies a title', () => {
  it('reads the holder after the title the question word opens, not the body before it', () => {
    const s = sentence('The highest ranking executive pleading guilty on Tuesday was former Marsh senior vice president Joshua Bewlay.');
    expect(extractAgents(new CorpusIndex(), s, [slot('senior', ['senior'])]).map((c) => c.value)).toEqual(['Joshua Bewlay']);
  });
});

describe('extractByAgents: a short form in brackets', () => {
  it('reads "by Balco (BALCO) president Victor Conte" as the person, the short form belonging to the body', () => {
    const s = sentence('She took steroids given to her by Bay Area Lab Co-Operative (Balco) president Victor Conte.');
    expect(extractByAgents(new CorpusIndex(), s, []).map((c) => c.value)).toEqual(['Victor Conte']);
  });
});

describe('extractNamesOfKind', () => {
  const index = new CorpusIndex();

  it('gives the names WordNet files under the asked kind, surely and without a place in the sentence, never one the question names', () => {
    const s = sentence('They made the final stages again, in 2002, but this time lost out to Sweden, not to Britain or Leros.');
    expect(extractNamesOfKind(index, s, 'country', [slot('Britain', ['britain', 'united', 'kingdom'])]).map((c) => [c.value, c.at, c.confidence])).toEqual([
      ['Sweden', undefined, 0.9],
    ]);
    expect(extractNamesOfKind(index, s, 'countries', []).map((c) => c.value)).toEqual(['Sweden', 'the United Kingdom']);
  });
});

describe('extractPlaces: the kind of place asked for', () => {
  it('prefers the place the text calls by the asked kind, and takes no modifier of a kind for a place', () => {
    const s = sentence('A migrant came in via the Greek island of Leros before he travelled on to Paris.');
    const c = extractPlaces(s, null, false, 'island').map((x) => [x.value, Number(x.confidence.toFixed(2))]);
    // Leros is called an island (a passage's "via" is a weak preposition); Paris is not, and WordNet
    // files it as a city; "Greek" only modifies.
    expect(c).toEqual([
      ['Leros', 0.45],
      ['Paris', 0.15],
    ]);
  });

  it('takes a name WordNet files under the asked kind as that kind, and a known place after "a" before its noun', () => {
    const s = sentence('The tapes are going under the hammer on Sunday at a Los Angeles auction, not at a Bonhams sale.');
    expect(extractPlaces(s, null, false, 'city').map((x) => [x.value, Number(x.confidence.toFixed(2))])).toEqual([['Los Angeles', 1]]);
  });
});

describe('retrieveSentences: whom a sentence is about', () => {
  it('reads a person told by what they are as the full name the sentence before gives ("The constitutional affairs secretary…")', () => {
    const index = new CorpusIndex();
    const text =
      'Curfews could be used if court orders were defied, Lord Falconer said. The constitutional affairs secretary outlined the plans on Tuesday. The plans were welcomed.';
    index.addArticles([
      { id: 'a.txt', file: 'a.txt', title: 'T', titleDerived: false, outlet: null, byline: null, published: null, url: null, text, hash: 'h' },
    ]);
    const matched = (opening: string): string[] => [
      ...retrieveSentences(index, [slot('Falconer', ['Falconer']), slot('plans', ['plans'])]).find((x) => x.text.startsWith(opening))!.matched,
    ];
    expect([matched('The constitutional'), matched('The plans were')]).toEqual([['Falconer', 'plans'], ['plans']]);
  });
});
