import { describe, expect, it } from 'vitest';
import type { ScoredSentence } from '../../src/ask/retrieve.ts';
import { extractDescriptors } from '../../src/ask/families/descriptor.ts';
import { extractNamedAs } from '../../src/ask/families/named.ts';
import { extractClockTimes } from '../../src/ask/families/clock-time.ts';
import { extractKinds, extractNounPhrases } from '../../src/ask/families/noun-phrase.ts';
import { extractExplanations, extractReportedSpeech, extractYesNo } from '../../src/ask/families/sentence-answers.ts';
import { nearness } from '../../src/ask/extract/nearness.ts';
import { extractQuantities } from '../../src/ask/extract/quantity.ts';
import { parseQuestion } from '../../src/ask/question.ts';
import { detectFamily } from '../../src/ask/families/registry.ts';
import { about } from '../../src/ask/families/about.ts';
import { refineCoarse, when } from '../../src/ask/families/when.ts';
import type { Family } from '../../src/ask/families/family.ts';
import { where } from '../../src/ask/families/where.ts';
import { howMany } from '../../src/ask/families/how-many.ts';
import { whatX } from '../../src/ask/families/what-x.ts';
import { extractAges } from '../../src/ask/families/how-old.ts';
import { yesNo } from '../../src/ask/families/yes-no.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { compatibleValues } from '../../src/ask/corroborate.ts';
import { analyzeText } from '../../src/index/analyzer.ts';
import { scoredSentence, slotOf } from './scored.ts';

/** A sentence as the retriever hands it to extractors. */
function sentence(text: string, relevance = 1, start = 0): ScoredSentence {
  return scoredSentence(text, { published: '2005-01-01', relevance, start });
}

const values = (cs: { key: string; value: string }[]) => cs.map((c) => [c.key, c.value]);

describe('detectFamily', () => {
  it('reads the new families from the question word', () => {
    expect(
      [
        'did biden threaten sanctions?',
        'why did putin want the call?',
        'how did they identify him?',
        'what time did it take off',
        'what guarantees does russia want',
        'what share of output did it account for',
        'which greek island did he come through',
      ].map(detectFamily),
    ).toEqual(['yes_no', 'why', 'how', 'what_time', 'what_x', 'how_many', 'where']);
  });

  it('asks who only when a kind of person or body heads the phrase', () => {
    expect(['what government document are they challenging?', 'what government department runs it?', 'what company made the game?'].map(detectFamily)).toEqual([
      'what_x',
      'who',
      'who',
    ]);
  });

  it('keeps how many / how long / how did X respond in their own families', () => {
    expect(['how many troops are there?', 'how long did it last?', 'how did russia respond?'].map(detectFamily)).toEqual(['how_many', 'how_long', 'said']);
  });
});

describe('parseQuestion', () => {
  it('leaves chat fillers and asker phrases out of the focus', () => {
    expect(parseQuestion('where are the january talks gonna be held').focus).toEqual(['january', 'talks', 'held']);
    expect(parseQuestion('how many people died in total?').focus).toEqual(['people', 'died']);
  });

  it('counts a percentage for "what share" and money for "what fee"', () => {
    expect([parseQuestion('what share of yukos output did yugansk account for').countNoun, parseQuestion('what fee did liverpool pay').countNoun]).toEqual([
      'percent',
      'money',
    ]);
  });

  it('resolves a pronoun only when the question names little else', () => {
    expect([
      parseQuestion('how long was it?').needsSubject,
      parseQuestion('which bank said yukos backdated documents to get its case heard').needsSubject,
    ]).toEqual([true, false]);
  });
});

describe('extractClockTimes', () => {
  it('reads 12- and 24-hour times and groups them by the minute', () => {
    expect(values(extractClockTimes(sentence('The first blast came at 9:20 p.m. and the second at 21:30, with a third at 2300 GMT.')))).toEqual([
      ['time:1280', '9:20 p.m.'],
      ['time:1290', '21:30'],
      ['time:1380', '2300 GMT'],
    ]);
  });

  it('does not read amounts as times', () => {
    expect(extractClockTimes(sentence('Profits rose to $3.45bn, up 4.5 points.'))).toEqual([]);
  });

  it('reads a time given again in brackets in another zone as the time before it', () => {
    const s = sentence('It is televised from 1700 local time (0100 GMT), and on Sky in the UK from 0130 GMT.');
    expect(values(extractClockTimes(s))).toEqual([
      ['time:1020', '1700 local time'],
      ['time:90', '0130 GMT'],
    ]);
  });
});

describe('extractKinds', () => {
  it('takes words of the asked kind by WordNet, not the words the question says', () => {
    const s = sentence('Big Brother was accused of taunting McCririck after denying him a cola and a cigarette.');
    expect(values(extractKinds(s, 'drink', new Set(analyzeText('what drink did they refuse mccririck'))))).toEqual([['kind:cola', 'cola']]);
    expect(extractKinds(s, 'drink', new Set(analyzeText('what cola did they refuse')))).toEqual([]);
  });
});

