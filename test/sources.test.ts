import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../src/index/open-corpus.ts';
import { listSources, lookupSource } from '../src/index/sources.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', 'corpus');

describe('listSources', () => {
  const { index } = openCorpus(CORPUS);

  it('lists the five default articles with the metadata their text carries', () => {
    const list = listSources(index);
    expect(list.skipped).toEqual([]);
    expect(list.sources.map((s) => [s.id, s.title, s.outlet, s.byline, s.published])).toEqual([
      ['000_7c4e71be4a13ea11.txt', 'WASHINGTON President Joe Biden on Thursday urged President Vladimir Putin to “defuse…', null, null, '2021-12-31'],
      ['001_ae44a968ee4ee127.txt', 'White House: Biden Calls For De-Escalation On Call With Putin', 'The Epoch Times', 'NTD Newsroom', '2021-12-30'],
      ['002_34bd12b4df784525.txt', 'US would respond “decisively” if Russia invades Ukraine, warns Biden Putin', null, null, null],
      ['003_aa27b1c8d01db12e.txt', 'Biden and Putin warn of breach if no resolution reached on Ukraine tension', null, null, '2021-12-30'],
      ['004_0ab6f7e65bf4a959.txt', 'Biden again calls on Putin to de-escalate tensions along Ukraine border', 'WEKU', 'Franco Ordoñez', '2021-12-31'],
    ]);
    expect(list.sources.every((s) => s.url === null && s.passages > 10)).toBe(true);
  });
});

describe('lookupSource', () => {
  const { index } = openCorpus(CORPUS);

  it('finds a source by outlet, case-insensitively', () => {
    const result = lookupSource(index, 'weku');
    expect(result.kind).toBe('found');
    if (result.kind === 'found') expect(result.source.id).toBe('004_0ab6f7e65bf4a959.txt');
  });

  it('finds a source by file name without extension', () => {
    const result = lookupSource(index, '003_aa27b1c8d01db12e');
    expect(result.kind === 'found' && result.source.title).toBe('Biden and Putin warn of breach if no resolution reached on Ukraine tension');
  });

  it('finds a source by distinctive title words, with a typo', () => {
    const result = lookupSource(index, 'epoch tmes');
    expect(result.kind === 'found' && result.source.id).toBe('001_ae44a968ee4ee127.txt');
  });

  it('lists close matches when several sources fit', () => {
    const result = lookupSource(index, 'biden putin');
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.candidates.length).toBeGreaterThan(1);
  });

  it('says not found for words no source carries', () => {
    expect(lookupSource(index, 'premier league').kind).toBe('not_found');
  });

  it('does not take an outlet the corpus lacks for one that shares a word prefix, and suggests the closest', () => {
    const result = lookupSource(index, 'bbc news');
    expect(result.kind).toBe('not_found');
    if (result.kind === 'not_found') expect(result.suggestions.map((s) => s.id)).toEqual(['001_ae44a968ee4ee127.txt']);
  });

  it('gives the lead and key passages, quoted from the clean text', () => {
    const result = lookupSource(index, 'weku');
    if (result.kind !== 'found') throw new Error('expected a match');
    const article = index.articles.get(result.source.id)!;
    expect(result.source.lead?.text).toBe(
      'President Biden on Thursday afternoon again warned Russian President Vladimir Putin of painful economic consequences should Russian forces invade Ukraine.',
    );
    for (const p of [result.source.lead!, ...result.source.keyPassages]) expect(article.text.slice(p.start, p.end)).toBe(p.text);
  });
});
