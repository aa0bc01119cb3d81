import type { Answer, StoryChoice } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { answerQuestion, notFoundAnswer, type AnswerOptions, type AnswerResult } from '../ask/answer.ts';
import { parseQuestion } from '../ask/question.ts';
import { corpusStories, manyStories, storyIndex, storyOf, type Story } from './stories.ts';

/**
 * Answering a coverage of many stories: within the story a conversation follows, or across the
 * archive with the citations then taken from the story that answers, named in the reply (and then
 * followed by the conversation). A question
 * that names nothing ("how long was it?") with no story in focus gets the stories to choose from,
 * never a guess. A coverage where one story holds half the articles or more is read as that story
 * (see manyStories).
 */

/** Stories offered when the bot asks which one is meant. */
const STORY_CHOICES = 3;

/** Options of {@link answerInStories}. */
export interface StoryAnswerOptions extends AnswerOptions {
  /** The story the conversation follows, if any. */
  focus?: Story | null;
  /**
   * The focus was only picked up from an earlier answer, not chosen with /story: a question that
   * names its subject and is not answered there is then asked across the archive.
   */
  focusImplicit?: boolean;
}

/** An answer, what the conversation should remember, and the story it is about (null: none in particular). */
export interface StoryAnswerResult extends AnswerResult {
  story: Story | null;
}

/**
 * Answers a question about a coverage that may hold many stories.
 * @example answerInStories(index, 'how long was it?').answer.storyChoices?.length // 3 in a mixed archive
 */
export function answerInStories(index: CorpusIndex, question: string, options: StoryAnswerOptions = {}): StoryAnswerResult {
  const stories = corpusStories(index);
  const focus = options.focus ?? null;
  const many = manyStories(index, stories);
  if (!focus && !many) return { ...answerQuestion(index, question, options), story: null };

  // A story chosen with /story is kept until /story names another: an answer from some other story
  // would pass for this one's. One picked up from an earlier answer gives way to a question about
  // another story.
  if (focus) {
    const inFocus = answerQuestion(storyIndex(index, focus), question, options);
    if (inFocus.answer.status === 'not_found' && options.focusImplicit && many && !parseQuestion(question, options.previousSubject ?? null).needsSubject) {
      const elsewhere = acrossArchive(index, question, options);
      if (elsewhere.answer.status !== 'not_found') return elsewhere;
    }
    // Where the coverage is one story, naming it under every answer says nothing.
    return many ? named(inFocus, focus) : { ...inFocus, story: focus };
  }

  if (parseQuestion(question, options.previousSubject ?? null).needsSubject && !options.previousSubject) {
    return { answer: whichStory(question, stories), subject: null, story: null };
  }
  return acrossArchive(index, question, options);
}

/** Answers across the archive, then again within the story of the best citation (its own citations). */
function acrossArchive(index: CorpusIndex, question: string, options: AnswerOptions): StoryAnswerResult {
  const wide = answerQuestion(index, question, options);
  const first = wide.answer.citations[0];
  const story = first ? storyOf(index, first.source) : null;
  if (wide.answer.status === 'not_found' || !story) return { ...wide, story: null };
  const within = answerQuestion(storyIndex(index, story), question, options);
  return named(within.answer.status === 'not_found' ? wide : within, story);
}

function named(result: AnswerResult, story: Story): StoryAnswerResult {
  return { ...result, answer: { ...result.answer, story: { id: story.id, title: story.title } }, story };
}

/** The "which story?" reply: the largest stories, in the order /stories lists them. */
function whichStory(question: string, stories: readonly Story[]): Answer {
  const choices: StoryChoice[] = stories.slice(0, STORY_CHOICES).map((s) => ({ id: s.id, title: s.title, articles: s.articles.length }));
  return { ...notFoundAnswer(question), storyChoices: choices };
}
