import { z } from 'zod';

/**
 * Validation of a question as typed by a user, before it reaches the pipeline: whitespace, control
 * characters and markup cleaned, length bounded, something to ask required.
 */

/** Questions longer than this are refused with a message (the limit is in characters). */
export const MAX_QUESTION_CHARS = 500;

/** A question ready for the pipeline, or the message to show instead. */
export type QuestionInput = { ok: true; question: string } | { ok: false; message: string };

/** Characters that change how text displays without being seen: controls, zero-width marks, bidi overrides and isolates. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * User text made safe to echo (a "Question:" line, a thread name): invisible and direction-changing
 * characters become spaces, so nobody's text can reverse or hide what a reply shows.
 * @example withoutInvisibles('who\u202erequested') // 'who requested'
 */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, ' ');
}

const questionSchema = z
  .string()
  .transform((s) =>
    withoutInvisibles(s)
      // Markup is not part of a question: tags and mention syntax (<@U1>, <!here>, <b>), @everyone/@here,
      // and Markdown emphasis around words.
      .replace(/<[^<>]{0,200}>/g, ' ')
      .replace(/(^|\s)@(everyone|here|channel)\b/gi, ' ')
      // "@newsdesk who requested the call?" typed as text (the terminal, a pasted message): a name the
      // question opens with after "@" addresses the bot, it is no word of the question.
      .replace(/^\s*(?:@[\p{L}\p{N}._-]+[,:]?\s+)+/u, '')
      .replace(/[*_~`]{1,3}([^*_~`]+)[*_~`]{1,3}/g, '$1')
      .replace(/\s+/g, ' ')
      .replace(/\s+([?!.,;:])/g, '$1')
      .trim(),
  )
  .pipe(
    z
      .string()
      .min(1, 'Ask me a question about the coverage, for example "who requested the call?"')
      .max(MAX_QUESTION_CHARS, `That question is too long: please keep it under ${MAX_QUESTION_CHARS} characters.`)
      .regex(/[\p{L}\p{N}]/u, 'That does not look like a question: ask in words, for example "when are the talks?"'),
  );

/**
 * Cleans and validates a question.
 * @example validateQuestion('  who  requested\nthe call? ') // { ok: true, question: 'who requested the call?' }
 * @example validateQuestion('???') // { ok: false, message: 'That does not look like a question: …' }
 */
export function validateQuestion(raw: unknown): QuestionInput {
  if (typeof raw === 'string' && raw.length > MAX_QUESTION_CHARS * 40) {
    return {
      ok: false,
      message: `That question is too long: please keep it under ${MAX_QUESTION_CHARS} characters.`,
    };
  }
  const parsed = questionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, question: parsed.data };
  return {
    ok: false,
    message: parsed.error.issues[0]?.message ?? 'That question could not be read.',
  };
}
