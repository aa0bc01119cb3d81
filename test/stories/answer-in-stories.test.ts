import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THREE_STORIES } from './three-stories.ts';
import { CorpusIndex } from '../../src/index/corpus-index.ts';
import { openCorpus } from '../../src/index/open-corpus.ts';
import { answerQuestion } from '../../src/ask/answer.ts';
import { answerInStories } from '../../src/stories/answer-in-stories.ts';
import { corpusStories, manyStories } from '../../src/stories/stories.ts';
import { judgeBankAnswer, readBankStory } from '../../src/tools/question-bank.ts';
import { validateQuestion } from '../../src/ask/input.ts';
import { CORPORA, HAS_SHARED_CORPORA, makeTmp, removeTmp } from '../ingest/helpers.ts';
import { Newsdesk } from '../../src/app/newsdesk.ts';
import { State } from '../../src/state/state.ts';
import { silentLog } from '../../src/log.ts';

const index = new CorpusIndex();
index.addArticles(THREE_STORIES);
const stories = corpusStories(index);
const storyWith = (id: string) => stories.find((s) => s.articles.includes(id))!;

describe('answerInStories', () => {
  it('asks which story a question that names nothing is about, offering the three largest', () => {
    const { answer, story } = answerInStories(index, 'how long was it?');
    expect(story).toBeNull();
    expect(answer).toMatchObject({ status: 'not_found', answer: null, citations: [] });
    expect(answer.storyChoices).toEqual([
      { id: storyWith('quake-1.txt').id, title: storyWith('quake-1.txt').title, articles: 3 },
      // As /stories lists them: largest first, then by their first article.
      { id: storyWith('launch-1.txt').id, title: storyWith('launch-1.txt').title, articles: 2 },
      { id: storyWith('transfer-1.txt').id, title: storyWith('transfer-1.txt').title, articles: 2 },
    ]);
  });

  it('answers a question that names its subject across the archive, citing and naming the story that answers', () => {
    const { answer, story } = answerInStories(index, 'how much was the fee for shevchenko?');
    expect(answer.answer).toBe('about £30m');
    expect(story!.id).toBe(storyWith('transfer-1.txt').id);
    expect(answer.story).toEqual({ id: story!.id, title: 'Shevchenko completes Chelsea move' });
    expect(answer.citations.map((c) => c.source)).toEqual(['transfer-1.txt']);
  });

  it('answers within the followed story, a question that names nothing included', () => {
    const transfer = storyWith('transfer-1.txt');
    const { answer, story } = answerInStories(index, 'how long is the contract?', { focus: transfer });
    expect(answer.answer).toBe('four years');
    expect(story).toBe(transfer);
    expect(answer.citations.map((c) => c.source)).toEqual(['transfer-2.txt']);
  });

  it('stays in the followed story: what only another story says is not found there', () => {
    const { answer, story } = answerInStories(index, 'how much was the fee for shevchenko?', { focus: storyWith('quake-1.txt') });
    expect(answer).toMatchObject({ status: 'not_found', answer: null, story: { id: storyWith('quake-1.txt').id } });
    expect(story!.id).toBe(storyWith('quake-1.txt').id);
  });

  it('reads a coverage where one story holds half the articles as that story: no story named, no question back', () => {
    const mostlyQuake = new CorpusIndex();
    mostlyQuake.addArticles(THREE_STORIES.filter((a) => !a.id.startsWith('launch')));
    expect(manyStories(mostlyQuake)).toBe(false);
    const { answer, story } = answerInStories(mostlyQuake, 'how much was the fee for shevchenko?');
    expect(answer.answer).toBe('about £30m');
    expect(story).toBeNull();
    expect(answer.story).toBeUndefined();
    expect(answerInStories(mostlyQuake, 'how long was it?').answer.storyChoices).toBeUndefined();
  });
});

describe.skipIf(!HAS_SHARED_CORPORA)('a story in focus in a mixed corpus', () => {
  const mixed = HAS_SHARED_CORPORA ? makeTmp('newsdesk-focus-') : '';
  afterAll(() => mixed && removeTmp(mixed));
  const FOLDERS: [string, string][] = [
    ['ukraine-call-2021', 'dev/ukraine-call-2021.json'],
    ['greek-election-2012', 'test/greek-election-2012.json'],
    ['mh370-2014', 'test/mh370-2014.json'],
    ['paris-attacks-2015', 'dev/paris-attacks-2015.json'],
  ];

  it('scores each story folder’s bank questions exactly as the folder alone does, and asks which story for a bare question', () => {
    for (const folder of [...FOLDERS.map(([f]) => f), 'premier-league', 'michelle-obama'])
      fs.cpSync(path.join(CORPORA, folder), path.join(mixed, folder), { recursive: true });
    const { index: all } = openCorpus(mixed);
    const scores: Record<string, [number, number]> = {};
    for (const [folder, bankFile] of FOLDERS) {
      const bank = readBankStory(path.join(import.meta.dirname, '..', 'fixtures', 'qa', 'bank', bankFile));
      const alone = openCorpus(path.join(CORPORA, folder)).index;
      const focus = corpusStories(all).find((s) => s.articles.some((id) => id.startsWith(`${folder}/`)))!;
      let inFocus = 0;
      let inFolder = 0;
      for (const q of bank.questions) {
        const input = validateQuestion(q.question);
        if (!input.ok) continue;
        if (judgeBankAnswer(q, answerInStories(all, input.question, { focus }).answer).pass) inFocus++;
        if (judgeBankAnswer(q, answerQuestion(alone, input.question).answer).pass) inFolder++;
      }
      scores[folder] = [inFocus, inFolder];
    }
    expect(scores).toEqual({
      'ukraine-call-2021': [scores['ukraine-call-2021']![1], scores['ukraine-call-2021']![1]],
      'greek-election-2012': [scores['greek-election-2012']![1], scores['greek-election-2012']![1]],
      'mh370-2014': [scores['mh370-2014']![1], scores['mh370-2014']![1]],
      'paris-attacks-2015': [scores['paris-attacks-2015']![1], scores['paris-attacks-2015']![1]],
    });
    // Not a vacuous equality: every folder answers some of its questions.
    for (const [, alone] of Object.values(scores)) expect(alone).toBeGreaterThan(10);
    expect(answerInStories(all, 'how long was it?').answer.storyChoices).toHaveLength(3);
  }, 120_000);
});

describe('a channel follows its story across restarts', () => {
  it('keeps the story a channel follows in the state database', () => {
    const dir = makeTmp('newsdesk-follow-');
    try {
      const state = State.open(dir);
      const desk = new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 10, log: silentLog, state });
      const transfer = storyWith('transfer-1.txt');
      expect(desk.followStory('slack:C1', 'shevchenko', 'channel')!.id).toBe(transfer.id);
      state.close();
      // A new process: nothing in memory, the database remembers.
      const again = new Newsdesk(index, { dataDir: null, rateLimitPerMinute: 10, log: silentLog, state: State.open(dir) });
      expect(again.followedStory('slack:C1', 'channel')!.id).toBe(transfer.id);
      const result = again.ask('how long is the contract?', { conversationId: 'slack:C1:1.0', channelId: 'slack:C1' });
      expect(result.ok && [result.answer.answer, result.answer.story?.id]).toEqual(['four years', transfer.id]);
      again.state!.close();
    } finally {
      removeTmp(dir);
    }
  });
});
