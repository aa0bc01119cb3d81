/**
 * The few Block Kit shapes newsdesk sends, Slack's limits on them, and builders that keep every
 * block inside those limits. Plain data: the renderers build these, the app posts them as they are.
 */

/** Slack's documented limits that newsdesk messages must stay within. */
export const SLACK_LIMITS = {
  /** Blocks in one message (chat.postMessage, response_url). */
  blocksPerMessage: 50,
  /** Characters of a section block's text. */
  sectionText: 3000,
  /** Characters of one context block element's text. */
  contextText: 3000,
  /** Elements of one context block. */
  contextElements: 10,
  /** Characters of a button's text. */
  buttonText: 75,
  /** Characters of a button's value. */
  buttonValue: 2000,
  /** Characters of an action_id. */
  actionId: 255,
  /** Elements of one actions block. */
  actionsElements: 25,
  /** Characters of the top-level `text` kept by newsdesk (Slack truncates beyond 40,000). */
  fallbackText: 3000,
} as const;

/** A mrkdwn text object; `text` is already escaped. */
interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

/** A plain_text text object (button labels). */
interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** A section block with mrkdwn text. */
export interface SectionBlock {
  type: 'section';
  text: MrkdwnText;
}

/** A context block of mrkdwn elements. */
export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}

/** A divider. */
export interface DividerBlock {
  type: 'divider';
}

/** A button element. */
export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value: string;
  style?: 'primary' | 'danger';
}

/** An actions block of buttons. */
export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

/** Any block newsdesk sends. */
export type NewsdeskBlock = SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** A message ready to post: mrkdwn `text` (notification fallback) and blocks. */
export interface SlackMessage {
  text: string;
  blocks: NewsdeskBlock[];
}

/**
 * A section block; text longer than the limit is cut at a safe point with "…".
 * @param mrkdwn - escaped mrkdwn text
 */
export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clampMrkdwn(nonEmpty(mrkdwn), SLACK_LIMITS.sectionText) } };
}

/**
 * A context block of one or more mrkdwn elements (at most 10 kept, each within the limit).
 * @param mrkdwn - escaped mrkdwn texts
 */
export function context(...mrkdwn: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, SLACK_LIMITS.contextElements).map((t) => ({ type: 'mrkdwn', text: clampMrkdwn(nonEmpty(t), SLACK_LIMITS.contextText) })),
  };
}

/** A divider between the parts of a longer message (the digest). */
export function divider(): DividerBlock {
  return { type: 'divider' };
}

/**
 * A button.
 * @param label - plain text, cut to 75 characters
 * @param actionId - the listener's action_id
 * @param value - at most 2000 characters (the caller encodes it to fit; see action-values.ts)
 * @throws RangeError when `value` is longer than Slack accepts, which is a programming error
 */
export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): ButtonElement {
  if (value.length > SLACK_LIMITS.buttonValue) throw new RangeError(`button value of ${value.length} characters exceeds ${SLACK_LIMITS.buttonValue}`);
  const b: ButtonElement = {
    type: 'button',
    text: { type: 'plain_text', text: cutPlain(label, SLACK_LIMITS.buttonText), emoji: false },
    action_id: actionId,
    value,
  };
  if (style) b.style = style;
  return b;
}

/** An actions block (at most 25 buttons kept). */
export function actions(...elements: ButtonElement[]): ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, SLACK_LIMITS.actionsElements) };
}

/**
 * Cuts escaped mrkdwn to at most `max` characters, ending with "…", never inside an entity
 * (`&amp;`), a link or mention (`<…>`) or a surrogate pair.
 * @example clampMrkdwn('a &amp; b', 4) // 'a …'
 */
export function clampMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const lastAmp = text.lastIndexOf('&', end - 1);
  if (lastAmp >= 0 && !text.slice(lastAmp, end).includes(';') && end - lastAmp < 8) end = lastAmp;
  const lastOpen = text.lastIndexOf('<', end - 1);
  if (lastOpen >= 0 && text.indexOf('>', lastOpen) >= end) end = lastOpen;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Cuts plain text to at most `max` characters, ending with "…" (never inside a surrogate pair).
 * @example cutPlain('Share in channel', 8) // 'Share i…'
 */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

function nonEmpty(text: string): string {
  // Slack rejects empty text objects; a lone space is not allowed either, so show an ellipsis.
  return text.trim() === '' ? '…' : text;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
