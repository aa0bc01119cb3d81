import { withoutInvisibles } from '../../src/ask/input.ts';
import type { Answer, Citation } from '../../src/types.ts';
import { presentAnswer, presentCitation, type PresentedCitation } from '../../src/wording/present.ts';
import {
  ANSWER_BUTTON_LABELS,
  HELP_COMMANDS,
  HELP_INTRO,
  NO_MORE_SOURCES_MESSAGE,
  QUESTION_LABEL,
  citationsCutMessage,
  moreSourcesHeading,
  quoteCutMessage,
  storyChoiceLabel,
} from '../../src/wording/messages.ts';
import { ACTION_IDS, encodeAnswerRef, type AnswerRef } from './action-values.ts';
import { SLACK_LIMITS, actions, button, context, cutPlain, section, type ButtonElement, type NewsdeskBlock, type SlackMessage } from './block-kit.ts';
import { blockquote, bold, code, cutEscaped, escapeMrkdwn, linkMrkdwn } from './mrkdwn.ts';

/**
 * Pure renderers from newsdesk results to Slack Block Kit messages: answers (every status), further
 * citations, plain notices and help. They only format what src/wording/present.ts and src/wording/messages.ts word;
 * all outside text is escaped so mentions and links in it stay inert.
 */

/** Options of {@link renderAnswerForSlack}. */
export interface SlackAnswerOptions {
  /** Conversation the answer belongs to (carried by the buttons for "More sources"). */
  conversationId?: string | null;
  /** Show the question above the answer (private slash replies and shared posts, not thread replies). */
  showQuestion?: boolean;
  /** Add the "Share in channel" button (private slash replies). */
  shareButton?: boolean;
  /** The question as the user asked it (plain text), shown and carried by the buttons; defaults to `answer.question`. */
  askedAs?: string;
  /** The id the core keeps the answer under, carried by the buttons. */
  answerId?: string;
  /** Whether the core keeps citations beyond those in the answer. */
  moreAvailable?: boolean;
}

/**
 * Renders an answer as Block Kit: the answer and agreement line, numbered citations (outlet, title,
 * link when known, verbatim quote, source file and date), related passages for `not_found`, and the
 * buttons. Stays within 50 blocks and 3000 characters per text, cutting cleanly with a pointer.
 * @example renderAnswerForSlack(answer, { conversationId: 'slack:C1:1700000000.000100' }).blocks[0]
 * // { type: 'section', text: { type: 'mrkdwn', text: '*Russia*\nFour sources agree.' } }
 */
export function renderAnswerForSlack(answer: Answer, options: SlackAnswerOptions = {}): SlackMessage {
  const shown = presentAnswer(answer);
  const found = answer.status !== 'not_found' && answer.answer !== null;
  const question = options.askedAs ?? answer.question;
  const head: NewsdeskBlock[] = [];
  if (options.showQuestion) head.push(questionBlock(question));
  const headline = cutEscaped(shown.headline, 1500).text;
  const agreement = shown.agreement ? `\n${cutEscaped(shown.agreement, 1400).text}` : '';
  head.push(section(`${found ? bold(headline) : headline}${agreement}`));
  if (shown.choices.length) {
    // "Which story?": the choices, each with the command that follows it.
    const lines = shown.choices.map((c, i) => `${i + 1}. ${escapeMrkdwn(storyChoiceLabel(c))} — ${code(`/story ${c.id}`)}`);
    head.push(section(cutEscaped(lines.join('\n'), SLACK_LIMITS.sectionText).text));
    // One button per story: a click makes the channel follow it.
    head.push(
      actions(...shown.choices.map((c, i) => button(cutPlain(`${i + 1}. ${c.title}`, SLACK_LIMITS.buttonText), `${ACTION_IDS.followStory}_${i + 1}`, c.id))),
    );
    return { text: cutEscaped(`${shown.headline} ${shown.choices.map((c) => c.title).join('; ')}`, SLACK_LIMITS.fallbackText).text, blocks: head };
  }
  if (shown.story) head.push(context(cutEscaped(shown.story, SLACK_LIMITS.contextText).text));
  const list = found ? shown.citations : shown.related;
  if (!found && shown.relatedLabel && list.length) head.push(section(`_${escapeMrkdwn(shown.relatedLabel)}_`));

  const budget = SLACK_LIMITS.blocksPerMessage - head.length - 1;
  const { blocks: cited, count } = citationBlocks(list, budget);
  const ref: AnswerRef = {
    question,
    conversationId: options.conversationId ?? null,
    shown: count,
    ...(options.answerId ? { answerId: options.answerId } : {}),
  };
  const buttons: ButtonElement[] = [];
  // Offered when there are more: beyond those shown, or kept by the core (unknown: whenever any are listed).
  const offerMore = list.length > count || (options.moreAvailable ?? true);
  if (list.length && offerMore) buttons.push(button(ANSWER_BUTTON_LABELS.moreSources, ACTION_IDS.moreSources, encodeAnswerRef(ref)));
  buttons.push(
    button(ANSWER_BUTTON_LABELS.helpful, ACTION_IDS.helpful, encodeAnswerRef(ref)),
    button(ANSWER_BUTTON_LABELS.notHelpful, ACTION_IDS.notHelpful, encodeAnswerRef(ref)),
  );
  if (options.shareButton) buttons.push(button(ANSWER_BUTTON_LABELS.share, ACTION_IDS.share, encodeAnswerRef(ref), 'primary'));

  const fallback = [
    shown.headline,
    shown.agreement,
    list.length
      ? list
          .slice(0, count)
          .map((c) => `[${c.n}] ${c.label}`)
          .join('; ')
      : null,
  ]
    .filter((x): x is string => x !== null)
    .join(' — ');
  return { text: cutEscaped(fallback, SLACK_LIMITS.fallbackText).text, blocks: [...head, ...cited, actions(...buttons)] };
}