describe('extractNounPhrases', () => {
  it('takes the phrase built on the asked noun, to the end of its clause', () => {
    const s = sentence('Moscow has said it wants legally binding guarantees Nato will not expand further eastward, officials said.');
    expect(values(extractNounPhrases(s, 'guarantees', new Set(analyzeText('what guarantees does russia want'))))).toEqual([
      ['what:legal bind nato expand', 'legally binding guarantees Nato will not expand further eastward'],
    ]);
  });

  it('gives nothing when the phrase only restates the question', () => {
    expect(extractNounPhrases(sentence('The sanctions were discussed.'), 'sanctions', new Set(analyzeText('what sanctions were discussed')))).toEqual([]);
  });
});

/** What a family reads from one sentence for a question: each value with its confidence (two decimals). */
function readFrom(family: Family, question: string, s: ScoredSentence): [string, number][] {
  return family
    .extract({ index: new CorpusIndex(), q: parseQuestion(question), slots: [], sentences: [s] })
    .map((c) => [c.value, Number(c.confidence.toFixed(2))]);
}

describe('where: the kind of place asked', () => {
  it('reads the kind asked after the question, and a name that ends in the kind as of that kind', () => {
    const s = scoredSentence('He started off the show at the Alltel Stadium in Jacksonville, Florida.');
    // (The city the stadium is in is a place too, though no stadium: it counts less.)
    expect(readFrom(where, 'where was the game played - which stadium?', s)).toEqual([
      ['Alltel Stadium', 0.9],
      ['Jacksonville', 0.3],
    ]);
  });
});

describe('about: what happened to someone', () => {
  it('answers with the sentence, not a role the coverage gives a name of the question', () => {
    const s = scoredSentence('The affair prompted the resignation of BBC chairman Gavyn Davies, director-general Greg Dyke and reporter Andrew Gilligan.');
    const read = (question: string) => about.extract({ index: new CorpusIndex(), q: parseQuestion(question), slots: [], sentences: [s] }).map((c) => c.value);
    expect(read('what happened to Greg Dyke after the Gilligan row?')).toEqual([s.text]);
    expect(read('who is Andrew Gilligan?')).toEqual([s.text, 'reporter']);
  });

  it('tells an event over two sentences when the next holds words of the question the first lacks', () => {
    const body = 'The beta had a few teething troubles. On its first day many users were greeted with a page that said the site had been overwhelmed.';
    const first = {
      ...scoredSentence(body, { matched: ['beta'] }),
      text: 'The beta had a few teething troubles.',
      end: 37,
      next: { text: body.slice(38), start: 38, end: body.length },
    };
    const slots = [slotOf('day'), slotOf('beta')];
    const read = (question: string) =>
      about.extract({ index: new CorpusIndex(), q: parseQuestion(question), slots, sentences: [first] }).map((c) => [c.value, c.confidence]);
    expect(read('what happened on day one of the beta?')).toEqual([
      ['The beta had a few teething troubles.', 0.8],
      [body, 0.9],
    ]);
    // Not for a question about something else than an event.
    expect(read('tell me about the beta')).toEqual([['The beta had a few teething troubles.', 0.8]]);
  });
});

describe('yes/no: the action asked about', () => {
  it('takes no verb that frames the action for the action: "is he going to play?" is settled by the sentence that plays', () => {
    const slots = [slotOf('going'), slotOf('play', ['play', 'playing']), slotOf('tie')];
    const sentences = [
      scoredSentence('He said he was available to help in the next tie.', { relevance: 0.92, matched: ['tie'] }),
      scoredSentence("Although I won't be playing, I would still like to help.", { relevance: 0.8, matched: ['play'] }),
    ];
    const q = parseQuestion('is henman going to play in the tie?');
    expect(yesNo.extract({ index: new CorpusIndex(), q, slots, sentences }).map((c) => [c.value, c.sentence.relevance])).toEqual([['No', 0.8]]);
  });
});

