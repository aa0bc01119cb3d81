import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.ts';
import { decodeText } from '../../src/ingest/decode.ts';
import { splitPassages } from '../../src/ingest/passages.ts';
import type { Article } from '../../src/types.ts';
import { cleanPage, CORPORA, decodeFile, HAS_SHARED_CORPORA } from './helpers.ts';

/** Reads each shared corpus once for all the tests below. */
const corpora = new Map<string, ReturnType<typeof readCorpus>>();
function corpus(name: string): ReturnType<typeof readCorpus> {
  let result = corpora.get(name);
  if (!result) {
    result = readCorpus(path.join(CORPORA, name));
    corpora.set(name, result);
  }
  return result;
}
const article = (name: string, id: string): Article => {
  const found = corpus(name).articles.find((a) => a.id === id);
  if (!found) throw new Error(`no article ${id} in ${name}`);
  return found;
};
const MOJIBAKE = /\uFFFD|Ã[\u0080-\u00BF]|â€|Â[\u00A0-\u00BF]/;

describe.skipIf(!HAS_SHARED_CORPORA)('readCorpus on paris-attacks-2015 (Windows-1252, CRLF, names with spaces and parentheses)', () => {
  it('reads all 36 articles and skips nothing', () => {
    const { articles, skipped } = corpus('paris-attacks-2015');
    expect(articles).toHaveLength(36);
    expect(skipped).toEqual([]);
    expect(articles[0]!.id).toBe('ParisAttacks2015 (1).txt');
  });

  it('decodes curly quotes and accents in titles', () => {
    expect(article('paris-attacks-2015', 'ParisAttacks2015 (17).txt').title).toBe(
      'Behind François Hollande’s Snap Decision at Stade de France and the Unfolding Terror in Paris',
    );
    expect(article('paris-attacks-2015', 'ParisAttacks2015 (35).txt').title).toBe('‘It is horror’: French President Hollande’s remarks after Paris attacks');
    expect(article('paris-attacks-2015', 'ParisAttacks2015 (28).txt').title).toBe(
      'On the run from Isis: Jihadists ‘targeting Paris attacker Salah Abdeslam for chickening out of killings’',
    );
    expect(article('paris-attacks-2015', 'ParisAttacks2015 (5).txt').title).toBe('Europe’s open-border policy may become latest victim of terrorism');
  });

  it('detects Windows-1252 per file and UTF-8 for the ASCII ones', () => {
    const encodingOf = (id: string) => {
      const result = decodeText(fs.readFileSync(path.join(CORPORA, 'paris-attacks-2015', id)));
      return result.ok ? result.encoding : result.reason;
    };
    expect(encodingOf('ParisAttacks2015 (17).txt')).toBe('windows-1252');
    expect(encodingOf('ParisAttacks2015 (10).txt')).toBe('utf-8');
  });

  it('decodes 0x85 as "…" and keeps accented names in the text', () => {
    expect(article('paris-attacks-2015', 'ParisAttacks2015 (36).txt').text).toContain('Omar Ismaïl Mostefai');
    const withEllipsis = corpus('paris-attacks-2015').articles.filter((a) => a.text.includes('…'));
    expect(withEllipsis.length).toBeGreaterThanOrEqual(3);
  });

  it('has no replacement characters or UTF-8-read-as-Latin-1 sequences in any title or text', () => {
    for (const a of corpus('paris-attacks-2015').articles) expect(`${a.title}\n${a.text}`, a.id).not.toMatch(MOJIBAKE);
  });

  it('reads the outlet of a "(CNN)" dateline', () => {
    expect(article('paris-attacks-2015', 'ParisAttacks2015 (6).txt').outlet).toBe('CNN');
  });
});

