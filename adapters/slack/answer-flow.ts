import type { Log } from '../../src/log.ts';
import { REQUEST_FAILED_MESSAGE } from '../../src/wording/messages.ts';
import type { SlackMessage } from './block-kit.ts';
import type { SlackDesk } from './desk-port.ts';
import { renderAnswerForSlack, renderNoticeForSlack } from './render.ts';

/**
 * The one path from a Slack question to a Slack message, shared by mentions, DMs, thread replies and
 * /ask: per-user rate limit, the core's answer (or its refusal), rendering, and a plain reply when
 * anything fails.
 */

/** What asking produced: an answer, a notice (bad input, failure) or a rate-limit reply. */
export interface AskOutcome {
  kind: 'answer' | 'notice' | 'limited' | 'failed';
  message: SlackMessage;
}

/** One question from Slack, already translated to plain text. */
export interface SlackQuestion {
  question: string;
  /** Slack user id of the asker (rate limit key). */
  userId: string;
  /** Conversation key for follow-ups, e.g. `slack:C123:1700000000.000100`. */
  conversationId: string;
  /** Channel key (`slack:C123`): the story the channel follows applies when the conversation follows none. */
  channelId?: string;
  /** Show the question above the answer (private slash replies). */
  showQuestion?: boolean;
  /** Add the "Share in channel" button. */
  shareButton?: boolean;
}

/**
 * Answers a question for Slack; never throws.
 * @example const { kind, message } = await askForSlack(desk, log, { question: 'who requested the call?', userId: 'U1', conversationId: 'slack:C1:1.0' })
 */
export async function askForSlack(desk: SlackDesk, log: Log, q: SlackQuestion): Promise<AskOutcome> {
  try {
    const result = await desk.ask(q.question, {
      conversationId: q.conversationId,
      user: rateLimitKey(q.userId),
      ...(q.channelId ? { channelId: q.channelId } : {}),
    });
    if (!result.ok) return { kind: result.limited ? 'limited' : 'notice', message: renderNoticeForSlack(result.message) };
    return {
      kind: 'answer',
      message: renderAnswerForSlack(result.answer, {
        conversationId: q.conversationId,
        showQuestion: q.showQuestion,
        shareButton: q.shareButton,
        askedAs: q.question,
        answerId: result.answerId,
        moreAvailable: result.moreAvailable,
      }),
    };
  } catch (err) {
    log.error({ err, conversationId: q.conversationId }, 'answering a question failed');
    return { kind: 'failed', message: failureMessage() };
  }
}

/** The plain reply when a request fails. */
export function failureMessage(): SlackMessage {
  return renderNoticeForSlack(REQUEST_FAILED_MESSAGE);
}

/** The rate-limit key of a Slack user. */
export function rateLimitKey(userId: string): string {
  return `slack:${userId}`;
}
