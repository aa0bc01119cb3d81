import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/ask/answer.ts';
import { duplicateGroups, jaccard, shingles } from '../../src/index/duplicates.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import type { Article } from '../../src/types.ts';
import { copyCorpus, DEFAULT_CORPUS, makeTmp, removeTmp } from '../ingest/helpers.ts';
import { readStory } from '../acquire/site.ts';

const A = '000_7c4e71be4a13ea11.txt';
const C = '002_34bd12b4df784525.txt';
const D = '003_aa27b1c8d01db12e.txt';
const E = '004_0ab6f7e65bf4a959.txt';

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, file: id, title: id, titleDerived: false, outlet: null, byline: null, published: null, url: null, text, hash: id, ...extra };
}

describe('shingles', () => {
  it('reads words of any script, case aside, and nothing else', () => {
    // Five words make one shingle; punctuation and case do not make another.
    expect(shingles('Zürich café: São Paulo 2015').length).toBe(1);
    expect([...shingles('zürich CAFÉ, são paulo 2015!')]).toEqual([...shingles('Zürich café: São Paulo 2015')]);
    // An accented letter is a letter of its word, not a break between two words.
    expect(shingles('Zürich café São Paulo 2015 x').length).toBe(2);
    expect([...shingles('Zurich cafe Sao Paulo 2015')]).not.toEqual([...shingles('Zürich café São Paulo 2015')]);
    expect(shingles('𝒜lpha beta gamma delta epsilon').length).toBe(1);
  });
});

describe('duplicateGroups', () => {
  const toll = readStory(1).paragraphs.join('\n\n');
  const missing = readStory(2).paragraphs.join('\n\n');

  it('groups a wire story republished by another outlet (a new closing line) under the earliest copy', () => {
    const index = new CorpusIndex();
    index.addArticles([
      article('wire.md', toll, { outlet: 'Wire Service', published: '2015-11-20' }),
      article('post.md', `${toll}\n\nAdditional reporting by our Paris bureau.`, { outlet: 'The Evening Post', published: '2015-11-21' }),
      article('other.md', missing, { outlet: 'The Evening Post' }),
    ]);
    expect(jaccard(shingles(index.articles.get('wire.md')!.text), shingles(index.articles.get('post.md')!.text))).toBeGreaterThan(0.95);
    expect(duplicateGroups(index)).toEqual(
      new Map([
        ['post.md', 'wire.md'],
        ['wire.md', 'wire.md'],
      ]),
    );
  });

  it('groups articles with the same url (tracking parameters aside) and leaves different texts apart', () => {
    const index = new CorpusIndex();
    index.addArticles([
      article('a.md', toll, { url: 'https://news.test/paris?utm_source=rss' }),
      article('b.md', missing, { url: 'https://www.news.test/paris/' }),
      article('c.md', readStory(3).paragraphs.join('\n\n')),
    ]);
    expect(duplicateGroups(index)).toEqual(
      new Map([
        ['a.md', 'a.md'],
        ['b.md', 'a.md'],
      ]),
    );
  });

  it('does not group stories that only share a few sentences', () => {
    const paragraphs = readStory(1).paragraphs;
    const index = new CorpusIndex();
    index.addArticles([article('x.md', toll), article('y.md', [...paragraphs.slice(0, 3), readStory(2).paragraphs.join('\n\n')].join('\n\n'))]);
    expect(duplicateGroups(index).size).toBe(0);
  });

  it('is cached per index version and recomputed after a change', () => {
    const index = new CorpusIndex();
    index.addArticles([article('x.md', toll), article('y.md', missing)]);
    const first = duplicateGroups(index);
    expect(duplicateGroups(index)).toBe(first);
    index.addArticle(article('z.md', toll));
    expect(duplicateGroups(index)).toEqual(
      new Map([
        ['x.md', 'x.md'],
        ['z.md', 'x.md'],
      ]),
    );
  });
});

describe('answers count duplicate copies once', () => {
  let root: string;
  beforeAll(() => {
    root = makeTmp();
    copyCorpus(DEFAULT_CORPUS, path.join(root, 'corpus'));
  });
  afterAll(() => removeTmp(root));

  it('two copies of the same wire story from two outlets count once in support and citations', () => {
    const corpus = path.join(root, 'corpus');
    const original = openCorpus(corpus).index.articles.get(D)!;
    fs.writeFileSync(
      path.join(corpus, 'republished.md'),
      `---\ntitle: Biden, Putin trade warnings over Ukraine\noutlet: The Evening Post\npublished: 2021-12-31\n---\n\n${original.text}\n\nThis story was republished from a wire service.\n`,
    );
    const { index } = openCorpus(corpus);
    expect(duplicateGroups(index).get('republished.md')).toBe(D);
    const { answer } = answerQuestion(index, 'who requested the call?');
    expect(answer.answer).toBe('Russia');
    expect(answer.support.map((g) => [g.value, [...g.sources].sort()])).toEqual([['Russia', [A, C, D, E]]]);
    expect(answer.citations.map((c) => c.source)).not.toContain('republished.md');
    expect(new Set(answer.citations.map((c) => c.source)).size).toBe(answer.citations.length);
  });
});
