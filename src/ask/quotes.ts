import { nameSpans, type Span } from './tokens.ts';

/**
 * Who speaks in a quote that does not say so itself. News names a speaker once and lets the quote run
 * on: over sentences ('Scudamore said: "It is not. It is market forces. It is unscripted drama."'),
 * into a new quoted sentence ('"It was a wonderful adventure," Eastwood said. "To make a picture in 37
 * days…"'), or through a pronoun the narrative before names ('Hilary Swank picked up her Oscar. "I
 * don't know what I did…," she told the audience. "I'm just a girl from a trailer park…"').
 */

/** Verbs that tell who spoke ("…,” Anais Faraj, an analyst at Nomura, told the BBC"). */
export const TELLING =
  'said|says|told|tells|added|adds|continued|explained|warned|insisted|argued|claimed|stressed|admitted|replied|wrote|noted|branded|described';
/** A telling verb soon after a name: "Faraj said", "Faraj, an analyst at Nomura, told". */
export const TELLING_SOON = new RegExp(`^(?:,[^.“”"]{1,80}?,?)?\\s+(?:has\\s+|had\\s+|also\\s+|then\\s+)?(?:${TELLING})\\b`, 'i');
/** A quote handed back to a pronoun: "…,” he said." at the end of a sentence. */
export const PRONOUN_TELLS = new RegExp(`[,.!?]["”]\\s*(?:he|she|they)\\s+(?:${TELLING})\\b[^“"]*$`, 'i');
const SAID_NAME = new RegExp(`\\b(?:${TELLING})\\s+`, 'gi');
/** How far into a narrative sentence its subject's name may start ("But Hilary Swank…"). */
const SUBJECT_AT = 6;

/** A sentence of an article: its text and where it starts. */
interface ArticleSentence {
  text: string;
  start: number;
}

/**
 * The name span that tells speech in a sentence: "X, a role, said", "said X"; null when none does,
 * or only a pronoun.
 * @example tellingSpan('“We are ready,” Putin said.')?.text // 'Putin'
 */
function tellingSpan(text: string): Span | null {
  const spans = nameSpans(text);
  for (const span of spans) if (TELLING_SOON.test(text.slice(span.end))) return span;
  for (const m of text.matchAll(SAID_NAME)) {
    const after = m.index + m[0].length;
    // "said Woodward", "said chief executive officer John Woodward": a title may come between.
    const span = spans.find((s) => s.start >= after && /^(?:\p{Ll}[\p{Ll}-]*\s+){0,4}$/u.test(text.slice(after, s.start)));
    if (span) return span;
  }
  return null;
}

/** Who speaks in a quoted sentence: their name and the sentence that names them (its position). */
export interface QuoteSpeaker {
  name: string;
  /** Position, among the article's sentences, of the sentence that names the speaker. */
  namedIn: number;
}

/**
 * For each sentence of an article, in order, whoever speaks in it when it is a quote that names no
 * teller of its own (null otherwise): the teller of the quote it runs on from, or the person a "…,”
 * she told" hands the quote to. A paragraph ends every quote, not its teller.
 * @param text - the article text the sentences' offsets point into
 */
export function quoteSpeakers(text: string, sentences: readonly ArticleSentence[]): (QuoteSpeaker | null)[] {
  const out: (QuoteSpeaker | null)[] = [];
  let teller: QuoteSpeaker | null = null;
  let open = false;
  let subject: QuoteSpeaker | null = null;
  sentences.forEach((s, i) => {
    const previous = sentences[i - 1];
    // A quote closes with its paragraph; its teller may still be the one the paragraph before named.
    if (previous && text.slice(previous.start + previous.text.length, s.start).includes('\n')) open = false;
    const quoted = open || /^\s*[“"]/.test(s.text);
    const own = tellingSpan(s.text);
    if (own) teller = { name: own.text, namedIn: i };
    // "“…,” she told the audience." right after the narrative naming her.
    else if (PRONOUN_TELLS.test(s.text) && teller === null && subject?.namedIn === i - 1) teller = subject;
    out.push(quoted && !own ? teller : null);
    if (!quoted && !/["“”]/.test(s.text)) {
      // Narrative: a later "she told" points back to its subject; a quote after it is told by the
      // speaker it reports ("Mark Serwotka warned…"), or by nobody yet.
      const first = nameSpans(s.text)[0];
      if (first && first.start <= SUBJECT_AT && first.text.includes(' ')) subject = { name: first.text, namedIn: i };
      if (!own) teller = null;
    }
    open = opensQuote(s.text, open);
  });
  return out;
}

/**
 * Whether a text ends inside a quotation: one it opened ('Scudamore said: "It is not.'), or, with
 * `open`, one it began inside and did not close ("It is market forces.").
 * @example endsInsideQuote('He said: "It is not.') // true
 */
export function endsInsideQuote(text: string, open = false): boolean {
  return opensQuote(text, open);
}

/** Whether a quotation is still open after a sentence: curly marks pair up, straight ones alternate. */
function opensQuote(text: string, open: boolean): boolean {
  let state = open;
  for (const ch of text) {
    if (ch === '“') state = true;
    else if (ch === '”') state = false;
    else if (ch === '"') state = !state;
  }
  return state;
}
