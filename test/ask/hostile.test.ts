import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { silentLog } from '../../src/log.ts';
import { MAX_QUESTION_CHARS, validateQuestion, withoutInvisibles } from '../../src/ask/input.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'corpus');

describe('Newsdesk.ask on hostile and odd input', () => {
  const { index } = openCorpus(CORPUS);
  const desk = new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 1000, log: silentLog });

  it('refuses an empty question with a hint', () => {
    expect(desk.ask('   ')).toEqual({ ok: false, message: 'Ask me a question about the coverage, for example "who requested the call?"' });
  });

  it('refuses punctuation only', () => {
    expect(desk.ask('?!?...')).toEqual({ ok: false, message: 'That does not look like a question: ask in words, for example "when are the talks?"' });
  });

  it('refuses 10,000 characters with the limit in the message', () => {
    expect(desk.ask('who requested the call? '.repeat(420))).toEqual({
      ok: false,
      message: `That question is too long: please keep it under ${MAX_QUESTION_CHARS} characters.`,
    });
  });

  it('answers a question wrapped in mentions and Markdown', () => {
    const result = desk.ask('@everyone <@U123> <!channel> **who requested the call?**');
    expect(result.ok && result.answer.answer).toBe('Russia');
    expect(result.ok && result.answer.question).toBe('who requested the call?');
  });

  it('drops tags from a question', () => {
    const result = desk.ask('<b>how long</b> was <i>it</i>?');
    expect(result.ok && result.answer.question).toBe('how long was it?');
    expect(result.ok && result.answer.answer).toBe('50 minutes');
  });

  it('says not_found for a question in another language', () => {
    const result = desk.ask('¿Quién ganó la liga de fútbol este año?');
    expect(result.ok && result.answer.status).toBe('not_found');
  });

  it('says not_found for a question in another script', () => {
    const result = desk.ask('谁赢得了比赛？');
    expect(result.ok && result.answer.status).toBe('not_found');
  });

  it('never throws and always returns a well-formed result on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 120 }),
          fc.constantFrom('how long was it?', 'who is it?', 'what did he say?', 'how many?', 'when?', 'where?'),
        ),
        (text) => {
          const result = desk.ask(text, { conversationId: 'prop' });
          if (!result.ok) return typeof result.message === 'string' && result.message.length > 0;
          const a = result.answer;
          const statusOk = a.status === 'answered' || a.status === 'conflicting' || a.status === 'not_found';
          const quotesOk = [...a.citations, ...(a.related ?? [])].every((c) => index.articles.get(c.source)!.text.slice(c.start, c.end) === c.quote);
          return statusOk && quotesOk && (a.status === 'not_found') === (a.answer === null);
        },
      ),
      { numRuns: 150, seed: 4242 },
    );
  });
});

describe('withoutInvisibles', () => {
  it('turns direction overrides, isolates, zero-width marks and controls into spaces, keeping the rest', () => {
    expect(withoutInvisibles('a\u202eb\u2067c\u200bd\u0000e\u00adf\ufeffg Ordoñez')).toBe('a b c d e f g Ordoñez');
    expect(validateQuestion('who\u202e requested the call?')).toEqual({ ok: true, question: 'who requested the call?' });
  });
});

describe('validateQuestion', () => {
  it('drops the "@name" a question opens with, which addresses the bot, and keeps one inside it', () => {
    expect(validateQuestion('@newsdesk who requested the call?')).toEqual({ ok: true, question: 'who requested the call?' });
    expect(validateQuestion('@newsdesk, @desk: when are the talks?')).toEqual({ ok: true, question: 'when are the talks?' });
    expect(validateQuestion('did @jack_dorsey tweet about it?')).toEqual({ ok: true, question: 'did @jack_dorsey tweet about it?' });
    expect(validateQuestion('@newsdesk')).toEqual({ ok: true, question: '@newsdesk' });
  });
});
