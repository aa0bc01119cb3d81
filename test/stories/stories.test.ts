import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { corpusStories, findStory, storyIndex, storyOf } from '../../src/stories/stories.ts';

function article(id: string, title: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, file: id, title, titleDerived: false, outlet: null, byline: null, published: null, url: null, text, hash: id, ...extra };
}

const QUAKE_1 = article(
  'quake-1.txt',
  'Earthquake strikes Nepal near Kathmandu',
  'A magnitude 7.8 earthquake struck Nepal on Saturday, killing hundreds of people in Kathmandu.\n\nRescue teams searched collapsed buildings in Kathmandu as aftershocks shook the Himalayas.\n\nThe Nepal government appealed for international aid.',
  { outlet: 'Daily Wire', published: '2015-04-25' },
);
const QUAKE_2 = article(
  'quake-2.txt',
  'Nepal earthquake death toll rises',
  'The death toll from the Nepal earthquake rose above 2,000 as rescue teams reached villages outside Kathmandu.\n\nAftershocks continued across the Himalayas, and the government asked for aid.',
  { outlet: 'Evening Post', published: '2015-04-26' },
);
const QUAKE_3 = article(
  'quake-3.txt',
  'Aid arrives in Kathmandu after earthquake',
  'International aid flights landed in Kathmandu three days after the earthquake.\n\nRescue workers in Nepal said survivors were still being pulled from collapsed buildings.',
  { outlet: 'Daily Wire', published: '2015-04-28' },
);
const TRANSFER_1 = article(
  'transfer-1.txt',
  'Chelsea sign striker Shevchenko from Milan',
  'Chelsea have completed the signing of striker Andriy Shevchenko from AC Milan for a fee of about £30m.\n\nShevchenko said joining Chelsea was a dream, and Milan thanked the striker.',
  { outlet: 'Sports Desk', published: '2006-05-31' },
);
const TRANSFER_2 = article(
  'transfer-2.txt',
  'Shevchenko completes Chelsea move',
  'Andriy Shevchenko passed his medical and signed a four-year contract with Chelsea.\n\nThe striker leaves Milan after seven seasons, and the fee was not disclosed by Chelsea.',
  { outlet: 'Evening Post', published: '2006-06-01' },
);
const LAUNCH_1 = article(
  'launch-1.txt',
  'Sony launches PSP handheld in Japan',
  'Sony launched its PlayStation Portable handheld console in Japan, and gamers queued outside shops in Tokyo.\n\nThe PSP sold out on its first day, Sony said.',
  { outlet: 'Tech Today', published: '2004-12-12' },
);
const LAUNCH_2 = article(
  'launch-2.txt',
  'PSP handheld sells out in Tokyo',
  'Queues formed in Tokyo for the Sony PSP, the PlayStation Portable handheld.\n\nShops in Japan sold out of the console within hours, Sony said.',
  { outlet: 'Daily Wire', published: '2004-12-13' },
);

function indexOf(articles: Article[]): CorpusIndex {
  const index = new CorpusIndex();
  index.addArticles(articles);
  return index;
}

