import type { SourceDetail, SourceList, SourceLookup, SourceSummary } from '../../src/sources.ts';

/**
 * Plain-text renderers for source lookup, used by the CLI and the terminal chat.
 */

/**
 * Renders the source list: one block per article, then the skipped files.
 * @example renderSourceList({ sources: [], skipped: [] }) // 'No sources in this corpus.'
 */
export function renderSourceList(list: SourceList): string {
  const lines: string[] = [];
  if (list.sources.length === 0) lines.push('No sources in this corpus.');
  else lines.push(`${list.sources.length} source${list.sources.length === 1 ? '' : 's'}:`);
  list.sources.forEach((s, i) => {
    lines.push('', `${i + 1}. ${s.title}`, `   ${metaLine(s)}`, `   id: ${s.id} · ${s.passages} passage${s.passages === 1 ? '' : 's'}`);
  });
  if (list.skipped.length) {
    lines.push('', `Skipped ${list.skipped.length} file${list.skipped.length === 1 ? '' : 's'}:`);
    for (const s of list.skipped) lines.push(`  - ${s.file}: ${s.reason}`);
  }
  return lines.join('\n');
}

/** Renders one article's detail: metadata, lead and key passages. */
export function renderSourceDetail(s: SourceDetail): string {
  const lines = [s.title, metaLine(s), `id: ${s.id} · ${s.passages} passages`];
  if (s.url) lines.push(s.url);
  if (s.lead) lines.push('', 'Lead:', indent(s.lead.text));
  if (s.keyPassages.length) {
    lines.push('', 'Key passages:');
    for (const p of s.keyPassages) lines.push(indent(`[¶${p.ordinal + 1}] ${p.text}`));
  }
  return lines.join('\n');
}

/** Renders the outcome of a lookup, with close matches when it is ambiguous or unknown. */
export function renderSourceLookup(result: SourceLookup): string {
  if (result.kind === 'found') return renderSourceDetail(result.source);
  const list = result.kind === 'ambiguous' ? result.candidates : result.suggestions;
  const head =
    result.kind === 'ambiguous'
      ? `"${result.query}" matches several sources. Which one?`
      : `No source matches "${result.query}".${list.length ? ' Close matches:' : ''}`;
  return [head, ...list.map((s) => `  - ${s.id}: ${s.title}${s.outlet ? ` (${s.outlet})` : ''}`)].join('\n');
}

/** "WEKU · By Franco Ordoñez · 2021-12-31", with "outlet unknown" when the text does not say. */
export function metaLine(s: SourceSummary): string {
  return [s.outlet ?? 'outlet unknown', s.byline ? `By ${s.byline}` : null, s.published ?? 'date unknown']
    .filter((x): x is string => x !== null)
    .join(' · ');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `   ${l}`)
    .join('\n');
}