describe.skipIf(!HAS_SHARED_CORPORA)('readCorpus on mh370-2014 (Windows-1252, CRLF)', () => {
  it('reads all 39 articles and skips nothing', () => {
    const { articles, skipped } = corpus('mh370-2014');
    expect(articles).toHaveLength(39);
    expect(skipped).toEqual([]);
  });

  it('decodes byte 0x85 as "…" inside a sentence instead of breaking the line', () => {
    const text = article('mh370-2014', 'malaysia.airlines.flight.29.txt').text;
    expect(text).toContain('"I met him the first day he arrived in Malaysia … He said he was staying for three to four days');
    expect(text).not.toMatch(/\u0085/);
  });

  it('decodes curly quotes in titles', () => {
    expect(article('mh370-2014', 'malaysia.airlines.flight.10.txt').title).toBe(
      'Malaysia Airlines Flight MH370: Oil slicks in South China Sea ‘not from missing jet’, officials say',
    );
    expect(article('mh370-2014', 'malaysia.airlines.flight.230.txt').title).toBe(
      'Two Malaysian boys sue airline, government in first case after MH370’s mysterious disappearance',
    );
  });

  it('derives a title from the lead of the one page without a headline', () => {
    const a = article('mh370-2014', 'malaysia.airlines.flight.70.txt');
    expect(a.title).toBe('Dutch engineering firm Fugro will lead the search of the Indian Ocean…');
    expect(a.titleDerived).toBe(true);
  });

  it('has no replacement characters or mojibake in any title or text', () => {
    for (const a of corpus('mh370-2014').articles) expect(`${a.title}\n${a.text}`, a.id).not.toMatch(MOJIBAKE);
  });
});

describe.skipIf(!HAS_SHARED_CORPORA)('readCorpus on bbc-2004-2005 (2,225 files in five folders)', () => {
  it('reads all 2,225 articles with ids relative to the corpus and skips nothing', () => {
    const { articles, skipped } = corpus('bbc-2004-2005');
    expect(articles).toHaveLength(2225);
    expect(skipped).toEqual([]);
    expect(articles[0]!.id).toBe('business/001.txt');
    expect(new Set(articles.map((a) => a.id.split('/')[0]))).toEqual(new Set(['business', 'entertainment', 'politics', 'sport', 'tech']));
  });

  it('takes every headline from the first line', () => {
    for (const a of corpus('bbc-2004-2005').articles) {
      const firstLine = decodeFile(path.join(CORPORA, 'bbc-2004-2005', a.id))
        .split('\n')[0]!
        .trim();
      expect(a.title, a.id).toBe(firstLine);
    }
  });

  it('keeps at least 90% of the characters of every article (no false positives on real text)', () => {
    const poor: string[] = [];
    for (const a of corpus('bbc-2004-2005').articles) {
      const source = decodeFile(path.join(CORPORA, 'bbc-2004-2005', a.id)).replace(/\s+/g, '').length;
      const kept = `${a.title}${a.text}`.replace(/\s+/g, '').length;
      if (kept / source < 0.9) poor.push(`${a.id} ${(kept / source).toFixed(2)}`);
    }
    expect(poor).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED_CORPORA).each(['ukraine-call-2021', 'paris-attacks-2015', 'mh370-2014', 'bbc-2004-2005'])('cleaning %s', (name) => {
  it('cuts passages whose text is exactly article.text.slice(start, end) and occurs verbatim in the decoded source', () => {
    for (const a of corpus(name).articles) {
      const source = decodeFile(path.join(CORPORA, name, a.file));
      for (const p of splitPassages(a, 0)) {
        expect(a.text.slice(p.start, p.end)).toBe(p.text);
        if (!source.includes(p.text)) throw new Error(`${a.id}: passage ${p.ordinal} is not verbatim in the source: ${p.text.slice(0, 80)}`);
      }
    }
  });

  it('leaves no removed line in the clean text, neither as a paragraph nor (when long) inside one', () => {
    for (const a of corpus(name).articles) {
      const { removed } = cleanPage(decodeFile(path.join(CORPORA, name, a.file)));
      const paragraphs = new Set(a.text.split('\n\n'));
      for (const r of removed) {
        if (r.rule === 'duplicate') continue; // the first copy stays, by design
        if (paragraphs.has(r.line) || (r.line.length >= 40 && a.text.includes(r.line))) {
          throw new Error(`${a.id}: removed (${r.rule}) but still in the text: ${r.line.slice(0, 80)}`);
        }
      }
    }
  });

  it('keeps no line that is only a URL, a comment counter or a "Related" marker', () => {
    for (const a of corpus(name).articles) {
      for (const p of a.text.split('\n\n')) {
        expect(p, a.id).not.toMatch(/^(https?:\/\/\S+|Comments? \/ \d+|Related|YOU MAY ALSO LIKE|Read more|Comments are closed\.)$/);
      }
    }
  });
});
