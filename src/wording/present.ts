import { WEAK_ANSWER_CONFIDENCE, type Answer, type Citation, type StoryChoice, type SupportGroup } from '../types.ts';
import { storyLine, WHICH_STORY_HEADLINE } from './messages.ts';

/**
 * The wording of an answer for people, shared by every renderer (terminal, Discord, Slack), so that
 * adapters only format and never word answers themselves.
 */

/** A citation with the label to show for its source. */
export interface PresentedCitation extends Citation {
  /** The outlet, or the article title when the outlet is unknown. */
  label: string;
}

/** Everything a renderer shows for one answer, already worded. */
export interface AnswerPresentation {
  /** The short answer ("The coverage suggests: …" when its evidence is weak), or the plain "not in the coverage" sentence. */
  headline: string;
  /** Where outlets agree or differ ("100,000, say three sources; more than 90,000, says one"), or null. */
  agreement: string | null;
  citations: PresentedCitation[];
  /** Heading for related passages offered when nothing answers the question, or null. */
  relatedLabel: string | null;
  related: PresentedCitation[];
  /** "From the story: …" when the coverage holds several stories, or null. */
  story: string | null;
  /** Stories to choose from when the bot asks which one is meant (empty otherwise). */
  choices: StoryChoice[];
}

/**
 * Words an answer for display.
 * @example presentAnswer(answer).agreement // '50 minutes, say four sources; just under an hour, says one'
 */
export function presentAnswer(answer: Answer): AnswerPresentation {
  const citations = answer.citations.map(presentCitation);
  const related = (answer.related ?? []).map(presentCitation);
  const story = answer.story ? storyLine(answer.story.title) : null;
  if (answer.storyChoices?.length) {
    return { headline: WHICH_STORY_HEADLINE, agreement: null, citations: [], relatedLabel: null, related: [], story: null, choices: answer.storyChoices };
  }
  if (answer.status === 'not_found' || answer.answer === null) {
    return {
      headline: 'The coverage does not answer that: none of the articles says it.',
      agreement: null,
      citations,
      relatedLabel: related.length ? 'Closest passages (related, not an answer):' : null,
      related,
      story,
      choices: [],
    };
  }
  // Weak evidence is said as such: the cited sentence covers too little of the question to be sure.
  const weak = answer.confidence !== undefined && answer.confidence < WEAK_ANSWER_CONFIDENCE;
  return {
    headline: weak ? `The coverage suggests: ${answer.answer}` : answer.answer,
    agreement: agreementLine(answer.support, answer.status === 'conflicting'),
    citations,
    relatedLabel: null,
    related: [],
    story,
    choices: [],
  };
}

/**
 * "100,000, say three sources; more than 90,000, says one" — or, when all agree, "Three sources agree."
 * @returns null when there is no support to describe
 */
function agreementLine(support: readonly SupportGroup[], conflicting: boolean): string | null {
  if (support.length === 0) return null;
  if (support.length === 1) {
    const n = support[0]!.sources.length;
    return n === 1 ? 'One source says so.' : `${capitalize(countWord(n))} sources agree.`;
  }
  const parts = support.map((g) => {
    const n = g.sources.length;
    return `${g.value}, ${n === 1 ? 'says one source' : `say ${countWord(n)} sources`}`;
  });
  return `${conflicting ? 'Sources differ: ' : ''}${parts.join('; ')}.`;
}

/** Adds the display label to a citation. */
export function presentCitation(c: Citation): PresentedCitation {
  return { ...c, label: c.outlet ?? c.title };
}

function countWord(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
