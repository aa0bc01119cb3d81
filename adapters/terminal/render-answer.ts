import type { Answer, Citation } from '../../src/types.ts';
import { presentAnswer, type PresentedCitation } from '../../src/wording/present.ts';
import { storyChoiceLabel } from '../../src/wording/messages.ts';

/**
 * Plain-text rendering of an answer for the terminal: the worded answer from the core, then the
 * numbered citations with outlet, title, date, link and the verbatim quote.
 */

/**
 * Renders an answer as terminal text.
 * @example renderAnswerText(answer) // 'Russia\nFour sources agree.\n\n[1] …'
 */
export function renderAnswerText(answer: Answer): string {
  const view = presentAnswer(answer);
  const lines: string[] = [view.headline];
  if (view.choices.length) {
    view.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${storyChoiceLabel(c)} — /story ${c.id}`));
    return lines.join('\n');
  }
  if (view.agreement) lines.push(view.agreement);
  if (view.story) lines.push(view.story);
  if (view.citations.length) {
    lines.push('');
    for (const c of view.citations) lines.push(...renderCitation(c));
  }
  if (view.relatedLabel) {
    lines.push('', view.relatedLabel);
    for (const c of view.related) lines.push(...renderCitation(c));
  }
  return lines.join('\n');
}

/** Renders further citations ("more sources"). */
export function renderCitationsText(citations: readonly Citation[]): string {
  return citations.flatMap((c) => renderCitation({ ...c, label: c.outlet ?? c.title })).join('\n');
}

function renderCitation(c: PresentedCitation): string[] {
  const meta = [c.outlet ? `"${c.title}"` : null, c.date].filter(Boolean).join(', ');
  const head = `[${c.n}] ${c.label}${meta ? ` — ${meta}` : ''} (${c.source})`;
  return [head, ...(c.url ? [`    ${c.url}`] : []), `    > ${c.quote.replace(/\s*\n\s*/g, ' ')}`];
}