/** Options of {@link renderMoreSourcesForSlack}. */
export interface SlackMoreSourcesOptions {
  conversationId?: string | null;
  /** The kept answer these citations belong to. */
  answerId?: string;
  /** Whether the core keeps citations beyond these. */
  moreAvailable?: boolean;
  /** How many citations were shown before these. */
  shownBefore: number;
}

/**
 * Renders the citations that "More sources" found beyond those already shown, with a further
 * "More sources" button; a plain notice when there are none.
 * @example renderMoreSourcesForSlack('who requested the call?', [], { shownBefore: 3 }).text // 'There are no more sources for that question.'
 */
export function renderMoreSourcesForSlack(question: string, citations: readonly Citation[], options: SlackMoreSourcesOptions): SlackMessage {
  if (citations.length === 0) return renderNoticeForSlack(NO_MORE_SOURCES_MESSAGE);
  const heading = section(cutEscaped(moreSourcesHeading(question), 2000).text);
  const list = citations.map(presentCitation);
  const { blocks, count } = citationBlocks(list, SLACK_LIMITS.blocksPerMessage - 2);
  const ref: AnswerRef = {
    question,
    conversationId: options.conversationId ?? null,
    shown: options.shownBefore + count,
    ...(options.answerId ? { answerId: options.answerId } : {}),
  };
  const more =
    count < list.length || (options.moreAvailable ?? true)
      ? [actions(button(ANSWER_BUTTON_LABELS.moreSources, ACTION_IDS.moreSources, encodeAnswerRef(ref)))]
      : [];
  const fallback = `${moreSourcesHeading(question)} ${list
    .slice(0, count)
    .map((c) => `[${c.n}] ${c.label}`)
    .join('; ')}`;
  return { text: cutEscaped(fallback, SLACK_LIMITS.fallbackText).text, blocks: [heading, ...blocks, ...more] };
}

/**
 * Renders a plain sentence (a refusal, a rate-limit or failure message, the digest notice) as one
 * section, escaped.
 * @example renderNoticeForSlack('Try again <later>') // { text: 'Try again &lt;later&gt;', blocks: [{ type: 'section', … }] }
 */
export function renderNoticeForSlack(message: string): SlackMessage {
  const text = cutEscaped(message, SLACK_LIMITS.sectionText).text;
  return { text, blocks: [section(text)] };
}

/**
 * Renders the help: what newsdesk does and each slash command.
 * @example renderHelpForSlack().blocks.length // 2
 */
export function renderHelpForSlack(): SlackMessage {
  const intro = escapeMrkdwn(HELP_INTRO);
  const lines = HELP_COMMANDS.map((c) => {
    const argument = c.argument === null ? '' : ` ${escapeMrkdwn(c.literal ? c.argument : `<${c.argument}>`)}`;
    return `\`/${c.command}${argument}\` ${escapeMrkdwn(c.description)}`;
  });
  return { text: intro, blocks: [section(intro), section(lines.join('\n'))] };
}

/**
 * Two blocks per citation (the quote section, then a context line with the source file and date)
 * for as many citations as fit in `budget` blocks; when some do not fit, the last block is a
 * pointer to "More sources".
 * @returns the blocks and how many citations they show
 */
function citationBlocks(list: readonly PresentedCitation[], budget: number): { blocks: NewsdeskBlock[]; count: number } {
  const fits = list.length * 2 <= budget ? list.length : Math.max(0, Math.floor((budget - 1) / 2));
  const blocks: NewsdeskBlock[] = [];
  for (const c of list.slice(0, fits)) blocks.push(...citationBlockPair(c));
  if (fits < list.length) blocks.push(context(escapeMrkdwn(citationsCutMessage(list.length - fits))));
  return { blocks, count: fits };
}

function citationBlockPair(c: PresentedCitation): NewsdeskBlock[] {
  const title = linkMrkdwn(c.url, cutEscaped(c.title, 300).text);
  const heading = c.label === c.title ? `${bold(`[${c.n}]`)} ${title}` : `${bold(`[${c.n}] ${cutEscaped(c.label, 200).text}`)} — ${title}`;
  const lines = c.quote.split('\n').length;
  const quote = cutEscaped(c.quote, SLACK_LIMITS.sectionText - heading.length - 1 - lines);
  const meta = [code(c.source), c.date ? escapeMrkdwn(c.date) : null, quote.cut ? escapeMrkdwn(quoteCutMessage(c.source)) : null]
    .filter((x): x is string => x !== null)
    .join(' · ');
  return [section(`${heading}\n${blockquote(quote.text)}`), context(meta)];
}

function questionBlock(question: string): NewsdeskBlock {
  return context(`${bold(`${escapeMrkdwn(QUESTION_LABEL)}:`)} ${cutEscaped(withoutInvisibles(question).replace(/\s+/g, ' ').trim(), 2900).text}`);
}
