import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS, paragraphSpans, splitPassages } from '../../src/ingest/passages.ts';
import { readCorpus } from '../../src/ingest/corpus.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import type { Passage } from '../../src/types.ts';
import { CORPORA, HAS_SHARED_CORPORA } from './helpers.ts';

const sentences = (text: string): string[] => splitSentences(text).map((s) => s.text);

/** Checks the offsets contract of a split: exact slices, in order, no overlap, nothing but whitespace left out. */
function expectExactCover(text: string, passages: readonly Passage[]): void {
  let last = 0;
  for (const p of passages) {
    expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(p.start).toBeGreaterThanOrEqual(last);
    expect(text.slice(last, p.start).trim()).toBe('');
    expect(p.text.trim()).toBe(p.text);
    expect(p.text).not.toBe('');
    last = p.end;
  }
  expect(text.slice(last).trim()).toBe('');
}

describe('splitPassages', () => {
  it('makes one passage per paragraph, with ordinals, consecutive keys from firstKey and exact offsets', () => {
    const text = 'Biden spoke with Putin.\n\nThe call lasted 50 minutes.\n\nRussia had asked for it.';
    expect(splitPassages({ id: 'a.txt', text }, 7)).toEqual([
      { key: 7, articleId: 'a.txt', ordinal: 0, start: 0, end: 23, text: 'Biden spoke with Putin.' },
      { key: 8, articleId: 'a.txt', ordinal: 1, start: 25, end: 52, text: 'The call lasted 50 minutes.' },
      { key: 9, articleId: 'a.txt', ordinal: 2, start: 54, end: 78, text: 'Russia had asked for it.' },
    ]);
  });

  it('keeps a paragraph of exactly MAX_PASSAGE_CHARS characters whole', () => {
    const para = `${'x'.repeat(MAX_PASSAGE_CHARS - 1)}.`;
    expect(para).toHaveLength(MAX_PASSAGE_CHARS);
    expect(splitPassages({ id: 'a', text: para }, 0)).toHaveLength(1);
  });

  it('splits a long paragraph at sentence boundaries into pieces of at most ~450 characters', () => {
    const sentence = (i: number) => `Sentence number ${i} says that Mr. Biden and the U.S. team met on Jan. 10 in Geneva with Russian officials.`;
    const para = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join(' ');
    expect(para.length).toBeGreaterThan(MAX_PASSAGE_CHARS);
    const text = `Lead paragraph.\n\n${para}\n\nLast paragraph.`;
    const passages = splitPassages({ id: 'a', text }, 0);
    expectExactCover(text, passages);
    const middle = passages.slice(1, -1);
    expect(middle.length).toBe(3);
    for (const p of middle) {
      expect(p.text.length).toBeLessThanOrEqual(450);
      expect(p.text).toMatch(/^Sentence number \d+ says that Mr\. Biden/);
      expect(p.text).toMatch(/Russian officials\.$/);
    }
    expect(passages.map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps one overlong sentence whole rather than cutting inside it', () => {
    const longSentence = `${'Officials said that the talks, '.repeat(40)}ended.`;
    const text = `${longSentence} Then they left.`;
    const passages = splitPassages({ id: 'a', text }, 0);
    expect(passages.map((p) => p.text)).toEqual([longSentence, 'Then they left.']);
  });

  it('splits a long hard-wrapped paragraph (single line breaks inside) without failing', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i} of a hard-wrapped story runs on across the line end and`);
    const text = `${lines.join('\n')} ends. A second sentence follows here.`;
    const passages = splitPassages({ id: 'a', text }, 0);
    expectExactCover(text, passages);
    expect(passages.map((p) => p.text.slice(-20))).toEqual([
      'e end and\nline 19 of a hard-wrapped story runs on across the line end and ends.'.slice(-20),
      'ond sentence follows here.'.slice(-20),
    ]);
  });

  it('covers any text exactly, for any mix of words, stops, quotes and line breaks', () => {
    const token = fc.constantFrom(
      'Biden',
      'said',
      'Mr.',
      'U.S.',
      'Jan.',
      '10',
      'the',
      'call.',
      '“Yes.”',
      'No!',
      'Why?',
      '…',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '\n \n',
      'A.',
      'x'.repeat(90),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 300 }), (tokens) => {
        const text = tokens.join(' ');
        expectExactCover(text, splitPassages({ id: 'a', text }, 0));
      }),
      { numRuns: 300 },
    );
  });

  it.skipIf(!HAS_SHARED_CORPORA)('keeps every BBC passage exact, and split pieces within 450 characters unless a single sentence is longer', () => {
    const { articles } = readCorpus(path.join(CORPORA, 'bbc-2004-2005', 'business'));
    let split = 0;
    for (const a of articles) {
      const passages = splitPassages(a, 0);
      expectExactCover(a.text, passages);
      for (const p of passages) {
        const paragraph = paragraphSpans(a.text).find((s) => s.start <= p.start && p.end <= s.end)!;
        if (paragraph.end - paragraph.start <= MAX_PASSAGE_CHARS) continue;
        split++;
        if (p.text.length > 450) expect(sentences(p.text), `${a.id} #${p.ordinal}`).toHaveLength(1);
      }
    }
    expect(split).toBeGreaterThan(100);
  });
});

