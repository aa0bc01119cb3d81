import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THREE_STORIES } from '../stories/three-stories.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { corpusStories } from '../../src/stories/stories.ts';
import { renderDigestText } from '../../adapters/terminal/render-digest.ts';
import { renderDigestForSlack } from '../../adapters/slack/render-digest.ts';
import { renderDigestForDiscord } from '../../adapters/discord/render-digest.ts';
import { messageProblem } from '../slack/fake-slack.ts';
import { validateMessageBody } from '../discord/fake-discord.ts';
import { CORPORA, HAS_SHARED_CORPORA, makeTmp, removeTmp } from '../ingest/helpers.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { State } from '../../src/state/state.ts';
import { silentLog } from '../../src/log.ts';
import type { Digest } from '../../src/digest/types.ts';

const index = new CorpusIndex();
index.addArticles(THREE_STORIES);
const NOW = new Date('2026-12-01T08:00:00Z');
// Yesterday the earthquake and the launch were known; the transfer arrived overnight.
const firstSeen = new Map(THREE_STORIES.map((a) => [a.id, a.id.startsWith('transfer') ? '2026-12-01T03:00:00.000Z' : '2026-11-20T03:00:00.000Z']));

/** Every citation of a story's section, and the story's articles. */
function citedSources(d: Digest): { story: string; cited: string[] }[] {
  return (d.stories ?? []).map((s) => ({
    story: s.id,
    cited: [...s.points.flatMap((p) => p.citations), ...s.new.flatMap((a) => a.facts)].map((c) => c.source),
  }));
}