describe('how old: ages beside the name', () => {
  const ages = (text: string, target: string | null, given: string | null = null) =>
    extractAges(sentence(text), target, given).map((c) => [c.value, c.confidence]);

  it('reads the age news sets beside a name surely, and another age of a sentence that names the person loosely', () => {
    const text = 'Thanou, 29, won silver, while the 17-year-old Andrew Murray and Nick Alexander (36) were named.';
    expect([ages(text, 'thanou'), ages(text, 'Andrew Murray', 'andrew'), ages(text, 'Nick Alexander', 'nick')]).toEqual([
      [['29', 1]],
      [['17', 1]],
      [['36', 1]],
    ]);
    expect(ages('Murray said the 17-year-old was ready.', 'murray')).toEqual([['17', 0.6]]);
    expect(ages('A 26-year-old man was arrested.', 'hollande')).toEqual([]);
    // "The 33-year-old received the ban…" after a sentence naming her: the retriever credits the name to the sentence.
    const referred = scoredSentence('The 33-year-old received the ban last month.', { published: '2005-01-01', matched: ['Collins'] });
    expect(extractAges(referred, 'collins').map((c) => [c.value, c.confidence])).toEqual([['33', 0.6]]);
  });

  it('reads an age in words, and one a covering sentence gives a thing asked about by description', () => {
    expect(ages('Murray, who is four years old, was there.', 'murray')).toEqual([['four years', 0.6]]);
    // (The sentence helper scores a sentence as covering the whole question.)
    expect(ages('The current version of Internet Explorer is four years old.', 'the current version of IE')).toEqual([['four years', 0.6]]);
  });

  it('takes no age of a namesake under another given name', () => {
    expect(ages('He is the brother of 13-year-old Younes Abaaoud.', 'abaaoud', 'abdelhamid')).toEqual([]);
  });

  it('detects how-old questions and reads whom they ask about', () => {
    expect(['how old was nick alexander, the british guy killed?', "what's murray's age", 'what age is he'].map(detectFamily)).toEqual([
      'how_old',
      'how_old',
      'how_old',
    ]);
    expect(parseQuestion('how old was nick alexander, the british guy killed?').entity).toBe('nick alexander');
  });
});

describe('how many: a difference is not the amount', () => {
  const amounts = (question: string) =>
    readFrom(howMany, question, sentence('Sony BMG is making 5,000 more copies than planned, taking the total to more than 28,000 copies.'));

  it('counts "5,000 more copies" for 0.4 unless the question asks for a difference; "more than 28,000" is an amount', () => {
    expect(amounts('how many copies will be in the shops?')).toEqual([
      ['5,000 copies', 0.4],
      ['more than 28,000 copies', 1],
    ]);
    expect(amounts('how many more copies are being made?')).toEqual([
      ['5,000 copies', 1],
      ['more than 28,000 copies', 1],
    ]);
  });
});

describe('where: the direction asked for', () => {
  const places = (question: string) => readFrom(where, question, sentence('The convention took place in Blackpool, a trip for fans from the US.'));

  it('reads "to" as a destination only when the question asks where something went, not in an infinitive', () => {
    // (Blackpool is a town WordNet knows: no unknown-name discount.)
    expect(places('where was the convention to find the best impersonator held?')).toEqual([
      ['Blackpool', 1],
      ['US', 0.4],
    ]);
    expect(places('where were the fans travelling to?')).toEqual([
      ['Blackpool', 0.5],
      ['US', 0.4],
    ]);
  });
});

describe('when: the granularity asked for', () => {
  // No article date: Monday stays a bare weekday.
  const confidences = (question: string) =>
    readFrom(when, question, scoredSentence('The single, a remake of the original from 1984, went on sale on Monday.', { published: null }));

  it('keeps a weekday for "what day", a year for "what year", and drops the other', () => {
    // A year after "from" is read at 0.7, a bare weekday at 0.8 × 0.7 beside a year; the wrong
    // granularity answers nothing.
    expect(confidences('what day did the single go on sale?')).toEqual([['Monday', 0.56]]);
    expect(confidences('what year was the original?')).toEqual([['1984', 0.7]]);
    expect(confidences('when did the single go on sale?')).toEqual([
      ['1984', 0.7],
      ['Monday', 0.56],
    ]);
  });
});

describe('when: a coarser value agrees with the finer one it holds', () => {
  const read = (text: string, relevance: number) =>
    when.extract({
      index: new CorpusIndex(),
      q: parseQuestion('when is the super bowl?'),
      slots: [],
      sentences: [scoredSentence(text, { relevance, published: null })],
    });

  it("gives a month the one date found in it, and that date the month sentence's relevance", () => {
    const month = read("Keys is to open February's Super Bowl.", 1);
    const date = read('It will be watched by millions on 6 February.', 0.76);
    const refined = refineCoarse([...month, ...date]);
    expect(refined.map((c) => [c.key, c.value, c.sentence.relevance])).toEqual([
      ['date:2-6', '6 February', 1],
      ['date:2-6', '6 February', 1],
    ]);
    // Two dates in the month: the month stays a month, and nothing is lent.
    const other = read('Tickets went on sale on 1 February.', 0.7);
    expect(refineCoarse([...month, ...date, ...other]).map((c) => [c.key, c.sentence.relevance])).toEqual([
      ['month:y-2', 1],
      ['date:2-6', 0.76],
      ['date:2-1', 0.7],
    ]);
  });
});

