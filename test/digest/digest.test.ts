import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { parseSince } from '../../src/digest/parse-since.ts';
import { datelineLength, isQuotable } from '../../src/digest/quotable-sentences.ts';
import type { Digest } from '../../src/digest/types.ts';
import { readFirstSeen } from '../../src/ingest/first-seen.ts';
import { silentLog } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { State } from '../../src/state/state.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import type { Citation } from '../../src/types.ts';
import { renderDigestText } from '../../adapters/terminal/render-digest.ts';
import { CORPORA, DEFAULT_CORPUS, HAS_SHARED_CORPORA, copyCorpus, decodeFile, makeTmp, removeTmp } from '../ingest/helpers.ts';

const A = '000_7c4e71be4a13ea11.txt';
const B = '001_ae44a968ee4ee127.txt';
const C = '002_34bd12b4df784525.txt';
const D = '003_aa27b1c8d01db12e.txt';
const E = '004_0ab6f7e65bf4a959.txt';
const FOLLOW_UP = path.resolve(import.meta.dirname, '..', 'fixtures', 'digest', 'follow-up-article.txt');
const NOW = new Date('2026-11-23T08:00:00Z');

/** Every citation of a digest, points and new facts. */
function allCitations(d: Digest): Citation[] {
  return [...d.points.flatMap((p) => p.citations), ...d.new.flatMap((a) => a.facts)];
}

/** Checks every quote against the article text (offsets) and against the decoded source file. */
function expectVerbatim(index: CorpusIndex, dir: string, d: Digest): void {
  const decoded = new Map<string, string>();
  for (const c of allCitations(d)) {
    const article = index.articles.get(c.source)!;
    expect(article.text.slice(c.start, c.end)).toBe(c.quote);
    const file = decoded.get(c.source) ?? decodeFile(path.join(dir, article.file)).replace(/\s+/g, ' ');
    decoded.set(c.source, file);
    expect(file.includes(c.quote.replace(/\s+/g, ' ')), `${c.source}: ${c.quote}`).toBe(true);
  }
}

/** Shape and hygiene every digest must have: numbered citations, one per outlet, no repeated point. */
function expectWellFormed(d: Digest): void {
  expect(d.points.length).toBeGreaterThanOrEqual(3);
  expect(d.points.length).toBeLessThanOrEqual(7);
  expect(allCitations(d).map((c) => c.n)).toEqual(allCitations(d).map((_, i) => i + 1));
  for (const p of d.points) {
    expect(p.text).toBe(p.citations[0]!.quote);
    const outlets = p.citations.map((c) => c.outlet?.toLowerCase() ?? `article:${c.source}`);
    expect(new Set(outlets).size).toBe(outlets.length);
  }
  const texts = d.points.map((p) => p.text);
  expect(new Set(texts).size).toBe(texts.length);
  const quotes = d.points.flatMap((p) => p.citations.map((c) => `${c.source}:${c.start}`));
  expect(new Set(quotes).size).toBe(quotes.length);
  for (const x of d.disagreements) {
    expect(x.values.length).toBeGreaterThanOrEqual(2);
    const sources = x.values.flatMap((v) => v.sources);
    expect(new Set(sources).size).toBe(sources.length);
  }
}