describe('paragraphSpans', () => {
  it('trims whitespace around a paragraph', () => {
    expect(paragraphSpans('  One. \n\n Two.')).toEqual([
      { start: 2, end: 6 },
      { start: 10, end: 14 },
    ]);
  });

  it('finds paragraphs separated by blank lines, including blank lines holding spaces', () => {
    expect(paragraphSpans('One.\n\nTwo.\n \t\nThree.')).toEqual([
      { start: 0, end: 4 },
      { start: 6, end: 10 },
      { start: 14, end: 20 },
    ]);
  });

  it('keeps single line breaks inside a paragraph', () => {
    expect(paragraphSpans('line one\nline two\n\nnext')).toEqual([
      { start: 0, end: 17 },
      { start: 19, end: 23 },
    ]);
  });
});

describe('splitSentences', () => {
  it.each<[string, string[]]>([
    ['Mr. Biden spoke. Putin replied.', ['Mr. Biden spoke.', 'Putin replied.']],
    [
      'U.S. officials said the talks start on Jan. 10 in Geneva. Russia agreed.',
      ['U.S. officials said the talks start on Jan. 10 in Geneva.', 'Russia agreed.'],
    ],
    ['FILE PHOTO: U. S.  President Joe Biden holds talks. He listened.', ['FILE PHOTO: U. S.  President Joe Biden holds talks.', 'He listened.']],
    ['He said: “It was serious.” Then he left.', ['He said: “It was serious.”', 'Then he left.']],
    ['"We are ready," Psaki said. "He made it clear." The call ended.', ['"We are ready," Psaki said.', '"He made it clear."', 'The call ended.']],
    ['It cost $1.5 billion. Officials said so!', ['It cost $1.5 billion.', 'Officials said so!']],
    ['Is it over? No… Not yet.', ['Is it over?', 'No…', 'Not yet.']],
    ['Dr. Duncan said 3 p.m. was late. Others agreed.', ['Dr. Duncan said 3 p.m. was late.', 'Others agreed.']],
    ['John F. Kennedy was shot in 1963. He died.', ['John F. Kennedy was shot in 1963.', 'He died.']],
    ['He scored 2-1. 45,000 fans watched.', ['He scored 2-1.', '45,000 fans watched.']],
    ['the talks end. then what', ['the talks end. then what']],
    ['first part\nsecond part of one wrapped sentence.', ['first part\nsecond part of one wrapped sentence.']],
    ['A heading without a stop\n\nThe paragraph after it.', ['A heading without a stop', 'The paragraph after it.']],
  ])('splits %j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('gives offsets into the text, shifted by the offset argument, with whitespace trimmed', () => {
    expect(splitSentences(' Mr. Biden spoke.  Putin replied. ', 100)).toEqual([
      { text: 'Mr. Biden spoke.', start: 101, end: 117 },
      { text: 'Putin replied.', start: 119, end: 133 },
    ]);
  });

  it('never throws, and its spans are exact slices in order, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
