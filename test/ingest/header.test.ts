import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildArticle, deriveTitle, splitParagraphs } from '../../src/ingest/article.ts';
import { parseArticleFile } from '../../src/ingest/formats.ts';
import { readCorpus, readManifest } from '../../src/ingest/corpus.ts';
import { isHeadline, readHeader } from '../../src/ingest/header.ts';
import { findDate, isDateLine, isRelativeTimeLine, parseByline } from '../../src/ingest/lines.ts';
import { DEFAULT_CORPUS, decodeFile, makeTmp, removeTmp } from './helpers.ts';

const ukraine = (name: string): string => decodeFile(path.join(DEFAULT_CORPUS, name));

describe('readHeader on the ukraine-call-2021 pages', () => {
  it('reads no headline from a page that opens with " date 2021-12-31" and then its lead', () => {
    expect(readHeader(splitParagraphs(ukraine('000_7c4e71be4a13ea11.txt')))).toEqual({
      title: null,
      byline: null,
      published: '2021-12-31',
      outlet: null,
      bodyStart: 1,
    });
  });

  it('reads headline, byline and a run-together "December 30, 2021International" date', () => {
    expect(readHeader(splitParagraphs(ukraine('001_ae44a968ee4ee127.txt')))).toEqual({
      title: 'White House: Biden Calls For De-Escalation On Call With Putin',
      byline: 'NTD Newsroom',
      published: '2021-12-30',
      outlet: null,
      bodyStart: 4,
    });
  });

  it('reads only the headline from a page that carries nothing else', () => {
    expect(readHeader(splitParagraphs(ukraine('002_34bd12b4df784525.txt')))).toEqual({
      title: 'US would respond “decisively” if Russia invades Ukraine, warns Biden Putin',
      byline: null,
      published: null,
      outlet: null,
      bodyStart: 1,
    });
  });

  it('finds the headline after a date line and a "POTUS" label, the outlet after the byline, and skips image links and captions', () => {
    const paragraphs = splitParagraphs(ukraine('004_0ab6f7e65bf4a959.txt'));
    expect(paragraphs.slice(0, 2)).toEqual(['date 2021-12-31 ContributorsPublishersAdvertisers', 'POTUS']);
    expect(readHeader(paragraphs)).toEqual({
      title: 'Biden again calls on Putin to de-escalate tensions along Ukraine border',
      byline: 'Franco Ordoñez',
      published: '2021-12-31',
      outlet: 'WEKU',
      bodyStart: 10,
    });
    expect(paragraphs[10]).toBe(
      'President Biden on Thursday afternoon again warned Russian President Vladimir Putin of painful economic consequences should Russian forces invade Ukraine.',
    );
  });
});

describe('parseArticleFile on the ukraine-call-2021 pages', () => {
  const parse = (name: string) => parseArticleFile(name, ukraine(name)).articles[0]!;

  it('gives each page the title, outlet, byline and date its text carries (as test/sources.test.ts expects)', () => {
    const rows = fs
      .readdirSync(DEFAULT_CORPUS)
      .sort()
      .map((name) => {
        const a = parse(name);
        return [a.id, a.title, a.titleDerived, a.outlet, a.byline, a.published, a.url];
      });
    expect(rows).toEqual([
      [
        '000_7c4e71be4a13ea11.txt',
        'WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to “defuse…',
        true,
        null,
        null,
        '2021-12-31',
        null,
      ],
      [
        '001_ae44a968ee4ee127.txt',
        'White House: Biden Calls For De-Escalation On Call With Putin',
        false,
        'The Epoch Times',
        'NTD Newsroom',
        '2021-12-30',
        null,
      ],
      ['002_34bd12b4df784525.txt', 'US would respond “decisively” if Russia invades Ukraine, warns Biden Putin', false, null, null, null, null],
      ['003_aa27b1c8d01db12e.txt', 'Biden and Putin warn of breach if no resolution reached on Ukraine tension', false, null, null, '2021-12-30', null],
      [
        '004_0ab6f7e65bf4a959.txt',
        'Biden again calls on Putin to de-escalate tensions along Ukraine border',
        false,
        'WEKU',
        'Franco Ordoñez',
        '2021-12-31',
        null,
      ],
    ]);
  });

  it('takes the date of a trailing "Updated: December 30, 2021, 11:49 PM" line when the header has none', () => {
    const article = parse('003_aa27b1c8d01db12e.txt');
    expect(article.published).toBe('2021-12-30');
    expect(article.text).not.toContain('Updated:');
  });

  it('takes the outlet from a closing "From The Epoch Times" credit, and removes the credit', () => {
    const article = parse('001_ae44a968ee4ee127.txt');
    expect(article.outlet).toBe('The Epoch Times');
    expect(article.text).not.toContain('From The Epoch Times');
  });
});

