import type { SlackMessage } from '../../adapters/slack/block-kit.ts';

/**
 * Checks shared by the Slack renderer tests: which texts of a message Slack reads as mrkdwn, and
 * whether any of them carries live markup.
 */

/** Texts Slack reads as mrkdwn in a message: the fallback text, section texts and context elements. */
export function mrkdwnTexts(m: SlackMessage): string[] {
  const out = [m.text];
  for (const b of m.blocks) {
    if (b.type === 'section') out.push(b.text.text);
    if (b.type === 'context') out.push(...b.elements.map((e) => e.text));
  }
  return out;
}

/** Markup sequences (`<…>`) other than http(s) links, and bare `&` that is not an entity. */
export function liveMarkup(m: SlackMessage): string[] {
  return mrkdwnTexts(m).flatMap((t) => [
    ...[...t.matchAll(/<[^>]*>?/g)].map((x) => x[0]).filter((seq) => !/^<https?:\/\/[^|<> ]+\|[^<>]*>$/.test(seq)),
    ...[...t.matchAll(/&(?!amp;|lt;|gt;)/g)].map(() => '&'),
  ]);
}
