import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { corpusStories } from '../../src/stories/stories.ts';
import { CORPORA, HAS_SHARED_CORPORA, makeTmp, removeTmp } from '../ingest/helpers.ts';

/**
 * Stories against known truth: the shared story folders mixed into one corpus with two topic
 * archives must come out as their own stories; in the BBC archive, the Yukos and WorldCom articles
 * (as listed by the question bank) each form their own story.
 */

const STORY_FOLDERS = ['ukraine-call-2021', 'paris-attacks-2015', 'mh370-2014', 'greek-election-2012'];
const TOPIC_ARCHIVES = ['premier-league', 'michelle-obama'];

/**
 * B-cubed precision and recall of the story-folder articles: for each, the share of its story from
 * its own folder and the share of its folder in its story (archive articles count against precision).
 */
function bCubed(stories: readonly { articles: readonly string[] }[], truth: (id: string) => string | null): { precision: number; recall: number } {
  const folderSize = new Map<string, number>();
  for (const s of stories)
    for (const id of s.articles) {
      const t = truth(id);
      if (t) folderSize.set(t, (folderSize.get(t) ?? 0) + 1);
    }
  let precision = 0;
  let recall = 0;
  let n = 0;
  for (const s of stories)
    for (const id of s.articles) {
      const t = truth(id);
      if (!t) continue;
      const same = s.articles.filter((x) => truth(x) === t).length;
      precision += same / s.articles.length;
      recall += same / folderSize.get(t)!;
      n++;
    }
  return { precision: precision / n, recall: recall / n };
}

describe.skipIf(!HAS_SHARED_CORPORA)('stories of the shared corpora', () => {
  const mixed = HAS_SHARED_CORPORA ? makeTmp('newsdesk-stories-') : '';
  afterAll(() => mixed && removeTmp(mixed));

  it('finds the four story folders as their own stories in a mixed corpus (B-cubed ≥ 0.9)', () => {
    for (const folder of [...STORY_FOLDERS, ...TOPIC_ARCHIVES]) fs.cpSync(path.join(CORPORA, folder), path.join(mixed, folder), { recursive: true });
    const { index } = openCorpus(mixed);
    const stories = corpusStories(index);
    const folderOf = (id: string): string => id.split('/')[0]!;
    const score = bCubed(stories, (id) => (STORY_FOLDERS.includes(folderOf(id)) ? folderOf(id) : null));
    expect(score.precision.toFixed(3)).toBe('1.000');
    expect(score.recall.toFixed(3)).toBe('1.000');
    // Every source in exactly one story.
    expect(stories.flatMap((s) => s.articles).sort()).toEqual([...index.articles.keys()].sort());
    // The premier-league TV-rights articles land together.
    const tv = [3, 4, 44, 61, 63, 64, 68, 72, 77, 78, 79].map((n) => `premier-league/premier.league.${n}.txt`);
    expect(new Set(tv.map((id) => stories.find((s) => s.articles.includes(id))!.id)).size).toBe(1);
  });

  it('gives the Yukos and the WorldCom articles of the BBC archive their own stories', () => {
    const { index } = openCorpus(path.join(CORPORA, 'bbc-2004-2005'));
    const stories = corpusStories(index);
    const bank = (file: string): string[] => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'qa', 'bank', file), 'utf8')).files;
    const storiesOf = (ids: string[]) => new Set(ids.map((id) => stories.find((s) => s.articles.includes(id))!));
    const [yukos] = [...storiesOf(bank('dev/bbc-yukos.json'))];
    const [worldcom] = [...storiesOf(bank('test/bbc-worldcom.json'))];
    expect(storiesOf(bank('dev/bbc-yukos.json')).size).toBe(1);
    expect(storiesOf(bank('test/bbc-worldcom.json')).size).toBe(1);
    expect(yukos).not.toBe(worldcom);
    expect([yukos!.articles.length, worldcom!.articles.length]).toEqual([26, 14]);
    expect(yukos!.title).toBe('Yukos sues four firms for $20bn');
  });
});