describe('corpusStories', () => {
  const all = [QUAKE_1, QUAKE_2, QUAKE_3, TRANSFER_1, TRANSFER_2, LAUNCH_1, LAUNCH_2];

  it('groups an earthquake, a football transfer and a product launch into three stories, largest first', () => {
    const stories = corpusStories(indexOf(all));
    expect(stories.map((s) => s.articles)).toEqual([
      ['quake-1.txt', 'quake-2.txt', 'quake-3.txt'],
      ['launch-1.txt', 'launch-2.txt'],
      ['transfer-1.txt', 'transfer-2.txt'],
    ]);
    expect(stories[0]).toMatchObject({ outlets: ['Daily Wire', 'Evening Post'], firstSeen: '2015-04-25', lastSeen: '2015-04-28' });
    expect(stories[0]!.id).toMatch(/^st-[0-9a-f]{8}$/);
    expect(stories[0]!.terms.slice(0, 3)).toEqual(['Kathmandu', 'Nepal', 'earthquake']);
  });

  it('puts every article in exactly one story', () => {
    const ids = corpusStories(indexOf(all)).flatMap((s) => s.articles);
    expect(ids.sort()).toEqual(all.map((a) => a.id).sort());
  });

  it('keeps a story id when later coverage joins the story', () => {
    const before = corpusStories(indexOf(all.filter((a) => a !== QUAKE_3)));
    const after = corpusStories(indexOf(all));
    const quakeBefore = before.find((s) => s.articles.includes('quake-1.txt'))!;
    const quakeAfter = after.find((s) => s.articles.includes('quake-1.txt'))!;
    expect(quakeAfter.id).toBe(quakeBefore.id);
    expect(quakeAfter.articles).toHaveLength(3);
  });

  // Twenty unrelated one-article stories, so that one arriving article is under the share that
  // makes the whole coverage be grouped again.
  const SYLLABLES = ['kel', 'mar', 'dos', 'vin', 'tup', 'rag', 'sol', 'bex'];
  const FILLER = Array.from({ length: 20 }, (_, i) => {
    const word = (k: number) => `${SYLLABLES[(i + k) % 8]}${SYLLABLES[(i * 3 + k) % 8]}${SYLLABLES[(i * 5 + k * 7) % 8]}${i}`;
    return article(`filler-${i}.txt`, `${word(0)} ${word(1)}`, `${word(2)} ${word(3)} ${word(4)}.\n\n${word(5)} ${word(6)}.`);
  });

  it('joins an article that arrives to the story it is most like, without grouping the rest again', () => {
    const index = indexOf([...all.filter((a) => a !== QUAKE_3), ...FILLER]);
    const before = corpusStories(index);
    index.addArticles([QUAKE_3]);
    const after = corpusStories(index);
    const quake = after.find((s) => s.articles.includes('quake-1.txt'))!;
    expect(quake.id).toBe(before.find((s) => s.articles.includes('quake-1.txt'))!.id);
    expect(quake.articles).toEqual(['quake-1.txt', 'quake-2.txt', 'quake-3.txt']);
    // The stories it did not join are the same objects: nothing else was worked out again.
    const launch = (stories: typeof after) => stories.find((s) => s.articles.includes('launch-1.txt'));
    expect(launch(after)).toBe(launch(before));
    expect(after.map((s) => s.articles)).toEqual(corpusStories(indexOf([...all, ...FILLER])).map((s) => s.articles));
  });

  it('gives an arriving article on something else a story of its own', () => {
    const index = indexOf([...all, ...FILLER]);
    const before = corpusStories(index);
    const other = article(
      'vote.txt',
      'Greek voters go to the polls',
      'Greek voters went to the polls in Athens on Sunday in an election watched across Europe.',
      { published: '2012-05-06' },
    );
    index.addArticles([other]);
    expect(storyOf(index, 'vote.txt')!.articles).toEqual(['vote.txt']);
    const after = corpusStories(index);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toBe(before[0]);
  });

  it('groups the coverage again whole once it has grown by a tenth', () => {
    const index = indexOf(all.filter((a) => a !== QUAKE_3));
    const before = corpusStories(index);
    index.addArticles([QUAKE_3]);
    const launch = (stories: typeof before) => stories.find((s) => s.articles.includes('launch-1.txt'));
    expect(launch(corpusStories(index))).not.toBe(launch(before));
    expect(launch(corpusStories(index))).toEqual(launch(before));
  });

  it('puts a wire copy in the story of its original, whatever else it shares', () => {
    const copy = article('copy.txt', 'Quake latest', QUAKE_1.text, { outlet: 'Agency' });
    const index = indexOf([...all, copy]);
    expect(storyOf(index, 'copy.txt')!.id).toBe(storyOf(index, 'quake-1.txt')!.id);
  });

  it('orders by first-seen time when the desk knows it', () => {
    const index = indexOf(all);
    const firstSeen = new Map([
      ['quake-3.txt', '2026-11-01T07:00:00.000Z'],
      ['quake-1.txt', '2026-11-02T07:00:00.000Z'],
      ['quake-2.txt', '2026-11-03T07:00:00.000Z'],
    ]);
    const quake = corpusStories(index, firstSeen)[0]!;
    expect(quake.articles).toEqual(['quake-3.txt', 'quake-1.txt', 'quake-2.txt']);
    expect([quake.firstSeen, quake.lastSeen]).toEqual(['2026-11-01T07:00:00.000Z', '2026-11-03T07:00:00.000Z']);
  });
});

describe('findStory', () => {
  const index = indexOf([QUAKE_1, QUAKE_2, QUAKE_3, TRANSFER_1, TRANSFER_2, LAUNCH_1, LAUNCH_2]);
  const stories = corpusStories(index);

  it('finds a story by its id or by words of its headlines', () => {
    expect(findStory(index, stories, stories[2]!.id)).toBe(stories[2]);
    expect(findStory(index, stories, 'the shevchenko transfer')!.articles).toEqual(['transfer-1.txt', 'transfer-2.txt']);
    expect(findStory(index, stories, 'psp')!.articles).toEqual(['launch-1.txt', 'launch-2.txt']);
  });

  it('finds nothing for words no headline carries', () => {
    expect(findStory(index, stories, 'volcano')).toBeNull();
    expect(findStory(index, stories, '   ')).toBeNull();
  });
});

describe('storyIndex', () => {
  it('holds only the story’s articles and is reused for the same index version', () => {
    const index = indexOf([QUAKE_1, QUAKE_2, QUAKE_3, TRANSFER_1, TRANSFER_2, LAUNCH_1, LAUNCH_2]);
    const quake = corpusStories(index)[0]!;
    const scoped = storyIndex(index, quake);
    expect([...scoped.articles.keys()].sort()).toEqual(['quake-1.txt', 'quake-2.txt', 'quake-3.txt']);
    expect(storyIndex(index, quake)).toBe(scoped);
  });
});