describe('extractYesNo', () => {
  it('answers no when the sentence that matches best negates the question', () => {
    const answers = extractYesNo(
      [sentence('Scorsese has never won the best director prize.', 0.97), sentence('Eastwood pipped Scorsese to best director.', 0.9)],
      'did scorsese win best director',
    );
    expect(values(answers)).toEqual([['no', 'No']]);
  });

  it('answers yes when it affirms, and nothing below the settling relevance', () => {
    expect(values(extractYesNo([sentence('Museums were closed, and so was the Eiffel Tower.', 0.8)], 'was the eiffel tower closed'))).toEqual([['yes', 'Yes']]);
    expect(extractYesNo([sentence('The tower is tall.', 0.5)], 'was the eiffel tower closed')).toEqual([]);
  });

  it('answers no when the sentence gives another value where the question has one', () => {
    const month = [slotOf('Yahoo'), slotOf('launching', ['launching', 'release']), slotOf('March')];
    const january = scoredSentence('Yahoo is planning to release similar software in January.', { relevance: 0.8, matched: ['Yahoo', 'launching'] });
    expect(values(extractYesNo([january], 'is Yahoo launching its desktop search in March', [], month))).toEqual([['no', 'No']]);
    // The question's own month in the sentence: yes.
    const march = scoredSentence('Yahoo is planning to release similar software in March.', { relevance: 1, matched: ['Yahoo', 'launching', 'March'] });
    expect(values(extractYesNo([march], 'is Yahoo launching its desktop search in March', [], month))).toEqual([['yes', 'Yes']]);
    // A number counts only after the word the question puts before its own ("Windows 98", "Windows 2000").
    const version = [slotOf('run'), slotOf('Windows'), slotOf('98')];
    const works = scoredSentence('The beta program only works on PCs running Windows XP or Windows 2000.', { relevance: 0.76, matched: ['run', 'Windows'] });
    expect(values(extractYesNo([works], 'will the beta run on Windows 98', [], version))).toEqual([['no', 'No']]);
    const sold = scoredSentence('The beta program runs on Windows and sold 2000 copies.', { relevance: 0.76, matched: ['run', 'Windows'] });
    expect(values(extractYesNo([sold], 'will the beta run on Windows 98', [], version))).toEqual([['yes', 'Yes']]);
  });

  it('is not settled by a forecast: what is expected to happen is not what did', () => {
    const forecast = sentence('Chelsea are widely tipped to sign the striker this summer.', 1);
    expect(extractYesNo([forecast], 'did chelsea sign the striker')).toEqual([]);
    // The forecast no longer sets the bar: the best sentence that reports what happened settles it.
    expect(values(extractYesNo([forecast, sentence('Chelsea did not sign the striker.', 0.9)], 'did chelsea sign the striker'))).toEqual([['no', 'No']]);
    // A question about the forecast itself is answered by it.
    expect(values(extractYesNo([forecast], 'are chelsea expected to sign the striker'))).toEqual([['yes', 'Yes']]);
  });

  it('hears a denial told with other verbs than the asker uses, as relevant as the sentence that uses them', () => {
    const back = slotOf('back', ['back', 'support']);
    const words = [slotOf('court'), back, slotOf('challenge')];
    const launched = scoredSentence('Supporters launched a challenge in the court.', { relevance: 0.7, matched: ['back', 'challenge', 'court'] });
    const failed = scoredSentence('In court, the challenge failed in its attempt to have the act ruled invalid.', {
      relevance: 0.72,
      matched: ['challenge', 'court'],
    });
    expect(values(extractYesNo([failed, launched], 'did the court back the challenge', [back], words))).toEqual([
      ['yes', 'Yes'],
      ['no', 'No'],
    ]);
    // Less relevant than the best plain sentence, it does not take part.
    const weak = { ...failed, relevance: 0.6 };
    expect(values(extractYesNo([launched, weak], 'did the court back the challenge', [back], words))).toEqual([['yes', 'Yes']]);
  });

  it('reads no negation in a title inside the sentence, and a negation that opens it', () => {
    const title = sentence("Elvis's It's Now or Never slipped to 14, but all five of his songs are in the Top 40.", 0.8);
    expect(values(extractYesNo([title], 'were all five of his songs in the top 40', [], [slotOf('Elvis'), slotOf('songs'), slotOf('top')]))).toEqual([
      ['yes', 'Yes'],
    ]);
    const opening = sentence('Never before has a band topped the chart.', 0.8);
    expect(values(extractYesNo([opening], 'has a band topped the chart', [], [slotOf('band'), slotOf('chart')]))).toEqual([['no', 'No']]);
  });

  it('reads a refusal with no object of its own as no to what the rest of the sentence tells', () => {
    const refused = sentence('He said the man tried to recruit him as an agent, but he refused and was sent to the camp.', 0.9);
    expect(values(extractYesNo([refused], 'did he agree to become an agent', [], [slotOf('agent')]))).toEqual([['no', 'No']]);
    const object = sentence('He refused to comment, but he agreed to become an agent.', 0.9);
    expect(values(extractYesNo([object], 'did he agree to become an agent', [], [slotOf('agent')]))).toEqual([['yes', 'Yes']]);
  });

  it("reads another of the asked kind in the clause about the question's subject as no", () => {
    const medals = sentence('Kenteris won 200m gold at the 2000 Sydney Olympics, while Thanou won silver in the 100m.', 1);
    const words = [slotOf('Thanou'), slotOf('win', ['win', 'won']), slotOf('gold'), slotOf('Sydney')];
    expect(values(extractYesNo([medals], 'did thanou win gold in sydney', [words[1]!], words, [words[0]!]))).toEqual([['no', 'No']]);
    const kenteris = [slotOf('Kenteris'), ...words.slice(1)];
    expect(values(extractYesNo([medals], 'did kenteris win gold in sydney', [words[1]!], kenteris, [kenteris[0]!]))).toEqual([['yes', 'Yes']]);
  });

  it('is not settled yes by a condition, which asserts nothing', () => {
    const condition = sentence('Allies are ready to react if Russia invades Ukraine.', 0.9);
    const denial = sentence('Putin did not say if he had decided to invade Ukraine.', 0.88);
    expect(values(extractYesNo([condition, denial], 'did putin say he had decided to invade'))).toEqual([['no', 'No']]);
  });
});