describe('the briefing of a coverage of many stories', () => {
  const digest = buildDigest(index, { firstSeen, now: NOW });
  const stories = corpusStories(index);

  it('goes story by story, the story with new coverage first, then by size', () => {
    expect(digest.headline).toBe('Top 3 stories');
    expect([digest.points, digest.new, digest.disagreements]).toEqual([[], [], []]);
    expect(digest.stories!.map((s) => s.title)).toEqual([
      'Shevchenko completes Chelsea move',
      'Earthquake strikes Nepal near Kathmandu',
      'PSP handheld sells out in Tokyo',
    ]);
    expect(digest.stories![0]!.new.map((a) => a.source)).toEqual(['transfer-1.txt', 'transfer-2.txt']);
    expect(digest.stories![1]!.new).toEqual([]);
  });

  it('cites in each section only that story’s articles, numbering citations across the briefing', () => {
    for (const { story, cited } of citedSources(digest)) {
      const members = new Set(stories.find((s) => s.id === story)!.articles);
      expect(cited.length).toBeGreaterThan(0);
      for (const source of cited) expect(members.has(source)).toBe(true);
    }
    const numbers = (digest.stories ?? []).flatMap((s) => [...s.points.flatMap((p) => p.citations), ...s.new.flatMap((a) => a.facts)]).map((c) => c.n);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('lists at most the configured number of stories', () => {
    expect(buildDigest(index, { firstSeen, now: NOW, maxStories: 1 }).stories!.map((s) => s.title)).toEqual(['Shevchenko completes Chelsea move']);
  });

  it('renders a section per story on every surface, within each platform’s limits', () => {
    const text = renderDigestText(digest).split('\n');
    expect(text[0]).toBe('Daily briefing: Top 3 stories');
    expect(text.filter((l) => l.startsWith('== '))).toEqual([
      '== 1. Shevchenko completes Chelsea move ==',
      '== 2. Earthquake strikes Nepal near Kathmandu ==',
      '== 3. PSP handheld sells out in Tokyo ==',
    ]);
    const slack = renderDigestForSlack(digest, { shareButton: true });
    expect(messageProblem({ ...slack })).toBeNull();
    expect(
      slack.blocks
        .filter((b) => b.type === 'section' && /^\*\d\. /.test((b as { text: { text: string } }).text.text))
        .map((b) => (b as { text: { text: string } }).text.text),
    ).toEqual(['*1. Shevchenko completes Chelsea move*', '*2. Earthquake strikes Nepal near Kathmandu*', '*3. PSP handheld sells out in Tokyo*']);
    const discord = renderDigestForDiscord(digest);
    expect(validateMessageBody({ embeds: discord.embeds, components: discord.components }, true)).toEqual([]);
    expect(discord.embeds.map((e) => e.title)).toEqual([
      'Daily briefing',
      '1. Shevchenko completes Chelsea move',
      '2. Earthquake strikes Nepal near Kathmandu',
      '3. PSP handheld sells out in Tokyo',
    ]);
  });
});

describe('a briefing limited to a topic', () => {
  it('covers only the stories whose headlines carry every word of the topic, or the story with that id', () => {
    expect(buildDigest(index, { firstSeen, now: NOW, topic: 'shevchenko chelsea' }).stories!.map((s) => s.title)).toEqual([
      'Shevchenko completes Chelsea move',
    ]);
    const quake = corpusStories(index)[0]!;
    expect(buildDigest(index, { firstSeen, now: NOW, topic: quake.id }).stories!.map((s) => s.id)).toEqual([quake.id]);
    const none = buildDigest(index, { firstSeen, now: NOW, topic: 'volcano' });
    expect([none.headline, none.stories]).toEqual(['No story on “volcano” in the coverage', []]);
  });

  it('is kept with a channel’s subscription and applied to its briefings', () => {
    const dir = makeTmp('newsdesk-topic-');
    try {
      const desk = new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 10, log: silentLog, state: State.open(dir) });
      const reply = desk.subscribe('slack', 'C1', '08:00', 'Europe/London', NOW, '  psp   sony ');
      expect(reply.message).toBe(
        'Subscribed: this channel gets the daily briefing on “psp sony” at 08:00 (Europe/London). Next one: Wednesday 2 December, 08:00 (Europe/London).',
      );
      expect(reply.subscription!.topic).toBe('psp sony');
      expect(desk.subscriptionStatus('slack', 'C1', NOW).message).toBe(
        'This channel gets the daily briefing on “psp sony” at 08:00 (Europe/London). Next one: Wednesday 2 December, 08:00 (Europe/London). None sent yet.',
      );
      expect(desk.digest({ platform: 'slack', channel: 'C1', now: NOW }).stories!.map((s) => s.title)).toEqual(['PSP handheld sells out in Tokyo']);
      // Subscribing again without a topic goes back to the top stories.
      desk.subscribe('slack', 'C1', '08:00', 'Europe/London', NOW);
      expect(desk.digest({ platform: 'slack', channel: 'C1', now: NOW }).stories).toHaveLength(3);
      desk.state!.close();
    } finally {
      removeTmp(dir);
    }
  });
});

describe('the briefing of one story', () => {
  it('keeps the one-story layout', () => {
    const one = new CorpusIndex();
    one.addArticles(THREE_STORIES.filter((a) => a.id.startsWith('quake')));
    const digest = buildDigest(one, { firstSeen, now: NOW });
    expect(digest.stories).toBeUndefined();
    expect(digest.points.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!HAS_SHARED_CORPORA)('the briefing of the BBC archive', () => {
  it('cites in each story’s section only that story’s articles', () => {
    const { index: bbc } = openCorpus(path.join(CORPORA, 'bbc-2004-2005'));
    const digest = buildDigest(bbc, { firstSeen: new Map(), now: NOW });
    const stories = corpusStories(bbc);
    expect(digest.stories).toHaveLength(5);
    for (const { story, cited } of citedSources(digest)) {
      const members = new Set(stories.find((s) => s.id === story)!.articles);
      for (const source of cited) expect(members.has(source)).toBe(true);
    }
    expect(messageProblem({ ...renderDigestForSlack(digest, { shareButton: true }) })).toBeNull();
    expect(validateMessageBody({ embeds: renderDigestForDiscord(digest).embeds, components: [] }, true)).toEqual([]);
  }, 60_000);
});