describe('buildArticle', () => {
  it('reads the outlet from a "(CNN)" dateline in the lead', () => {
    const article = buildArticle(
      'p.txt',
      'p.txt',
      'Paris attacks\n\nParis (CNN)ISIS claimed responsibility for the horrific Paris attacks, officials said.',
      {},
      'h',
    );
    expect(article?.outlet).toBe('CNN');
  });

  it('reads the outlet from a "WASHINGTON (AP) —" dateline', () => {
    const article = buildArticle(
      'p.txt',
      'p.txt',
      'Biden calls Putin\n\nWASHINGTON (AP) — President Joe Biden spoke with Vladimir Putin on Thursday.',
      {},
      'h',
    );
    expect(article?.outlet).toBe('AP');
  });

  it('derives the title from the lead when the page opens with its first paragraph (marked titleDerived)', () => {
    const lead =
      'Dutch engineering firm Fugro will lead the search of the Indian Ocean seafloor where missing Malaysia Airlines Flight MH370 is believed to have crashed, hoping to unlock the greatest mystery in modern aviation.';
    const article = buildArticle('m.txt', 'm.txt', `${lead}\n\nAustralia on Wednesday awarded Fugro the lead commercial contract for the search.`, {}, 'h');
    expect(article?.title).toBe('Dutch engineering firm Fugro will lead the search of the Indian Ocean…');
    expect(article?.titleDerived).toBe(true);
    expect(article?.text.startsWith(lead)).toBe(true);
  });

  it('lets metadata from outside the text win over the header and keeps unknown fields null', () => {
    const article = buildArticle(
      'a.txt',
      'a.txt',
      'Page headline here\n\nBy Jane Doe\n\nBiden spoke with Putin on Thursday, officials said.',
      { outlet: '  Wire  Service ', published: '2021-12-30T08:00:00Z' },
      'h',
    );
    expect(article).toMatchObject({ title: 'Page headline here', outlet: 'Wire Service', byline: 'Jane Doe', published: '2021-12-30', url: null });
  });

  it('returns null when nothing but boilerplate remains', () => {
    expect(buildArticle('a.txt', 'a.txt', 'Headline of a page\n\nComments / 4\n\nRelated', {}, 'h')).toBeNull();
  });
});

describe('deriveTitle', () => {
  it('keeps a short first sentence whole, without its full stop', () => {
    expect(deriveTitle('Biden spoke with Putin. They talked for 50 minutes.')).toBe('Biden spoke with Putin');
  });

  it('cuts a long first sentence to twelve words and an ellipsis', () => {
    expect(deriveTitle('WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to “defuse tensions with Ukraine”, while warning.')).toBe(
      'WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to “defuse…',
    );
  });
});

describe('date and byline lines', () => {
  it.each([
    [' date 2021-12-31', '2021-12-31'],
    ['Updated: December 30, 2021, 11:49 PM', '2021-12-30'],
    ['December 30, 2021International', '2021-12-30'],
    ['November 14, 2015 12:56 pm', '2015-11-14'],
    ['Mar. 8, 2014 12:41 a.m.', '2014-03-08'],
    ['Correction: July 9, 2014', '2014-07-09'],
    ['14 November 2015', '2015-11-14'],
    ['Sept. 3, 2020', '2020-09-03'],
  ])('reads %j as a date line of %s', (line, iso) => {
    expect(findDate(line)).toBe(iso);
    expect(isDateLine(line)).toBe(true);
  });

  it('does not take a sentence that mentions a date for a date line', () => {
    const line = 'The United States and Russia are expected to hold security talks on January 10, 2022 in Geneva.';
    expect(findDate(line)).toBe('2022-01-10');
    expect(isDateLine(line)).toBe(false);
  });

  it('rejects impossible dates', () => {
    expect(findDate('February 30, 2021')).toBeNull();
    expect(findDate('2021-13-01')).toBeNull();
  });

  it('recognises relative time stamps such as "3 days ago"', () => {
    expect(isRelativeTimeLine(' 3 days ago')).toBe(true);
    expect(isRelativeTimeLine('an hour ago')).toBe(true);
    expect(isRelativeTimeLine('Three days ago, Biden spoke.')).toBe(false);
  });

  it('reads bylines and refuses sentences that start with "By"', () => {
    expect(parseByline('By Franco Ordoñez')).toBe('Franco Ordoñez');
    expect(parseByline('By NTD Newsroom')).toBe('NTD Newsroom');
    expect(parseByline('by Jane Doe | Reuters')).toBe('Jane Doe');
    expect(parseByline('By registering for the newsletter, you agree to the Privacy Policy.')).toBeNull();
    expect(parseByline('by the end of the week')).toBeNull();
  });

  it('tells headlines from lead paragraphs', () => {
    expect(isHeadline('Biden again calls on Putin to de-escalate tensions along Ukraine border')).toBe(true);
    expect(isHeadline('What happened at the Bataclan?')).toBe(true);
    expect(isHeadline('The two leaders last spoke during a call on Dec. 7, and they agreed to talk again in January.')).toBe(false);
  });
});