describe('buildDigest on corpus/', () => {
  const { index } = openCorpus(DEFAULT_CORPUS);
  const digest = buildDigest(index, { since: null, firstSeen: new Map(), now: NOW });

  it('heads the digest with the headline most other headlines share', () => {
    expect(digest.headline).toBe('Biden again calls on Putin to de-escalate tensions along Ukraine border');
  });

  it('lists 3–7 key points, each a verbatim sentence cited once per outlet, numbered across the digest', () => {
    expectWellFormed(digest);
    expectVerbatim(index, DEFAULT_CORPUS, digest);
  });

  it('puts first the fact every outlet reports, with a citation to each of them', () => {
    const first = digest.points[0]!;
    expect(first.text).toBe(
      'President Joe Biden on Thursday urged President Vladimir Putin to “defuse tensions with Ukraine”, while warning that the United States and its allies “will react decisively” if Russia takes military action White House press secretary Jen Psaki said after a call between the two leaders.',
    );
    expect(first.citations.map((c) => c.source)).toEqual([A, B, C, D, E]);
    expect(first.citations.find((c) => c.source === D)!.quote).toBe(
      '“President Biden urged Russia to de-escalate tension with Ukraine,” White House Press Secretary Jen Psaki said in a readout of the 50-minute call, which had been requested by Russia.',
    );
    for (const p of digest.points.slice(1)) expect(p.citations.length).toBeLessThanOrEqual(first.citations.length);
  });

  it('surfaces the troop-count disagreement, not the compatible call lengths (50 minutes, just under an hour)', () => {
    const sorted = digest.disagreements.map((d) => ({ ...d, values: d.values.map((v) => ({ ...v, sources: [...v.sources].sort() })) }));
    expect(sorted).toEqual([
      {
        topic: 'number of troops',
        values: [
          { value: '100,000 troops', sources: [A, C, E] },
          { value: 'tens of thousands of troops', sources: [D] },
          { value: 'more than 90,000 troops', sources: [B] },
        ],
      },
    ]);
  });

  it('lists nothing as new when no article was first seen in the last 24 hours', () => {
    expect(digest.new).toEqual([]);
  });

  it('gives the same digest every time', () => {
    expect(buildDigest(index, { since: null, firstSeen: new Map(), now: NOW })).toEqual(digest);
  });

  it('renders for the terminal with every point, its citations and the disagreements', () => {
    const text = renderDigestText(digest);
    expect(text.split('\n')[0]).toBe('Daily briefing: Biden again calls on Putin to de-escalate tensions along Ukraine border');
    expect(text).toContain('1. President Joe Biden on Thursday urged');
    expect(text).toContain('[1][2][3][4][5]');
    expect(text).toContain('- Number of troops: 100,000 troops (3 sources); tens of thousands of troops (1 source); more than 90,000 troops (1 source)');
    expect(text).toContain('No new articles since the last digest.');
  });
});

describe('buildDigest "new since"', () => {
  const tmp = makeTmp('newsdesk-digest-');
  afterAll(() => removeTmp(tmp));
  const corpus = path.join(tmp, 'corpus');
  const dataDir = path.join(tmp, 'data');
  const T0 = new Date('2026-11-20T08:00:00Z');
  const T1 = new Date('2026-11-20T10:00:00Z');
  copyCorpus(DEFAULT_CORPUS, corpus);
  openCorpus(corpus, { dataDir, now: () => T0 });
  fs.copyFileSync(FOLLOW_UP, path.join(corpus, '005_follow-up.txt'));
  const { index } = openCorpus(corpus, { dataDir, now: () => T1 });
  const firstSeen = readFirstSeen(dataDir);

  it('lists the article added since, with the new fact it brings, not the one it repeats', () => {
    const digest = buildDigest(index, { since: new Date('2026-11-20T09:00:00Z'), firstSeen, now: new Date('2026-11-20T11:00:00Z') });
    expect(digest.new).toEqual([
      {
        source: '005_follow-up.txt',
        title: 'Kremlin names negotiator for Geneva security talks with Washington',
        outlet: null,
        firstSeen: '2026-11-20T10:00:00.000Z',
        facts: [
          {
            n: allCitations(digest).length,
            source: '005_follow-up.txt',
            outlet: null,
            title: 'Kremlin names negotiator for Geneva security talks with Washington',
            date: '2022-01-02',
            url: null,
            quote:
              'Deputy Foreign Minister Sergei Ryabkov will lead the Russian delegation at the Geneva security talks, according to a statement published by the foreign ministry in Moscow on Sunday.',
            start: 0,
            end: 181,
          },
        ],
      },
    ]);
    expectWellFormed(digest);
    expectVerbatim(index, corpus, digest);
  });

  it('never offers as new a fact an older article already reports', () => {
    // With the Ryabkov sentence known, the follow-up's best remaining sentences are the 50-minute call
    // (reported by older articles, so skipped) and the travel date.
    const digest = buildDigest(index, { since: new Date('2026-11-20T09:00:00Z'), firstSeen, now: T1 });
    const quotes = digest.new.flatMap((a) => a.facts.map((f) => f.quote));
    expect(quotes.some((q) => q.includes('50-minute telephone call'))).toBe(false);
  });

  it('lists every article seen in the last 24 hours when no date is given, newest first', () => {
    const digest = buildDigest(index, { since: null, firstSeen, now: new Date('2026-11-21T07:00:00Z') });
    expect(digest.new.map((a) => a.source)).toEqual(['005_follow-up.txt', A, B, C, D, E]);
    expect(digest.new.map((a) => a.firstSeen)).toEqual(['2026-11-20T10:00:00.000Z', ...Array(5).fill('2026-11-20T08:00:00.000Z')]);
  });

  it('lists nothing when nothing was first seen after the date', () => {
    expect(buildDigest(index, { since: new Date('2026-11-20T10:00:01Z'), firstSeen, now: T1 }).new).toEqual([]);
  });

  it('counts "new" from a subscribed channel’s last digest when Newsdesk.digest() is given the channel', () => {
    const state = State.open(':memory:');
    try {
      const desk = new Newsdesk(index, { dataDir, rateLimitPerMinute: 10, log: silentLog, state });
      const sub = state.subscriptions.upsert('slack', 'C1', '09:00', 'UTC', T0);
      const lastSent = new Date('2026-11-20T09:00:00Z');
      const claim = state.deliveries.claim(sub.id, '2026-11-20', 'test', lastSent, 60_000);
      state.deliveries.startAttempt(claim.delivery.id, 'test', lastSent);
      state.deliveries.markSent(claim.delivery.id, 'test', lastSent, []);
      const now = new Date('2026-11-21T07:00:00Z');
      expect(desk.digest({ platform: 'slack', channel: 'C1', now }).new.map((a) => a.source)).toEqual(['005_follow-up.txt']);
      expect(desk.digest({ platform: 'slack', channel: 'C2', now }).new).toHaveLength(6); // not subscribed: the last 24 hours
    } finally {
      state.close();
    }
  });

  it('is what Newsdesk.digest() gives with the data folder', () => {
    const desk = new Newsdesk(index, { dataDir, rateLimitPerMinute: 10, log: silentLog });
    const since = new Date('2026-11-20T09:00:00Z');
    expect(desk.digest({ since, now: T1 })).toEqual(buildDigest(index, { since, firstSeen, now: T1 }));
  });
});

