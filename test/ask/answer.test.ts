import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerBar, answerQuestion } from '../../src/ask/answer.ts';
import { when } from '../../src/ask/families/when.ts';
import { why } from '../../src/ask/families/why.ts';
import { scoredSentence, slotOf } from './scored.ts';
import { personalReferent } from '../../src/ask/story.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { silentLog } from '../../src/log.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import type { Article } from '../../src/types.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'corpus');
const A = '000_7c4e71be4a13ea11.txt';
const B = '001_ae44a968ee4ee127.txt';
const C = '002_34bd12b4df784525.txt';
const D = '003_aa27b1c8d01db12e.txt';
const E = '004_0ab6f7e65bf4a959.txt';

describe('answerBar', () => {
  const candidate = (confidence: number, matched: readonly string[] = ['opened']) => ({
    key: 'date:3-3',
    value: 'March 3',
    mention: 'March 3',
    sentence: scoredSentence('It opened on March 3.', { matched }),
    confidence,
  });
  // A typed family and a sentence family, both with the bar 0.6.
  const typed = { ...when, minRelevance: 0.6 };
  const sentences = { ...why, minRelevance: 0.6 };
  // "when did the museum open?": the sentence lacks the question's noun.
  const slots = [slotOf('museum'), slotOf('opened')];

  it('lets a typed value read surely answer from half the question, and keeps the bar for the rest', () => {
    expect([answerBar(candidate(0.95), typed, slots), answerBar(candidate(0.8), typed, slots)]).toEqual([0.5, 0.6]);
    // A sentence family's answer is the sentence itself, however surely read: the bar stays.
    expect(answerBar(candidate(1), sentences, slots)).toBe(0.6);
    // A family whose own bar is lower keeps it.
    expect(answerBar(candidate(0.95), { ...when, minRelevance: 0.45 }, slots)).toBe(0.45);
  });

  it('lets a sentence that holds every noun and name of the question answer from what the extractors read', () => {
    // "when did the Tate open its doors?" answered by "The Tate opened on March 3.": only the verbs differ.
    const named = [slotOf('Tate'), slotOf('open'), slotOf('doors')];
    expect(answerBar(candidate(0.8, ['Tate', 'doors']), typed, named)).toBe(0.45);
    expect(answerBar(candidate(0.8, ['Tate', 'open']), typed, named)).toBe(0.6);
    expect(answerBar(candidate(0.6, ['Tate', 'doors']), sentences, named)).toBe(0.45);
    expect(answerBar(candidate(0.8, ['doors']), typed, named)).toBe(0.6);
    // "which museum opened its doors…": the kind asked for is what the answer is, not a word it must repeat.
    const kind = [slotOf('museum'), slotOf('doors')];
    expect([answerBar(candidate(0.8, ['doors']), typed, kind, 'museum'), answerBar(candidate(0.8, ['doors']), typed, kind)]).toEqual([0.45, 0.6]);
  });
});