describe('front matter', () => {
  const page = [
    '---',
    'title: Biden and Putin talk',
    'outlet: Example News',
    'author: [Jane Doe, John Roe]',
    'date: 2021-12-30',
    'url: https://example.com/a',
    '---',
    'Biden spoke with Putin on Thursday for 50 minutes, officials said.',
    '',
    'The call was requested by Russia.',
    '',
  ].join('\n');

  it('reads title, outlet, byline, published and url from YAML front matter and keeps the body verbatim', () => {
    const { articles, problems } = parseArticleFile('a.md', page);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: 'a.md',
      file: 'a.md',
      title: 'Biden and Putin talk',
      titleDerived: false,
      outlet: 'Example News',
      byline: 'Jane Doe, John Roe',
      published: '2021-12-30',
      url: 'https://example.com/a',
      text: 'Biden spoke with Putin on Thursday for 50 minutes, officials said.\n\nThe call was requested by Russia.',
    });
  });

  it('accepts the alternative keys headline, source, byline, published and link', () => {
    const text = '---\nheadline: H\nsource: S\nbyline: B\npublished: "December 30, 2021"\nlink: https://x.test/\n---\nBody sentence one is here.\n';
    expect(parseArticleFile('b.md', text).articles[0]).toMatchObject({ title: 'H', outlet: 'S', byline: 'B', published: '2021-12-30', url: 'https://x.test/' });
  });

  it('keeps a short first paragraph as body text when the front matter gives the title', () => {
    const result = parseArticleFile(
      's.md',
      '---\ntitle: Putin answers\n---\nPutin replied.\n\nThe Kremlin said the call was frank and businesslike in tone.\n',
    );
    expect(result.articles[0]).toMatchObject({
      title: 'Putin answers',
      text: 'Putin replied.\n\nThe Kremlin said the call was frank and businesslike in tone.',
    });
  });

  it('drops a Markdown heading that repeats the front matter title', () => {
    const result = parseArticleFile(
      'h.md',
      '---\ntitle: Biden and Putin talk\n---\n# Biden and Putin talk\n\nBiden spoke with Putin on Thursday for 50 minutes.\n',
    );
    expect(result.articles[0]?.text).toBe('Biden spoke with Putin on Thursday for 50 minutes.');
  });

  it('reports invalid YAML by file name and skips the file', () => {
    const result = parseArticleFile('bad.md', '---\ntitle: [unclosed\n---\nBody text here is fine.\n');
    expect(result.articles).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.file).toBe('bad.md');
    expect(result.problems[0]!.reason).toMatch(/^invalid YAML front matter: /);
  });

  it('reports a field of the wrong type by name', () => {
    const result = parseArticleFile('bad.md', '---\ntitle: 5\n---\nBody text here is fine.\n');
    expect(result.problems).toEqual([{ file: 'bad.md', reason: 'invalid front matter field title: Invalid input: expected string, received number' }]);
  });

  it('reads a page without front matter as plain text, even when a line is "---" later on', () => {
    const result = parseArticleFile('c.txt', 'A headline for the page\n\nFirst paragraph of the text is here.\n\n---\n\nLast paragraph of the text is here.');
    expect(result.articles[0]?.title).toBe('A headline for the page');
    expect(result.articles[0]?.text).toContain('Last paragraph of the text is here.');
  });
});

