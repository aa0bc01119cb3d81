import wrapAnsi from 'wrap-ansi';

/**
 * Wraps terminal text to the window's width with hanging indents: a wrapped line continues under its
 * own text, past its indent and marker ("    > " of a quote, "[2] " of a citation, "- " of a list).
 * wrap-ansi does the breaking (word boundaries, wide characters, escape codes) rather than hand code.
 * @param columns - the terminal's width; text is returned unchanged when it is unknown or tiny
 * @example wrapForTerminal('    > a long quote…', 40)
 */
export function wrapForTerminal(text: string, columns: number | undefined): string {
  if (!columns || columns < MIN_COLUMNS) return text;
  return text
    .split('\n')
    .map((line) => {
      const lead = HANGING.exec(line)?.[0] ?? '';
      const width = columns - lead.length;
      if (line.length <= columns || width < MIN_BODY) return line;
      const wrapped = wrapAnsi(line.slice(lead.length), width, { hard: true, trim: true }).split('\n');
      const pad = ' '.repeat(lead.length);
      return wrapped.map((part, i) => (i === 0 ? lead : pad) + part).join('\n');
    })
    .join('\n');
}

/** Indent plus list or quote marker: what continuation lines align under. */
const HANGING = /^\s*(?:>\s+|\[¶?\d+\]\s+|[-•*]\s+|\d+\.\s+)?/;
const MIN_COLUMNS = 30;
const MIN_BODY = 20;
