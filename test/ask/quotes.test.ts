import { describe, expect, it } from 'vitest';
import { endsInsideQuote, quoteSpeakers } from '../../src/ask/quotes.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { answerQuestion } from '../../src/ask/answer.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { testArticle } from './scored.ts';

const speakers = (text: string) => quoteSpeakers(text, splitSentences(text)).map((s) => s?.name ?? null);

describe('quoteSpeakers', () => {
  it('gives a quote that runs on over sentences to the teller who opened it', () => {
    expect(speakers('Asked if the figure was obscene, Scudamore said: "It is not. It is market forces. It is unscripted drama." The clubs agreed.')).toEqual([
      null,
      'Scudamore',
      'Scudamore',
      null,
    ]);
  });

  it('hands "she told the audience" to the person the narrative just named, and the quote after it too', () => {
    const text =
      'Hilary Swank picked up her second Oscar. "I don\'t know what I did to deserve this," she told the audience. "I\'m just a girl from a trailer park who had a dream."';
    expect(speakers(text)).toEqual([null, 'Hilary Swank', 'Hilary Swank']);
  });

  it('reads a teller through a title, and never gives "he added" to someone named sentences before', () => {
    const text =
      'Oscar-winner Andrea Arnold was congratulated. "It spends millions every year," said chief executive officer John Woodward. "It pays off when you see new film-makers win," he added.';
    expect(speakers(text)).toEqual([null, null, 'John Woodward']);
    expect(speakers('Andrea Arnold won an Oscar. Her film was short. "It pays off," he added.')).toEqual([null, null, null]);
  });

  it('keeps a teller named in the paragraph before, but not an open quote', () => {
    expect(speakers('PCS leader Mark Serwotka warned of walkouts.\n\n"It is ironic," he said. "Nobody has a choice.')).toEqual([
      null,
      'Mark Serwotka',
      'Mark Serwotka',
    ]);
  });

  it('tells a quote still open at the end of a text', () => {
    expect([endsInsideQuote('He said: "It is not.'), endsInsideQuote('“We are ready,” Putin said.'), endsInsideQuote('It is market forces.', true)]).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe('a quote that runs on, in an answer', () => {
  it('answers what was said with the whole quote, cited verbatim', () => {
    const text =
      'The league sold its rights for £5.1bn. Asked if the figure was obscene, Scudamore said: "It is not. It is market forces. It is unscripted drama."';
    const article = { ...testArticle('a.txt', text, null, 'Rights'), hash: 'a' };
    const index = new CorpusIndex();
    index.addArticles([article]);
    const { answer } = answerQuestion(index, 'what did scudamore say about the figure being obscene?');
    expect(answer.citations.map((c) => c.quote)).toEqual([
      'Asked if the figure was obscene, Scudamore said: "It is not. It is market forces. It is unscripted drama."',
    ]);
    expect(answer.answer).toBe('Asked if the figure was obscene, Scudamore said: "It is not. It is market forces. It is unscripted drama"');
  });
});