describe('answerQuestion', () => {
  const { index } = openCorpus(CORPUS);

  it('answers who requested the call with Russia, supported by four outlets', () => {
    const { answer } = answerQuestion(index, 'who requested the call?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toBe('Russia');
    // The sentence that gives it covers the whole question.
    expect(answer.confidence).toBe(1);
    expect(answer.support.map((g) => [g.value, [...g.sources].sort()])).toEqual([['Russia', [A, C, D, E]]]);
    expect(answer.citations.map((c) => c.quote).find((q) => q.includes('at the behest of Moscow'))).toBe(
      'The phone call between the two leaders, which was organized at the behest of Moscow, marks the latest in a series of diplomatic efforts to defuse what has been described as a “moment of crisis” as Russia rallies around 100,000 soldiers on the eastern border of Ukraine.',
    );
  });

  it('resolves "it" to the story’s central event and lists "just under an hour" beside 50 minutes, as compatible', () => {
    const { answer, subject } = answerQuestion(index, 'how long was it?');
    expect(answer.answer).toBe('50 minutes');
    expect(answer.support.map((g) => [g.value, [...g.sources].sort()])).toEqual([
      ['50 minutes', [A, B, D, E]],
      ['just under an hour', [C]],
    ]);
    // 50 minutes is just under an hour: both can be true, so the outlets do not disagree.
    expect(answer.status).toBe('answered');
    expect(subject).toBe('call');
  });

  it('reports the disagreement over troop numbers', () => {
    const { answer } = answerQuestion(index, 'how many troops are at the border?');
    expect(answer.status).toBe('conflicting');
    expect(answer.answer).toBe('100,000 troops');
    expect(answer.support.map((g) => g.value)).toEqual(['100,000 troops', 'tens of thousands of troops', 'more than 90,000 troops']);
  });

  it('does not answer an off-topic question', () => {
    const { answer } = answerQuestion(index, 'who won the Premier League?');
    expect(answer).toEqual({ question: 'who won the Premier League?', status: 'not_found', answer: null, support: [], citations: [], related: [] });
  });

  it('gives the same answer every time', () => {
    const first = answerQuestion(index, 'when are the Geneva talks?');
    const second = answerQuestion(index, 'when are the Geneva talks?');
    expect(second).toEqual(first);
    expect(first.answer.answer).toBe('January 10, 2022');
  });

  it('names the role a person holds', () => {
    expect(answerQuestion(index, 'who is Yuri Ushakov?').answer.answer).toBe('Putin aide');
    expect(answerQuestion(index, 'who is the Kremlin spokesman?').answer.answer).toBe('Dmitry Peskov');
  });
});

/** A one-outlet article (its id as outlet and title) for the small indexes below. */
const article = (id: string, text: string): Article => ({
  id,
  file: id,
  title: id,
  titleDerived: false,
  outlet: id,
  byline: null,
  published: null,
  url: null,
  text,
  hash: id,
});

describe('questions with a stranded preposition', () => {
  const index = new CorpusIndex();
  index.addArticles([
    article(
      'wire.txt',
      'Chelsea have completed the signing of striker Andriy Shevchenko from AC Milan for a fee of about £30m.\n\nManager Jose Mourinho signed off the deal for Chelsea after Roman Abramovich approved it.',
    ),
    article(
      'post.txt',
      'Secretary of State Antony Blinken held talks with Ukrainian President Volodymyr Zelenskyy on Wednesday.\n\nRussia said the talks were a provocation.',
    ),
  ]);

  it('answers with the name after that preposition, not the doer', () => {
    expect(answerQuestion(index, 'which club did chelsea sign shevchenko from?').answer.answer).toBe('AC Milan');
    // One talks to or with someone.
    expect(answerQuestion(index, 'who did blinken talk to on wednesday?').answer.answer).toBe('Volodymyr Zelenskyy');
  });
});

describe('when: a date over a bare weekday', () => {
  it('answers with the calendar date one outlet gives rather than the weekday two give', () => {
    const index = new CorpusIndex();
    index.addArticles([
      article('a.txt', 'The festival opened on Friday in the old town.\n\nCrowds gathered.'),
      article('b.txt', 'The festival opened on Friday, organisers said.\n\nIt rained.'),
      article('c.txt', 'The festival opened on 13 November in the old town.\n\nTickets sold out.'),
    ]);
    expect(answerQuestion(index, 'when did the festival open?').answer.answer).toBe('13 November');
  });
});

/** A coverage of the given article texts, named a.txt, b.txt… */
function coverageOf(...texts: string[]): CorpusIndex {
  const index = new CorpusIndex();
  index.addArticles(texts.map((text, i) => article(`${String.fromCharCode(97 + i)}.txt`, text)));
  return index;
}

describe('readings of one or two articles', () => {
  // One article, one question, the short answer it must give.
  it.each([
    [
      "answers no when the coverage says the opposite of the question's word",
      'The survey showed that awareness of tags among consumers in Europe was low.\n\nThe firm was pleased.',
      'was awareness of the tags high among european consumers?',
      'No',
    ],
    [
      "answers yes when the coverage denies the opposite of the question's word",
      'Parry said the door is not closed on further talks with the investor.\n\nThe club was quiet.',
      'is the door still open for talks with the investor?',
      'Yes',
    ],
    [
      'answers who did an action with the name given its doer\'s title ("chairman" for "chaired")',
      'Committee chairman Alan Beith said the five-month inquiry had been complex.\n\nThe committee of MPs published its report on child access.',
      'who chaired the committee of mps?',
      'Alan Beith',
    ],
    [
      'answers "who thinks…" with whoever said it',
      'Former foreign secretary Robin Cook said the admission suggested Parliament may have been misled.\n\nThe row went on.',
      "who thinks parliament might've been misled?",
      'Robin Cook',
    ],
    [
      'names a thing of the kind asked by its number',
      'It said it was "plain" Iraq continued to be in material breach of UN resolution 1441.\n\nThe row went on.',
      'which un resolution was iraq breaching?',
      'resolution 1441',
    ],
    [
      'never answers with a name the question only cuts short',
      'Chepkemei would be a strong contender at the World Cross Country Championships, which open in France next month.\n\nShe trains in Embu.',
      'where are the world cross country champs being held?',
      'France',
    ],
    [
      'describes a person by the body they are from',
      'John Ison, from the controversial group Fathers 4 Justice, said: "It is very disappointing."\n\nThe plans were published.',
      'who is john ison?',
      'from the controversial group Fathers 4 Justice',
    ],
    [
      'ends a lower-case name where a phrase about its story begins',
      'Theresa May, shadow secretary for the family, told the BBC the plans were "inadequate".\n\nThe plans were published.',
      "who is theresa may in all this, what's her job?",
      'shadow secretary for the family',
    ],
    [
      'counts the noun before a phrasal verb',
      'Between 15,000 and 20,000 couples go to court to resolve access disputes each year.\n\nMost settle.',
      'how many couples end up in court every year?',
      'Between 15,000 and 20,000 couples',
    ],
    [
      'counts the measure a what-is question names',
      'WMC said it made net profits of 1.33bn Australian dollars in 2004.\n\nShares rose.',
      "what were wmc's net profits for 2004",
      '1.33bn profits',
    ],
    [
      'reads tens and units written apart as one number',
      'Fifty nine percent of people said they were worried about the tags.\n\nThe survey was small.',
      'what share of people were worried about the tags?',
      'Fifty nine percent',
    ],
    [
      'reads the titled name after a possessive as the one named ("by Children\'s Minister Margaret Hodge")',
      "Mr Parton said he had been told by Children's Minister Margaret Hodge there was not enough time to pass the bill.\n\nHe was angry.",
      'who told parton there wasnt enough time to pass the bill?',
      'Margaret Hodge',
    ],
    [
      'answers "what other bank was it linked with?" with the name after the preposition',
      'Barclays was the focus of takeover speculation in August, when it was linked to Citigroup.\n\nNo bid came.',
      'what other bank was barclays linked with in the takeover gossip?',
      'Citigroup',
    ],
    [
      'reads a knight by title and first name as the speaker a question names by surname',
      'Paul McCartney will play the half-time show.\n\nSir Paul said: "There is nothing bigger than the Super Bowl gig."',
      'what did mccartney say about the super bowl gig?',
      'There is nothing bigger than the Super Bowl gig',
    ],
    [
      'answers a ranking question with the place the coverage gives',
      'The 6ft 4in Sherwood is ranked 264th in the world after two wins.\n\nHe plays on Saturday.',
      'what is sherwood ranked in the world?',
      '264th',
    ],
    [
      'answers "how quickly…" with a length told by its unit alone',
      'They have joined forces to create a system which can store computer activity and retrieve disputed files within minutes.\n\nIt is new.',
      'how quickly can the new system dig out a disputed file?',
      'within minutes',
    ],
    [
      'answers where someone spoke with the programme they spoke to',
      'Theresa May, shadow secretary for the family, told BBC Radio 4\'s Today programme that the plans were "inadequate".\n\nThe plans were published.',
      "where did theresa may go to slam the govt's plans",
      "BBC Radio 4's Today programme",
    ],
    [
      'prefers the date of what was told to the date of the telling',
      'On Sunday, Deputy Mayor Nicky Gavron told the BBC she believed the mayor would say sorry on Tuesday.\n\nHe did not.',
      'what day did the deputy mayor expect ken to finally say sorry?',
      'Tuesday',
    ],
    [
      'reads a place after a contest as where it was held ("the World Cup in Mexico")',
      'Smith was assistant to the manager at the World Cup in Mexico in 1986.\n\nHe later managed at Ibrox.',
      'where was the 86 world cup?',
      'Mexico',
    ],
    [
      'answers where with a city the question reaches only as its country',
      'When he was in Tokyo earlier this week, Japanese Foreign Minister Nobutaka Machimura told Mr Straw the plan was worrying.\n\nHe flew on.',
      'where was straw when the japanese raised concerns with him?',
      'Tokyo',
    ],
    [
      'answers "how long ago…" with how long ago the coverage says',
      'The firm was founded by Dhiru Bhai Ambani, who died two years ago.\n\nHis sons run it.',
      'how long ago did dhiru bhai ambani die?',
      'two years ago',
    ],
  ])('%s', (_reading, text, question, expected) => {
    expect(answerQuestion(coverageOf(text), question).answer.answer).toBe(expected);
  });

  it('answers "what day of the week…" with no year, however the coverage repeats it', () => {
    const index = coverageOf('The claim, filed in 1999, was rejected by the appeal court.\n\nThe claim was filed in 1999.');
    expect(answerQuestion(index, 'what day of the week did the appeal court reject the claim?').answer.status).toBe('not_found');
  });

  it('dates nothing by "today" in an article without a date (not 1 January 1970)', () => {
    const index = coverageOf("Theresa May told BBC Radio 4's Today programme that the plans were inadequate.\n\nThe plans were published.");
    expect(answerQuestion(index, 'when did theresa may say the plans were inadequate?').answer.status).toBe('not_found');
  });

  it('reads a year written with two digits as the year ("that 98 deal")', () => {
    const index = coverageOf('The firms met many demands in a landmark settlement reached with 46 states in 1998.\n\nShares rose.');
    const { answer } = answerQuestion(index, 'how many states signed up to that 98 deal');
    // "signed" is the asker's word, which the coverage never says: the answer is weak evidence.
    expect([answer.answer, answer.confidence]).toEqual(['46 states', 0.66]);
  });

  it('answers who is behind a thing by who made or owns it', () => {
    const made = coverageOf('Internet portal Lycos has made a screensaver that requests data from spam sites.\n\nNetcraft measured the sites.');
    expect(answerQuestion(made, "who's behind the screensaver?").answer.answer).toBe('Lycos');
    const owned = coverageOf("The DS has a built-in microphone which is used in Sega's launch title Project Rub.\n\nIt sold well.");
    expect(answerQuestion(owned, 'which company is behind project rub, the one that uses the mic').answer.answer).toBe('Sega');
  });

  it('reads a decade as its ten years ("in the 70s" for "in 1972"), and a title with its small words', () => {
    const index = coverageOf('In 1972, he made a rare foray into protest songs with his album A Message from the People.\n\nHe toured Europe.');
    const { answer } = answerQuestion(index, "which album was ray's protest record in the 70s");
    expect([answer.status, answer.answer]).toEqual(['answered', 'A Message from the People']);
  });

  it('never answers where with a name the coverage gives a person title', () => {
    const index = coverageOf(
      'Smith was assistant to Ferguson at the big tournament.\n\nHe learned a lot.',
      'Sir Alex Ferguson praised his former assistant.\n\nThe two remain close.',
    );
    expect(answerQuestion(index, 'where was smith an assistant?').answer.status).toBe('not_found');
  });
});

describe('a pronoun read as the subject of the sentence before', () => {
  const index = new CorpusIndex();
  index.addArticles([
    article(
      'gala.txt',
      'Hilary Swank picked up her second best actress award for playing a boxer, beating Annette Bening. "I am just a girl from a trailer park who had a dream," she told the audience.\n\nThe ceremony ran late.',
    ),
    article('rival.txt', 'Annette Bening said the evening was long. Critics praised the show.\n\nTickets sold out.'),
  ]);

  it('answers what a speaker said from the quote a pronoun tells', () => {
    const { answer } = answerQuestion(index, 'what did hilary swank say?');
    expect(answer.answer).toBe('I am just a girl from a trailer park who had a dream');
    expect(answer.citations.map((c) => c.source)).toEqual(['gala.txt']);
  });
});

describe('questions about whom the action was done to', () => {
  const index = new CorpusIndex();
  index.addArticles([
    article(
      'talks.txt',
      'Five public sector unions met Deputy Prime Minister John Prescott at the spring conference in Gateshead.\n\nThe talks lasted 90 minutes.',
    ),
    article(
      'raid.txt',
      'Police raided a flat in the north of the city on Wednesday. Jawad Bendaoud was arrested by police during the raid.\n\nThe operation ended at noon.',
    ),
  ]);

  it('answers an object question with the name after the verb, not its subject', () => {
    expect(answerQuestion(index, 'who did the unions meet at the conference?').answer.answer).toBe('John Prescott');
  });

  it('answers a passive question with the subject of the passive, not the agent after "by"', () => {
    expect(answerQuestion(index, 'who was arrested during the raid?').answer.answer).toBe('Jawad Bendaoud');
  });
});

describe('a speaker asked about by first name', () => {
  const index = new CorpusIndex();
  index.addArticles([
    article('mayor.txt', 'Tory MP Boris Johnson defended the mayor on Monday.\n\nMr Johnson said the mayor had been crass but was not anti-Semitic.'),
    article('vote.txt', 'The council voted on the budget.\n\nThe leader said the budget was balanced.'),
  ]);

  it('is found under the full name the coverage gives ("Boris" → "Mr Johnson said")', () => {
    expect(answerQuestion(index, 'what did boris say about the mayor?').answer.answer).toBe('the mayor had been crass but was not anti-Semitic');
  });
});

describe("a speaker's statement that names them only as 'he'", () => {
  const index = new CorpusIndex();
  index.addArticles([
    article(
      'mac.txt',
      'Apple launched a cheap computer on Tuesday.\n\nSaid Mr Fogg: "It\'s very much a computer." One dissenting opinion came from Brian Gammage, vice-president of research at analysts Gartner. He said: "I don\'t think it changes the world." Although the Mac mini was very cheap for an Apple computer, it was still expensive compared to many PCs. Also, he said, it appealed in categories that few consumers care about. "The PC world is a pile-em-high, sell-em-cheap market," he said.',
    ),
    article('pc.txt', 'The PC market grew. The market for PC parts grew too. PC sales rose in the market.'),
    article('chips.txt', 'PC makers watched the market. The market was flat for PC firms.'),
  ]);

  it('covers the speaker by attribution, so that the statement about the topic answers, not the one beside the name', () => {
    expect(answerQuestion(index, 'what did brian gammage say about the pc market?').answer.answer).toBe('The PC world is a pile-em-high, sell-em-cheap market');
  });
});

describe('amounts stated the way the question asks', () => {
  const index = new CorpusIndex();
  index.addArticles([
    article('bid.txt', 'The exchange rejected the 530 pence-a-share offer, which valued it at about £1.35bn.\n\nTalks go on.'),
    article('fund.txt', "The fund, which owns 5% of the bidder's shares, opposed the offer. The bidder's shares were up 3.4% by noon.\n\nTrading was heavy."),
  ]);

  it('answers "how much per share" with the amount a share', () => {
    expect(answerQuestion(index, 'how much per share was the offer?').answer.answer).toBe('530 pence');
  });

  it('answers "how much did the shares go up" with the figure told as a change', () => {
    expect(answerQuestion(index, "how much did the bidder's shares go up?").answer.answer).toBe('3.4%');
  });
});

describe('Newsdesk conversation', () => {
  const { index } = openCorpus(CORPUS);
  const desk = new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 100, log: silentLog });

  it('follows up on the previous question’s subject in the same conversation', () => {
    const first = desk.ask('who is Yuri Ushakov?', { conversationId: 't1' });
    const follow = desk.ask('what did he say?', { conversationId: 't1' });
    expect(first.ok && first.answer.answer).toBe('Putin aide');
    expect(follow.ok && follow.answer.status).toBe('answered');
    expect(follow.ok && follow.answer.citations.every((c) => c.quote.includes('Ushakov'))).toBe(true);
  });

  it('keeps conversations apart', () => {
    desk.ask('who is Jen Psaki?', { conversationId: 'a' });
    const other = desk.ask('how long was it?', { conversationId: 'b' });
    expect(other.ok && other.answer.answer).toBe('50 minutes');
  });
});