describe('JSON Lines', () => {
  const lines = [
    JSON.stringify({ title: 'One', outlet: 'Wire', published: '2021-12-30T10:00:00Z', text: 'Biden spoke with Putin on Thursday.' }),
    '{bad json',
    '',
    JSON.stringify({ title: 'No text' }),
    JSON.stringify({ headline: 'Two', body: 'Putin replied on Friday, the Kremlin said.\r\nSecond line.' }),
    JSON.stringify({ content: 'Only content, no title: the title comes from this lead sentence.' }),
  ].join('\n');

  it('reads every good record as an article with id file.jsonl#L<n> and reports each bad line without losing the others', () => {
    const { articles, problems } = parseArticleFile('feed.jsonl', lines);
    expect(articles.map((a) => [a.id, a.file, a.title, a.outlet, a.published, a.text])).toEqual([
      ['feed.jsonl#L1', 'feed.jsonl', 'One', 'Wire', '2021-12-30', 'Biden spoke with Putin on Thursday.'],
      ['feed.jsonl#L5', 'feed.jsonl', 'Two', null, null, 'Putin replied on Friday, the Kremlin said.\n\nSecond line.'],
      [
        'feed.jsonl#L6',
        'feed.jsonl',
        'Only content, no title: the title comes from this lead sentence',
        null,
        null,
        'Only content, no title: the title comes from this lead sentence.',
      ],
    ]);
    expect(problems).toEqual([
      { file: 'feed.jsonl#L2', reason: 'invalid JSON' },
      { file: 'feed.jsonl#L4', reason: 'record has no "text", "body" or "content" string' },
    ]);
  });

  it('gives each record its own content hash', () => {
    const { articles } = parseArticleFile('feed.ndjson', lines);
    expect(new Set(articles.map((a) => a.hash)).size).toBe(3);
  });

  it('keeps a record whose whole text is one short line under its title', () => {
    const { articles } = parseArticleFile('s.jsonl', JSON.stringify({ title: 'Kremlin reacts', text: 'Putin replied.' }));
    expect(articles.map((a) => [a.title, a.text])).toEqual([['Kremlin reacts', 'Putin replied.']]);
  });

  it('reports a record that is valid JSON but not an object', () => {
    expect(parseArticleFile('n.jsonl', '42\n"text"').problems).toEqual([
      { file: 'n.jsonl#L1', reason: 'record has no "text", "body" or "content" string' },
      { file: 'n.jsonl#L2', reason: 'record has no "text", "body" or "content" string' },
    ]);
  });
});

describe('manifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmp();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Biden calls Putin\n\nBiden spoke with Putin on Thursday for 50 minutes, officials said.\n');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), 'Putin answers Biden\n\nBy Jane Doe\n\nPutin told Biden that sanctions would be a colossal mistake.\n');
  });
  afterEach(() => removeTmp(dir));

  it('adds outlet, url and published to the files it names, by path relative to the corpus', () => {
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ 'a.txt': { outlet: 'Wire', url: 'https://example.com/a', published: '2021-12-30' }, 'sub/b.txt': { outlet: 'Daily' } }),
    );
    const { articles, skipped } = readCorpus(dir);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => [a.id, a.title, a.outlet, a.byline, a.published, a.url])).toEqual([
      ['a.txt', 'Biden calls Putin', 'Wire', null, '2021-12-30', 'https://example.com/a'],
      ['sub/b.txt', 'Putin answers Biden', 'Daily', 'Jane Doe', null, null],
    ]);
  });

  it('is read from YAML too, and a YAML date becomes an ISO date', () => {
    fs.writeFileSync(path.join(dir, 'manifest.yaml'), 'a.txt:\n  outlet: Wire\n  published: 2021-12-30\n');
    expect(readManifest(dir)).toEqual({ manifest: { 'a.txt': { outlet: 'Wire', published: '2021-12-30' } } });
  });

  it('is reported and ignored when it is not valid JSON, and the articles are still read', () => {
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "a.txt": { "outlet": ');
    const { articles, skipped } = readCorpus(dir);
    expect(articles.map((a) => [a.id, a.outlet])).toEqual([
      ['a.txt', null],
      ['sub/b.txt', null],
    ]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.file).toBe('manifest.json');
    expect(skipped[0]!.reason).toMatch(/^manifest ignored: /);
  });

  it('is reported and ignored when an entry has an unknown field, naming the entry', () => {
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ 'a.txt': { outlet: 'Wire', colour: 'red' } }));
    const { articles, skipped } = readCorpus(dir);
    expect(articles.every((a) => a.outlet === null)).toBe(true);
    expect(skipped).toEqual([{ file: 'manifest.json', reason: expect.stringMatching(/^manifest ignored: a\.txt: /) }]);
  });

  it('is not itself read as an article', () => {
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{}');
    expect(readCorpus(dir).articles.map((a) => a.id)).toEqual(['a.txt', 'sub/b.txt']);
  });
});