describe.skipIf(!HAS_SHARED_CORPORA)('buildDigest on the shared corpora', () => {
  for (const name of ['paris-attacks-2015', 'mh370-2014', 'ukraine-call-2021']) {
    // Speed belongs to `newsdesk bench`: a timed assertion here would fail on a busy machine.
    it(`briefs ${name} with cited, verbatim, distinct points`, () => {
      const dir = path.join(CORPORA, name);
      const { index } = openCorpus(dir);
      const digest = buildDigest(index, { since: null, firstSeen: new Map(), now: NOW });
      expect(digest.headline.length).toBeGreaterThan(10);
      expectWellFormed(digest);
      expectVerbatim(index, dir, digest);
      // Points are ordered by how many outlets carry them first.
      const counts = digest.points.map((p) => p.citations.length);
      expect(counts[0]).toBeGreaterThanOrEqual(3);
    });

    it(`credits each new fact of ${name} to one article when every article is new`, () => {
      const dir = path.join(CORPORA, name);
      const { index } = openCorpus(dir);
      const seen = new Map([...index.articles.keys()].map((id, i) => [id, new Date(NOW.getTime() - 60_000 * (i + 1)).toISOString()]));
      const digest = buildDigest(index, { since: null, firstSeen: seen, now: NOW });
      expect(digest.new).toHaveLength(index.articles.size);
      expect(digest.new.map((a) => a.firstSeen)).toEqual([...digest.new.map((a) => a.firstSeen)].sort().reverse());
      const facts = digest.new.flatMap((a) => a.facts.map((f) => f.quote));
      expect(new Set(facts).size).toBe(facts.length);
      expect(facts.length).toBeGreaterThanOrEqual(Math.min(3, index.articles.size));
      expectVerbatim(index, dir, digest);
    });
  }
});

