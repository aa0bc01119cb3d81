import { z } from 'zod';
import { SLACK_LIMITS } from './block-kit.ts';

/**
 * What the answer buttons carry: their action ids, and the value Slack hands back on a click (the
 * question, its conversation, how many citations were shown and the answer's id), encoded within Slack's 2000
 * characters and validated on the way back, since a click's payload is outside input.
 */

/** The action_id of each answer button. */
export const ACTION_IDS = {
  moreSources: 'newsdesk_more_sources',
  helpful: 'newsdesk_helpful',
  notHelpful: 'newsdesk_not_helpful',
  share: 'newsdesk_share',
  /** "Share in channel" under a private `/digest`: posts today's briefing for everyone. */
  shareDigest: 'newsdesk_share_digest',
  /**
   * The stories offered by "which story?" (`newsdesk_follow_story_1`, `_2`, …: action ids are unique
   * within a message): the channel follows the one clicked (the value is the story id).
   */
  followStory: 'newsdesk_follow_story',
} as const;

/** The data behind an answer's buttons. */
export interface AnswerRef {
  /** The question as asked (already plain text). */
  question: string;
  /** The conversation the answer belongs to, so "More sources" resolves "it" the same way. */
  conversationId: string | null;
  /** How many citations the message showed. */
  shown: number;
  /** The id the core keeps the answer under: "More sources" and "Share" read it instead of asking again. */
  answerId?: string;
}

const refSchema = z.object({
  q: z.string().min(1).max(SLACK_LIMITS.buttonValue),
  c: z.string().max(300).nullable(),
  n: z.number().int().min(0).max(1000),
  a: z
    .string()
    .regex(/^[\w-]{1,40}$/)
    .optional(),
});

/**
 * Encodes an answer reference as a button value of at most 2000 characters; an over-long question is
 * cut (the value is data for the click, never shown).
 * @example encodeAnswerRef({ question: 'who?', conversationId: null, shown: 3 }) // '{"q":"who?","c":null,"n":3}'
 */
export function encodeAnswerRef(ref: AnswerRef): string {
  const conversationId = ref.conversationId !== null && ref.conversationId.length <= 300 ? ref.conversationId : null;
  const encode = (question: string) => JSON.stringify({ q: question, c: conversationId, n: ref.shown, ...(ref.answerId ? { a: ref.answerId } : {}) });
  const whole = encode(ref.question);
  if (whole.length <= SLACK_LIMITS.buttonValue) return whole;
  // The longest prefix of the question whose encoding fits (escaping makes the length non-linear).
  let lo = 1;
  let hi = ref.question.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(prefix(ref.question, mid)).length <= SLACK_LIMITS.buttonValue) lo = mid;
    else hi = mid - 1;
  }
  return encode(prefix(ref.question, lo));
}

/**
 * Reads a button value back.
 * @returns the reference, or null when the value is not one newsdesk wrote
 * @example decodeAnswerRef('{"q":"who?","c":null,"n":3}') // { question: 'who?', conversationId: null, shown: 3 }
 */
export function decodeAnswerRef(value: unknown): AnswerRef | null {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValue) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = refSchema.safeParse(json);
  if (!parsed.success) return null;
  return { question: parsed.data.q, conversationId: parsed.data.c, shown: parsed.data.n, ...(parsed.data.a ? { answerId: parsed.data.a } : {}) };
}

/** The first `length` code units of `text`, one less when that would split a surrogate pair. */
function prefix(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