describe('Newsdesk rate limit', () => {
  const { index } = openCorpus(CORPUS);

  it('holds each asker to the limit, says how long to wait, and leaves other askers alone', () => {
    const desk = new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 2, log: silentLog });
    const asks = [1, 2, 3].map(() => desk.ask('who requested the call?', { user: 'slack:U1' }));
    expect(asks.map((r) => r.ok)).toEqual([true, true, false]);
    expect(asks[2]).toMatchObject({
      ok: false,
      limited: true,
      message: expect.stringMatching(/^You are asking faster than I can keep up: please wait about \d+ seconds?, then ask again\.$/),
    });
    expect(desk.ask('who requested the call?', { user: 'slack:U2' }).ok).toBe(true);
  });
});

describe('a personal pronoun with nobody named before', () => {
  const index = new CorpusIndex();
  index.addArticles([
    article('a.txt', 'Striker Maria Lopes was dropped by Rovers on Monday. She had failed a drugs test in March.\n\nRovers said the decision was final.'),
    article('b.txt', 'Maria Lopes has been dropped. She plans to appeal against the ban.\n\nCoach Tom Hale said: "We had no choice."'),
    article('c.txt', 'Rovers dropped Maria Lopes after a failed test. She joined the club for £2m.'),
  ]);

  it('reads "she" as the story’s central person the coverage calls "she"', () => {
    expect(personalReferent(index, 'when did she fail the test?')).toBe('Maria Lopes');
    expect(answerQuestion(index, 'when did she fail the test?').answer.answer).toBe('March');
  });

  it('leaves "he" and a question that names its person to the words they use', () => {
    expect(personalReferent(index, 'when did he fail the test?')).toBe(null);
    expect(personalReferent(index, 'what did Tom Hale say when she was dropped?')).toBe(null);
  });

  it('hears the pronoun inside the sentences after the name, where none opens with it', () => {
    const told = new CorpusIndex();
    told.addArticles([
      article('a.txt', 'Susan Chepkemei was banned on Monday. The 29-year-old said she would appeal.\n\nThe body met.'),
      article('b.txt', 'Chepkemei missed the camp. The federation suspended her until the end of the year.\n\nOfficials spoke.'),
    ]);
    expect(personalReferent(told, 'where was the camp she skipped?')).toBe('Susan Chepkemei');
  });
});