describe('extractExplanations', () => {
  it('prefers a sentence that gives a reason', () => {
    const cs = extractExplanations(
      [sentence('The call was held on Thursday.'), sentence('Russia asked for the call because it wanted security guarantees.')],
      'why',
    );
    expect(cs.map((c) => c.confidence)).toEqual([0.6, 1]);
    expect(extractExplanations([sentence('She was suspended based on patterns in her tests.')], 'why').map((c) => c.confidence)).toEqual([1]);
  });

  it('ranks a circumstance between a reason and a plain report, and never answers with a question', () => {
    const cs = extractExplanations([sentence('Why do Real Madrid earn more?'), sentence('Prices rose after the storm.'), sentence('Prices rose.')], 'why');
    expect(cs.map((c) => [c.value, c.confidence])).toEqual([
      ['Prices rose after the storm.', 0.8],
      ['Prices rose.', 0.6],
    ]);
  });

  it('reads the reason an actor gives after a comma, and "so … that", as reasons', () => {
    const cs = extractExplanations(
      [
        sentence('Lee took legal action in 2002, saying Marvel shut him out of profits.'),
        sentence('So embarrassed was he by his work that he refused to sign it.'),
        sentence('So far the talks have gone well, he said.'),
      ],
      'why',
    );
    expect(cs.map((c) => c.confidence)).toEqual([1, 1, 0.6]);
  });
});

describe('extractExplanations: what tells a reason', () => {
  it('reads a purpose, an opening clause of reason and a cause told actively as reasons; a sentence that only names a reason as a circumstance', () => {
    const cs = extractExplanations(
      [
        sentence('Record companies put out the big releases early hoping to cash in on Christmas.'),
        sentence('As these sites rarely use advertising to offset costs, the bills could hurt them.'),
        sentence('Worries about cyber-crime have prompted many employers to consider monitoring.'),
        sentence('She has given a reason for her absence, he said.'),
        sentence('As well as the album, a single is out.'),
      ],
      'why',
    );
    expect(cs.map((c) => c.confidence)).toEqual([1, 1, 1, 0.8, 0.6]);
  });
});

describe('extractExplanations for how', () => {
  it('reads a manner from "by" and a gerund, "used", "able to", never from the "by" of an agent', () => {
    const fit = (text: string) => extractExplanations([sentence(text)], 'how')[0]!.confidence;
    expect(fit('They got in by forging a letter.')).toBe(1);
    expect(fit('The men had used a forged letter to get in.')).toBe(1);
    expect(fit('Fans in the US are still able to download it.')).toBe(1);
    expect(fit('The inquiry linked him to a visa claim by his ex-lover’s nanny.')).toBe(0.7);
  });
});

describe('extractReportedSpeech', () => {
  it('answers with sentences that name the speaker and report speech', () => {
    const cs = extractReportedSpeech(
      [sentence('Asked if the figure was obscene, Scudamore said: "It is not.'), sentence('Scudamore joined in 1999.')],
      'Scudamore',
    );
    expect(cs.map((c) => c.value)).toEqual(['Asked if the figure was obscene, Scudamore said: "It is not.']);
  });

  it('does not take a sentence about the speaker for one by them', () => {
    const about = sentence('Some 32% said Mr Blair was a good prime minister.');
    const by = sentence('"We were all gobsmacked," said HMV manager Clive Smith.');
    const first = sentence('Blair said voters would judge, and 32% said he was right.');
    expect(extractReportedSpeech([about, first], 'Blair').map((c) => c.value)).toEqual(['Blair said voters would judge, and 32% said he was right.']);
    expect(extractReportedSpeech([by], 'the hmv boss').map((c) => c.value)).toEqual(['"We were all gobsmacked," said HMV manager Clive Smith.']);
  });
});

