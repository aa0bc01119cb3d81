import type { SourceDetail, SourceList, SourceLookup } from '../../src/index/sources.ts';
import { SOURCE_DETAIL_LABELS, skippedFilesHeading, sourceIdLine, sourceListHeading, sourceLookupHeading, sourceMetaLine } from '../../src/wording/messages.ts';

/**
 * Plain-text renderers for source lookup, used by the CLI and the terminal chat.
 */

/**
 * Renders the source list: one block per article, then the skipped files.
 * @example renderSourceList({ sources: [], skipped: [] }) // 'No sources in this corpus.'
 */
export function renderSourceList(list: SourceList): string {
  const lines: string[] = [sourceListHeading(list.sources.length)];
  list.sources.forEach((s, i) => {
    lines.push('', `${i + 1}. ${s.title}`, `   ${sourceMetaLine(s)}`, `   ${sourceIdLine(s)}`);
  });
  if (list.skipped.length) {
    lines.push('', skippedFilesHeading(list.skipped.length));
    for (const s of list.skipped) lines.push(`  - ${s.file}: ${s.reason}`);
  }
  return lines.join('\n');
}

/** Renders one article's detail: metadata, lead and key passages. */
function renderSourceDetail(s: SourceDetail): string {
  const lines = [s.title, sourceMetaLine(s), sourceIdLine(s)];
  if (s.url) lines.push(s.url);
  if (s.lead) lines.push('', `${SOURCE_DETAIL_LABELS.lead}:`, indent(s.lead.text));
  if (s.keyPassages.length) {
    lines.push('', `${SOURCE_DETAIL_LABELS.keyPassages}:`);
    for (const p of s.keyPassages) lines.push(indent(`[${SOURCE_DETAIL_LABELS.paragraph}${p.ordinal + 1}] ${p.text}`));
  }
  return lines.join('\n');
}

/** Renders the outcome of a lookup, with close matches when it is ambiguous or unknown. */
export function renderSourceLookup(result: SourceLookup): string {
  if (result.kind === 'found') return renderSourceDetail(result.source);
  const list = result.kind === 'ambiguous' ? result.candidates : result.suggestions;
  return [sourceLookupHeading(result), ...list.map((s) => `  - ${s.id}: ${s.title}${s.outlet ? ` (${s.outlet})` : ''}`)].join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `   ${l}`)
    .join('\n');
}