describe('parseSince', () => {
  it('reads a date as midnight UTC and a date-time with its zone', () => {
    expect(parseSince('2026-11-22').toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(parseSince('2026-11-22T08:30Z').toISOString()).toBe('2026-11-22T08:30:00.000Z');
    expect(parseSince('2026-11-22T08:30:00+01:00').toISOString()).toBe('2026-11-22T07:30:00.000Z');
  });

  it('rejects anything else with a message naming the option', () => {
    expect(() => parseSince('yesterday')).toThrow(/--since must be an ISO date/);
    expect(() => parseSince('2026-13-45')).toThrow(/--since/);
  });
});

describe('buildDigest with republished copy', () => {
  const tmp = makeTmp('newsdesk-digest-dup-');
  afterAll(() => removeTmp(tmp));
  copyCorpus(DEFAULT_CORPUS, tmp);
  // The same text republished under another name (wire copy): one more file, not one more source.
  fs.copyFileSync(path.join(DEFAULT_CORPUS, C), path.join(tmp, '005_republished-copy.txt'));
  const { index } = openCorpus(tmp);

  it('counts a republished copy once in key points and disagreements', () => {
    const digest = buildDigest(index, { since: null, firstSeen: new Map(), now: NOW });
    expectWellFormed(digest);
    expect(digest.points[0]!.citations.map((c) => c.source)).toEqual([A, B, C, D, E]);
    for (const p of digest.points) expect(new Set(p.citations.map((c) => c.quote)).size).toBe(p.citations.length);
    const troops = digest.disagreements.find((d) => d.topic === 'number of troops')!;
    expect(troops.values.map((v) => [v.value, v.sources.length])).toEqual([
      ['100,000 troops', 3],
      ['tens of thousands of troops', 1],
      ['more than 90,000 troops', 1],
    ]);
  });
});

describe('quotable sentences', () => {
  it('finds datelines and leaves ordinary openings alone', () => {
    expect(datelineLength('WASHINGTON President Joe Biden on Thursday urged')).toBe('WASHINGTON '.length);
    expect(datelineLength('PARIS — French police took seven people')).toBe('PARIS — '.length);
    expect(datelineLength('KUALA LUMPUR, Malaysia (AP) — The search resumed')).toBe('KUALA LUMPUR, Malaysia (AP) — '.length);
    expect(datelineLength('US officials said that')).toBe(0);
    expect(datelineLength('NATO officials said on Monday')).toBe(0);
    expect(datelineLength('Moscow has alarmed the West')).toBe(0);
  });

  it('keeps self-contained statements and drops fragments, captions and leaning sentences', () => {
    expect(isQuotable('Russia has massed 100,000 troops along the Ukrainian border, raising fears of an invasion.')).toBe(true);
    expect(isQuotable('The other path is more focused on deterrence, including serious costs and consequences.')).toBe(false);
    expect(isQuotable('He said the talks would continue next month in Geneva with both delegations.')).toBe(false);
    expect(isQuotable('A buildup of Russian troops along the border. Brendan Hoffman/Getty Images')).toBe(false);
    expect(isQuotable('Read more at https://example.com/story about the talks today please.')).toBe(false);
    expect(isQuotable('Who will lead the Russian delegation at the talks in Geneva?')).toBe(false);
    expect(isQuotable('Too short a sentence.')).toBe(false);
  });
});

describe('buildDigest edge cases', () => {
  it('briefs an empty corpus plainly', () => {
    const digest = buildDigest(new CorpusIndex(), { since: null, firstSeen: new Map(), now: NOW });
    expect(digest).toEqual({ headline: 'Coverage (0 articles)', points: [], new: [], disagreements: [] });
    expect(renderDigestText(digest)).toBe(
      'Daily briefing: Coverage (0 articles)\n\nThe coverage has no articles to brief on yet.\n\nNew since the last digest\nNo new articles since the last digest.',
    );
  });

  it('briefs a single article with its own central sentences, one citation each', () => {
    const one = new CorpusIndex();
    one.addArticle(openCorpus(DEFAULT_CORPUS).index.articles.get(B)!);
    const digest = buildDigest(one, { since: null, firstSeen: new Map(), now: NOW });
    expect(digest.headline).toBe('White House: Biden Calls For De-Escalation On Call With Putin');
    expect(digest.points.map((p) => p.citations.length)).toEqual([1, 1, 1, 1, 1]);
    expect(digest.disagreements).toEqual([]);
    expectWellFormed(digest);
  });
});