describe('nearness', () => {
  it('keeps a value with the words of its own clause: a word across "while" counts as farther', () => {
    const slots = [
      { label: 'nominations', terms: new Map([['nomin', 1]]), phrases: [], idf: 1.4, subject: false },
      { label: 'Aviator', terms: new Map([['aviat', 1]]), phrases: [], idf: 1.7, subject: false },
    ];
    const at = (text: string) => Number(nearness(text, text.indexOf('seven'), slots, 'seven'.length).toFixed(3));
    expect(at('Million Dollar Baby has seven nominations and The Aviator has 11.')).toBe(0.855);
    expect(at('Million Dollar Baby has seven nominations while The Aviator has 11.')).toBe(0.752);
  });
});

describe('extractQuantities', () => {
  it('reads percentages only when the question asks for one', () => {
    const s = sentence('A majority of voters (68%) believe the prime minister has been damaged, and 1,981 people were asked.');
    expect(values(extractQuantities(s, null, 'percent'))).toEqual([['pct:68', '68%']]);
  });

  it('reads units and copies as counts of the product asked about', () => {
    const psps = { label: 'PSPs', terms: new Map([['psp', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('Sony has sold more than 800,000 units in Japan.'), psps, 'PSPs'))).toEqual([
      ['qty:800000:more than', 'more than 800,000 PSPs'],
    ]);
    const people = { label: 'people', terms: new Map([['peopl', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('The plant made 40,000 units last year.'), people, 'people'))).toEqual([]);
  });

  it('counts a noun of the same kind as the one asked about (WordNet hypernyms), shown as the coverage writes it', () => {
    const people = { label: 'people', terms: new Map([['peopl', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('YouGov polled a weighted sample of 1,981 voters online.'), people, 'people'))).toEqual([
      ['qty:1981', '1,981 voters'],
    ]);
    const officials = { label: 'officials', terms: new Map([['offici', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('He said 20 individuals appear to have forgotten.'), officials, 'officials'))).toEqual([
      ['qty:20', '20 individuals'],
    ]);
    expect(values(extractQuantities(sentence('He said 20 trucks appear to have gone.'), officials, 'officials'))).toEqual([]);
  });

  it('reads "the fourth time" as four times', () => {
    const times = { label: 'times', terms: new Map([['time', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('The call marked the fourth time the two leaders have spoken this year.'), times, 'times'))).toEqual([
      ['qty:4', '4 times (the fourth time)'],
    ]);
  });

  it('counts a large share of a group ("6,000 of those") but not one of its members ("two of the bombers")', () => {
    const jobs = { label: 'jobs', terms: new Map([['job', 1]]), phrases: [], idf: 1, subject: false };
    const s = { ...sentence('Brown said 104,000 jobs would be cut, with around 6,000 of those expected in Wales.'), matched: new Set(['jobs']) };
    expect(values(extractQuantities(s, jobs, 'jobs'))).toEqual([
      ['qty:104000', '104,000 jobs'],
      ['qty:6000', '6,000 jobs'],
    ]);
    const bombers = { label: 'bombers', terms: new Map([['bomber', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('Two of the three bombers died.'), bombers, 'bombers'))).toEqual([['qty:3', 'three bombers']]);
  });

  it('keeps a unit of measure in the amount', () => {
    const data = { label: 'data', terms: new Map([['data', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('The disks can hold up to 1.8GB of data.'), data, 'data'))).toEqual([['qty:1.8:up to', 'up to 1.8GB']]);
  });

  it('counts the noun its number opens, not one in the next phrase', () => {
    const nominations = { label: 'nominations', terms: new Map([['nomin', 1]]), phrases: [], idf: 1, subject: false };
    const producers = sentence('The organisers picked two of the film’s four producers to be nominated for best film.');
    expect(values(extractQuantities(producers, nominations, 'nominations'))).toEqual([]);
    expect(values(extractQuantities(sentence('The Aviator has 11 Oscar nominations.'), nominations, 'nominations'))).toEqual([['qty:11', '11 nominations']]);
  });

  it('reads "how big is the X" as the size of X, in money when money makes it', () => {
    expect([parseQuestion('how big is the bailout?').countNoun, parseQuestion('how large was the crowd at the final?').countNoun]).toEqual([
      'bailout',
      'crowd',
    ]);
    const bill = { label: 'bill', terms: new Map([['bill', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('Yukos was hit with a bill of more than $27bn in back taxes.'), bill, 'bill'))).toEqual([
      ['money:27000000000:more than', 'more than $27bn'],
    ]);
    expect(values(extractQuantities(sentence('The government hit the company with a $27bn (£14bn) bill for back taxes.'), bill, 'bill'))).toEqual([
      ['money:27000000000', '$27bn'],
    ]);
    // Money that makes something else is no size of the bill.
    expect(values(extractQuantities(sentence('Rosneft paid $9.3bn for the unit, and the bill was settled.'), bill, 'bill'))).toEqual([]);
    // A currency named after the number makes the noun just before it; the conversions in brackets are the same amount.
    const fine = { label: 'fine', terms: new Map([['fine', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(sentence('The firm could face a fine up to 200,000 yuan ($24,000; £12,700).'), fine, 'fine'))).toEqual([
      ['money:200000:up to', 'up to 200,000 yuan'],
    ]);
  });

  it('counts a part of a group only when the question asks for one', () => {
    const s = sentence('Any new rule requires the approval of only 14 of the 20 clubs.');
    const clubs = { label: 'clubs', terms: new Map([['club', 1]]), phrases: [], idf: 1, subject: false };
    expect(values(extractQuantities(s, clubs, 'clubs', [], true))).toEqual([
      ['qty:14', '14 clubs'],
      ['qty:20', '20 clubs'],
    ]);
    expect(values(extractQuantities(s, clubs, 'clubs'))).toEqual([['qty:20', '20 clubs']]);
    expect(parseQuestion('how many of the 20 clubs have to approve a new rule?').countNoun).toEqual('clubs');
  });

  it('names the currency written after a number and skips a conversion in brackets', () => {
    const s = sentence('Baikal paid 260.75bn roubles ($9.37bn: £4.8bn) for Yugansk.');
    expect(values(extractQuantities(s, null, 'money'))).toEqual([['money:260750000000', '260.75bn roubles']]);
  });
});

describe('extractKinds', () => {
  it('takes words of the asked kind by WordNet, not the words the question says', () => {
    const s = sentence('Big Brother was accused of taunting McCririck after denying him a cola and a cigarette.');
    expect(values(extractKinds(s, 'drink', new Set(analyzeText('what drink did they refuse mccririck'))))).toEqual([['kind:cola', 'cola']]);
    expect(extractKinds(s, 'drink', new Set(analyzeText('what cola did they refuse')))).toEqual([]);
  });
});

describe('extractNounPhrases', () => {
  it('answers with the name a phrase of the asked kind describes', () => {
    const v = (text: string) => extractNounPhrases(sentence(text), 'format', new Set(analyzeText('what disc format does the psp use'))).map((c) => c.value);
    expect(v("The first million will come with Spider-Man 2 on UMD, Sony's own disc format for the device.")).toEqual(['UMD']);
    expect(v('Meanwhile, the disc format for the machine was announced.')).toEqual(['format for the machine was announced']);
  });
});

describe("extractYesNo: the question's action", () => {
  it('lets only sentences that hold the asked action settle it, when some do', () => {
    const meeting = {
      ...sentence('Mr Prescott held a private meeting with senior union figures last week.', 0.91),
      matched: new Set(['Prescott', 'meeting', 'last', 'week']),
    };
    const offer = { ...sentence('It is understood no deal was offered in that meeting.', 0.87), matched: new Set(['Prescott', 'offer', 'deal', 'meeting']) };
    const question = 'did prescott offer the unions a deal at his private meeting last week';
    expect(extractYesNo([meeting, offer], question, [slotOf('offer', ['offer'])]).map((c) => c.value)).toEqual(['No']);
    expect(extractYesNo([meeting, offer], question, []).map((c) => c.value)).toEqual(['Yes', 'No']);
  });

  it('reads a negation only in a clause that holds the question’s words', () => {
    const accepts = {
      ...sentence('Philip Morris now accepts that nicotine is harmful, and its lawyer said earlier statements may not have been right.', 0.9),
      matched: new Set(['accept', 'nicotine', 'harmful']),
    };
    expect(
      extractYesNo(
        [accepts],
        'does philip morris accept that nicotine is harmful',
        [slotOf('accept')],
        [slotOf('accept'), slotOf('nicotine'), slotOf('harmful')],
      ).map((c) => c.value),
    ).toEqual(['Yes']);
    const refuses = { ...sentence('The firm said it does not accept that nicotine is harmful.', 0.9), matched: new Set(['accept', 'nicotine', 'harmful']) };
    expect(extractYesNo([refuses], 'does the firm accept that nicotine is harmful', [slotOf('accept')], [slotOf('accept')]).map((c) => c.value)).toEqual([
      'No',
    ]);
    const notArrested = { ...sentence('He was stopped at the border, but was not arrested at the time.', 0.9), matched: new Set(['stopped', 'arrested']) };
    expect(
      extractYesNo([notArrested], 'was he arrested when police stopped him', [slotOf('arrested')], [slotOf('arrested'), slotOf('stopped')]).map((c) => c.value),
    ).toEqual(['No']);
  });
});

describe('extractExplanations: reasons next to the matching sentence', () => {
  it("answers from the sentence after an article's own question, after a matching one, and before an 'As a result'", () => {
    const asked = {
      ...sentence('Why do Real Madrid and Barcelona earn more?', 0.8),
      next: { text: 'The answer lies in the way they sell rights.', start: 50, end: 95 },
    };
    const after = { ...sentence('Gazprom ended up not bidding.', 0.9), next: { text: 'It was barred because of a US court injunction.', start: 40, end: 88 } };
    const result = {
      ...sentence('As a result Real Madrid secure more money.', 0.79),
      previous: { text: 'The Spanish league does not sell its rights collectively.', start: 0, end: 57 },
    };
    const v = extractExplanations([asked, after, result], 'why').map((c) => [c.value, c.confidence]);
    expect(v).toEqual([
      ['The answer lies in the way they sell rights.', 0.6],
      ['Gazprom ended up not bidding.', 0.6],
      ['It was barred because of a US court injunction.', 0.85],
      ['As a result Real Madrid secure more money.', 0.6],
      ['The Spanish league does not sell its rights collectively.', 0.85],
    ]);
  });
});

describe('extractDescriptors', () => {
  it('reads the words in front of a name, a copula, an apposition and the reverse copula', () => {
    const v = (text: string, name: string) => extractDescriptors(sentence(text), name).map((c) => c.value);
    expect(v('David Blunkett has spoken of his love for married publisher Kimberly Quinn for the first time.', 'Kimberly Quinn')).toEqual([
      'married publisher',
    ]);
    expect(v('Sir John Gieve was Home Office permanent secretary during the saga.', 'Sir John Gieve')).toEqual(['Home Office permanent secretary']);
    expect(v('Dmitry Peskov, the Kremlin spokesman, said talks would go on.', 'Dmitry Peskov')).toEqual(['the Kremlin spokesman']);
    expect(v('The U.S. victim was Nohemi Gonzalez, 23, of El Monte.', 'Nohemi Gonzalez')).toEqual(['U.S. victim']);
    expect(v('Rusedski will take on former world number 30 Harel Levy on Friday.', 'Harel Levy')).toEqual(['former world number 30']);
  });

  it('reads the body a person comes from in an apposition, not the place', () => {
    const v = (text: string, name: string) => extractDescriptors(sentence(text), name).map((c) => c.value);
    expect(v("Brad Adams, from the UK's Human Rights Watch, said it was a signal.", 'Brad Adams')).toEqual(["from the UK's Human Rights Watch"]);
    expect(v('Jo Smith, from Los Angeles, said it was cold.', 'Jo Smith')).toEqual([]);
  });

  it('takes no verb for a descriptor', () => {
    expect(extractDescriptors(sentence('The victims included Nohemi Gonzalez.'), 'Nohemi Gonzalez')).toEqual([]);
  });

  it('takes no verb phrase after a copula and no verb in front of the name', () => {
    const v = (text: string, name: string) => extractDescriptors(sentence(text), name).map((c) => c.value);
    expect(v('Sir Alan Budd is investigating whether the home secretary helped.', 'Sir Alan Budd')).toEqual([]);
    expect(v('Sandino Moreno is now being regarded as one of the most promising actresses.', 'Sandino Moreno')).toEqual([]);
    expect(v('"But I think Sir Alan Budd will be fair," he said.', 'Sir Alan Budd')).toEqual([]);
    expect(v('Katerina Thanou is confident she and fellow sprinter Kostas Kenteris will not be banned.', 'Katerina Thanou')).toEqual([]);
    expect(v('The inquiry by ex-senior civil servant Sir Alan Budd is investigating.', 'Sir Alan Budd')).toEqual(['ex-senior civil servant']);
  });
});

describe('compatibleValues', () => {
  it('takes a figure near a bound as compatible, and different claims as not', () => {
    expect([
      compatibleValues('duration:50', 'duration:60:just under'),
      compatibleValues('duration:60:just under', 'duration:50'),
      compatibleValues('duration:30', 'duration:60:just under'),
      compatibleValues('duration:70', 'duration:60:just under'),
      compatibleValues('qty:100000', 'qty:90000:more than'),
      compatibleValues('qty:50', 'duration:50'),
      compatibleValues('money:5', 'money:5'),
    ]).toEqual([true, true, false, false, false, false, true]);
  });
});

describe('questions asking for a name', () => {
  it('read "what is the name of X" and "what is X called" as who-questions about X', () => {
    const p = (q: string) => [parseQuestion(q).family, parseQuestion(q).entity];
    expect([p('whats the name of the nanny in the visa row'), p('what was the police dog called'), p('who called the meeting?')]).toEqual([
      ['who', 'nanny'],
      ['who', 'dog'],
      ['who', null],
    ]);
  });

  it('take names given with "named" or "called"', () => {
    expect(values(extractNamedAs(sentence('Five officers were hurt, and a police dog, a Malinois named Diesel, was killed.')))).toEqual([
      ['name:diesel', 'Diesel'],
    ]);
  });
});

describe('what X: an outlet asked', () => {
  it('reads the name after a verb of telling as the outlet, surer when the name says it is one', () => {
    const s = scoredSentence('He told BBC Five Live: "It is a big step." Later he told the Today programme more.');
    expect(readFrom(whatX, 'what radio station did Parry talk to?', s)).toEqual([
      ['BBC Five Live', 0.8],
      ['Today programme', 1],
    ]);
  });
});
