import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../src/log.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { State } from '../../src/state/state.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import type { Article } from '../../src/types.ts';
import { makeTmp } from '../ingest/helpers.ts';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'corpus');

const LEADS = [
  'Leaders spoke on Thursday.',
  'Tension rose on the border this week.',
  'Diplomats met in Geneva before the holidays.',
  'Markets fell as the talks neared.',
  'The White House gave few details at first.',
  'Analysts expected little from the exchange.',
  'Allies were briefed in advance by phone.',
  'The Kremlin published a short readout.',
];
const TAILS = [
  'Sanctions were discussed at length.',
  'Troops stayed near the frontier.',
  'A second meeting is planned for January.',
  'Gas prices climbed again overnight.',
  'Congress asked for a briefing soon.',
  'Europe urged calm on both sides.',
  'Ukraine welcomed the contact warmly.',
  'Both sides called the talks frank.',
];

/** Eight outlets reporting the same fact (more citations than an answer shows), and one other story. */
function eightOutlets(): CorpusIndex {
  const index = new CorpusIndex();
  const article = (n: number): Article => ({
    id: `a${n}.txt`,
    file: `a${n}.txt`,
    title: `Russia asked for the Biden call`,
    titleDerived: false,
    outlet: `Outlet ${n}`,
    byline: null,
    published: `2021-12-0${n}`,
    url: null,
    hash: `h${n}`,
    text: `${LEADS[n - 1]} Russia requested the call, officials said.\n\n${TAILS[n - 1]}`,
  });
  // …and one article on something else, as any coverage has.
  const other: Article = {
    ...article(9),
    id: 'other.txt',
    file: 'other.txt',
    title: 'Chelsea sign a striker',
    outlet: 'Sports Desk',
    text: 'Chelsea signed a striker from Milan for a record fee.\n\nThe club confirmed the deal.',
  };
  index.addArticles([...Array.from({ length: 8 }, (_, i) => article(i + 1)), other]);
  return index;
}

describe('answers kept by id', () => {
  const { index } = openCorpus(CORPUS);
  const states: State[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    while (states.length) states.pop()!.close();
    while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
  });
  const deskWithState = (dir: string): Newsdesk => {
    const state = State.open(dir);
    states.push(state);
    return new Newsdesk(index, { dataDir: dir, rateLimitPerMinute: 100, log: silentLog, state });
  };

  it('keeps every citation found: the answer shows five, "more" gives the rest as they were', () => {
    const desk = new Newsdesk(eightOutlets(), { dataDir: null, rateLimitPerMinute: 100, log: silentLog });
    const result = desk.ask('who requested the call?');
    if (!result.ok) throw new Error(result.message);
    expect(result.answer.citations.map((c) => c.n)).toEqual([1, 2, 3, 4, 5]);
    expect(result.moreAvailable).toBe(true);
    const more = desk.more(result.answerId, 3)!;
    expect(more.map((c) => c.n)).toEqual([4, 5, 6, 7, 8]);
    expect(more.slice(0, 2)).toEqual(result.answer.citations.slice(3));
    expect(desk.answer(result.answerId)).toEqual({ answer: result.answer, conversationId: null });
    expect([desk.more('0000000000000000', 0), desk.answer('0000000000000000')]).toEqual([null, null]);
  });

  it('reads a kept answer after a restart, from the state database', () => {
    const dir = makeTmp('newsdesk-answers-');
    dirs.push(dir);
    const first = deskWithState(dir);
    const result = first.ask('who requested the call?', { conversationId: 'slack:C1:1.0' });
    if (!result.ok) throw new Error(result.message);
    const more = first.more(result.answerId, 1);
    states.pop()!.close();
    const again = deskWithState(dir);
    expect(again.answer(result.answerId)).toEqual({ answer: result.answer, conversationId: 'slack:C1:1.0' });
    expect(again.more(result.answerId, 1)).toEqual(more);
  });
});
