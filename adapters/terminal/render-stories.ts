import type { Story } from '../../src/stories/stories.ts';
import { storyListHeading, storyMetaLine } from '../../src/wording/messages.ts';

/**
 * Plain-text renderers for stories, used by the CLI and the terminal chat.
 */

/** Articles listed under one story in its detail. */
const DETAIL_ARTICLES = 20;

/**
 * Renders the story list: one block per story, largest first.
 * @param limit - stories shown (the rest are counted)
 */
export function renderStoryList(stories: readonly Story[], limit = stories.length): string {
  const lines = [storyListHeading(stories.length)];
  stories.slice(0, limit).forEach((s, i) => {
    lines.push('', `${i + 1}. ${s.title}`, `   ${storyMetaLine(s)}`);
    if (s.terms.length) lines.push(`   ${s.terms.join(', ')}`);
  });
  if (stories.length > limit) lines.push('', `… and ${stories.length - limit} more.`);
  return lines.join('\n');
}

/** Renders one story: its headline, size, outlets, key terms and articles with their headlines. */
export function renderStoryDetail(story: Story, titleOf: (id: string) => string): string {
  const lines = [story.title, storyMetaLine(story)];
  if (story.outlets.length) lines.push(`outlets: ${story.outlets.join(', ')}`);
  if (story.terms.length) lines.push(`key terms: ${story.terms.join(', ')}`);
  lines.push('');
  for (const id of story.articles.slice(0, DETAIL_ARTICLES)) lines.push(`  - ${titleOf(id)} (${id})`);
  if (story.articles.length > DETAIL_ARTICLES) lines.push(`  … and ${story.articles.length - DETAIL_ARTICLES} more.`);
  return lines.join('\n');
}
