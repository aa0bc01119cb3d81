import { escapeRegExp } from '../../text/patterns.ts';
import { HONORIFICS, SPEECH_VERBS } from '../lexicon.ts';
import type { CorpusIndex } from '../../index/corpus-index.ts';
import { sentencesBefore, type ScoredSentence } from '../retrieve.ts';
import { countryAliases } from '../gazetteer.ts';
import type { Candidate } from './candidate.ts';
import { PRONOUN_TELLS } from '../quotes.ts';
import { nameSpans } from '../tokens.ts';
import { mainPartOfSpeech } from '../wordnet.ts';

/**
 * Attributed statements: what a speaker said, warned or announced. Reads "X warned (Y) that …",
 * "X said …", quotes attributed with "…,” X said" / "said X", and "according to X, …". The statement
 * is the verbatim words of the article.
 */

const SPEECH = new Set(SPEECH_VERBS);
/** Words that open a circumstance rather than a statement ("said after the call", "said on Thursday"). */
const ADVERBIAL_START =
  /^(after|before|during|in|on|at|following|ahead|while|when|from|to|by|with|as|earlier|later|on\s+\w+day|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this|last|yesterday|today|afterwards?)\b/i;
const MAX_STATEMENT = 260;
/** Speech verbs followed by who was spoken to ("told reporters", "warned Biden"). */
const ADDRESSED = /^(tell|told|tells|warn|warned|warns|urge|urged|urges|assure|assured|remind|reminded|inform|informed|promise|promised|ask|asked)$/;
/** The listener after such a verb: a name or a common audience, before the statement starts (or the sentence ends: "told the Sunday Times."). */
const LISTENER =
  /^\s*(?:(?:the|a|an)\s+)?(?:(?:[\p{Lu}][\p{L}.'’-]*(?:\s+|(?=[.!?]?\s*$))){1,4}|(?:reporters|journalists|the press|parliament|mps|lawmakers|him|her|them|us|me|viewers|listeners|supporters|delegates)\s+)(?=\p{Ll}|that\b|[.!?]?\s*$)/u;

/**
 * Finds statements by a speaker in a sentence.
 * @param speaker - who the question asks about ("Putin", "the Kremlin", "Psaki")
 */
export function extractStatements(s: ScoredSentence, speaker: string): Candidate[] {
  const text = s.text;
  const { mentionRe, saidByRe, accordingRe } = speakerPatterns(speaker);
  const out: Candidate[] = [];
  for (const m of text.matchAll(mentionRe)) {
    const after = text.slice(m.index! + m[0].length);
    // "“…,” White House press secretary Jen Psaki said": the quote before the speaker is the statement.
    const quote = quoteBefore(text, m.index!);
    const verbAfter = /^\s*(?:has\s+|had\s+)?([a-z]+)/.exec(after)?.[1];
    if (quote && verbAfter && SPEECH.has(verbAfter)) {
      push(out, s, text, quote, 1);
      continue;
    }
    // "Russia said an appeal was needed…, Kremlin spokesman Dmitry Peskov told reporters."
    // …but "Asked if…, Scudamore said: "It is not."": the words after the verb are the statement.
    const quoteFollows = verbAfter !== undefined && new RegExp(`^\\s*(?:has\\s+|had\\s+)?${verbAfter}\\s*[:,]?\\s*[“"]`).test(after);
    const clause = verbAfter && SPEECH.has(verbAfter) && !quoteFollows ? clauseBefore(text, m.index!) : null;
    if (clause) {
      push(out, s, text, clause, 0.9);
      continue;
    }
    // "Putin warned Biden that …", "Putin replied that …", "Putin said …"
    const verb = /^\s*(?:[\p{Lu}][\p{L}.'’-]*\s+){0,2}(?:,[^,]{0,60},\s*)?(?:has\s+|had\s+|also\s+|then\s+|later\s+|again\s+)*([a-z]+)\b/u.exec(after);
    if (verb && SPEECH.has(verb[1]!)) {
      let content = after.slice(verb[0].length);
      // "told BBC News he had…", "warned reporters that…": the listener is not part of the statement.
      if (ADDRESSED.test(verb[1]!)) content = content.replace(LISTENER, ' ');
      const that = /^\s*(?:[\p{L}'’.-]+\s+){0,4}?that\s+/u.exec(content);
      if (that) content = content.slice(that[0].length);
      else content = content.replace(/^\s*(?:[:,]\s*)?/, '');
      // "Psaki said after a call…", "said in a statement": circumstances, not what was said.
      if (!that && ADVERBIAL_START.test(content)) continue;
      push(out, s, text, content, 1);
    }
  }
  // "“…,” said Ushakov" where the name follows the verb
  for (const m of text.matchAll(saidByRe)) {
    const quote = quoteBefore(text, m.index! + 1);
    if (quote) push(out, s, text, quote, 1);
  }
  const according = accordingRe.exec(text);
  if (according) push(out, s, text, text.slice(according.index + according[0].length), 0.8);
  return dedupe(out);
}

/** What a statement told by a pronoun counts against one that names its speaker. */
const PRONOUN_SPEAKER_FACTOR = 0.85;

/**
 * Statements a pronoun reports ("“I don't know what I did…,” she told the audience") in a sentence
 * that does not name the speaker, when a sentence before makes the speaker its subject or teller: the
 * first name it gives ("Hilary Swank picked up her second Oscar…, beating Annette Bening…").
 * @param index - the coverage, whose article sentences are read back from this one
 * @param speaker - who the question asks about
 */
export function extractPronounStatements(index: CorpusIndex, s: ScoredSentence, speaker: string): Candidate[] {
  // search(), not test(): the pattern is shared and global, and search leaves its lastIndex alone.
  const { mentionRe } = speakerPatterns(speaker);
  if (!/\b(?:he|she|they)\b/i.test(s.text) || s.text.search(mentionRe) >= 0) return [];
  // The sentences before it, nearest first: the speaker is the last person the article named as a
  // subject or a teller, through sentences that name nobody else telling anything ("One dissenting
  // opinion came from Brian Gammage… He said: … Although… Also, he said, … “The PC world…,” he said").
  const before = sentencesBefore(index, s, LOOK_BACK_SENTENCES)
    .filter((x) => x.start >= s.start - LOOK_BACK_CHARS)
    .map((x) => x.text)
    .reverse();
  for (const [i, text] of before.entries()) {
    if (text.search(mentionRe) >= 0) {
      if (!namesAsSubject(text, speaker, s.article.text)) return [];
      const factor = PRONOUN_SPEAKER_FACTOR * (i === 0 ? 1 : FARTHER_SPEAKER_FACTOR);
      return ['he', 'she', 'they'].flatMap((pronoun) => extractStatements(s, pronoun)).map((c) => ({ ...c, confidence: c.confidence * factor }));
    }
    // Someone else named telling something in between: the pronoun is theirs.
    if (TELLER_NAMED.test(text) || (nameSpans(text).length > 0 && SPEECH_WORD.test(text) && !PRONOUN_TELLER.test(text))) return [];
  }
  return [];
}

/** How far back the speaker of a pronoun may be named. */
const LOOK_BACK_SENTENCES = 6;
const LOOK_BACK_CHARS = 2000;
/** What a statement counts whose pronoun's speaker is named more than one sentence before. */
const FARTHER_SPEAKER_FACTOR = 0.9;
/** A name telling something: "said Mr Fogg", "Mr Fogg said". */
const TELLER_NAMED = new RegExp(
  `\\b(?:said|says|told|added)\\s+(?:${HONORIFICS.join('|')})\\b|\\b(?:${HONORIFICS.join('|')})\\.?\\s+\\p{Lu}[\\p{L}'’-]+\\s+(?:said|says|told|added)\\b`,
  'u',
);
/** A verb of saying. */
const SPEECH_WORD = /\b(?:said|says|told|tells|added|argued|insisted|warned)\b/;
/** A pronoun telling something ("he said", "she told"). */
const PRONOUN_TELLER = /\b(?:he|she|they)\s+(?:said|says|told|added|argued|insisted|warned)\b|\b(?:said|says|told|added)\s+(?:he|she|they)\b/i;

/**
 * True when a sentence names the speaker as its subject or teller: named first ("Hilary Swank picked
 * up…", "On Monday, Tony Blair's official spokesman declined…", "As well as Spider-Man, Lee
 * co-created…", after the phrase that opens it), not later as an object ("…, beating Annette Bening"),
 * or telling something ("…, said Mr Purushotma").
 */
function namesAsSubject(text: string, speaker: string, article: string): boolean {
  const { mentionRe, tellsRe } = speakerPatterns(speaker);
  const at = text.search(mentionRe);
  if (tellsRe.test(text)) return true;
  // A phrase that opens the sentence ("As well as Spider-Man, ") holds no subject.
  const opening = OPENING_PHRASE.exec(text)?.[0].length ?? 0;
  // ("One dissenting opinion came from Brian Gammage…": a word capitalised only to open the sentence
  // names nobody; "Apple" does, as the article writes it so inside its sentences too.)
  const first = nameSpans(text).find((sp) => sp.start >= opening && !(sp.start === 0 && !sp.text.includes(' ') && !writtenAsName(sp.text, article)));
  return first === undefined || at <= first.end;
}

/** A phrase opening a sentence before its subject: "As well as Spider-Man, ", "In 2002, ", "Despite the row, ". */
const OPENING_PHRASE = /^(?:As well as|Like|Unlike|Despite|After|Before|Following|In|On|At|With|Besides|Apart from)\b[^,]{1,60},\s+/;

/** True when a text writes the word capitalised inside a sentence, as a name ("…sued by Apple"), not only at a sentence's start. */
function writtenAsName(word: string, text: string): boolean {
  return new RegExp(`[\\p{L}\\d,;]\\s+${escapeRegExp(word)}\\b`, 'u').test(text);
}

/** What a quote counts whose teller is named sentences before it. */
const TOLD_BEFORE_FACTOR = 0.85;

/**
 * The words of a quote that names no teller, when whoever speaks in it (named before it ran on, see
 * quotes.ts) is the speaker asked about ("Mark Serwotka … said … “For a government that lectures
 * everyone on choice…"). The citation runs from the sentence naming the speaker to the quote.
 * @param speaker - who the question asks about
 */
export function extractToldQuotes(s: ScoredSentence, speaker: string): Candidate[] {
  if (!s.speaker || s.speaker.name.search(speakerPatterns(speaker).mentionRe) < 0) return [];
  const span = { ...s, text: s.article.text.slice(s.speaker.from, s.end), start: s.speaker.from };
  const words = s.text
    .replace(/^\s*[“"]/, '')
    .replace(PRONOUN_TELLS, '')
    .replace(/["”]\s*$/, '')
    .trim();
  const out: Candidate[] = [];
  push(out, span, span.text, words, TOLD_BEFORE_FACTOR);
  return out;
}

function push(out: Candidate[], s: ScoredSentence, text: string, content: string, confidence: number): void {
  const trimmed = trimStatement(content);
  if (trimmed.split(/\s+/).length < 3) return;
  out.push({
    key: `said:${s.article.id}:${s.start}:${out.length}`,
    value: trimmed,
    mention: trimmed,
    sentence: s,
    confidence: text.includes(trimmed) ? confidence : confidence * 0.5,
  });
}

/** The quotation that closes right before `at` ("“We are ready,” Putin said" → "We are ready"). */
function quoteBefore(text: string, at: number): string | null {
  const head = text.slice(0, at);
  // The quote may have opened in the sentence before: then it runs from this sentence's start.
  const m = /(?:[“"]|^)([^“”"]{8,})[,.]?\s*[”"]\s*,?\s*(?:[\p{L}.'’-]+\s+){0,6}$/u.exec(head);
  return m ? m[1]!.replace(/[,.]\s*$/, '') : null;
}

/** The reported clause before ", <title> <speaker> said": the sentence up to that comma. */
function clauseBefore(text: string, at: number): string | null {
  const head = text.slice(0, at);
  const m = /,\s*(?:the\s+|a\s+)?(?:[\p{L}.'’-]+\s+){0,6}$/u.exec(head);
  if (!m || m.index < 20) return null;
  const clause = head.slice(0, m.index);
  // "In his first comments since…, Mr Blair told BBC News…": a circumstance, not what was said.
  return ADVERBIAL_START.test(clause) || /^(asked|speaking|responding|replying|commenting|writing)\b/i.test(clause) ? null : clause;
}

/** Cuts a statement at the end of its sentence or a clause boundary, within the length limit. */
function trimStatement(content: string): string {
  let t = content.trim().replace(/^[“"]/, '');
  if (t.length > MAX_STATEMENT) {
    const cut = t.slice(0, MAX_STATEMENT);
    const boundary = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '), cut.lastIndexOf(' — '));
    t = boundary > 80 ? cut.slice(0, boundary) : cut.slice(0, cut.lastIndexOf(' '));
  }
  return t.replace(/[\s,;:]+$/, '').replace(/[.]["”]?$/, '');
}

const patternCache = new Map<string, { mentionRe: RegExp; saidByRe: RegExp; accordingRe: RegExp; tellsRe: RegExp }>();

/** The patterns that find a speaker's statements, compiled once per speaker (they are long). */
function speakerPatterns(speaker: string): {
  mentionRe: RegExp;
  saidByRe: RegExp;
  accordingRe: RegExp;
  tellsRe: RegExp;
} {
  const cached = patternCache.get(speaker);
  if (cached) return cached;
  const names = [...speakerNames(speaker).map(escapeRegExp), ...roleForms(speaker)].join('|');
  const patterns = {
    mentionRe: new RegExp(`\\b(${names})\\b(?:['’]s)?`, 'giu'),
    saidByRe: new RegExp(`[”"]\\s*,?\\s*(?:${SPEECH_VERBS.join('|')})\\s+(?:the\\s+)?(?:[\\p{L}.'’-]+\\s+){0,3}?(${names})\\b`, 'giu'),
    accordingRe: new RegExp(`according to (?:the\\s+)?(?:${names})[^,]*,\\s*`, 'iu'),
    // "…, said Mr Purushotma": the speaker telling something, after the verb.
    tellsRe: new RegExp(`\\b(?:said|says|told|added)\\s+(?:(?:${HONORIFICS.join('|')})\\.?\\s+)?(?:${names})\\b`, 'iu'),
  };
  if (patternCache.size > 500) patternCache.clear();
  patternCache.set(speaker, patterns);
  return patterns;
}

/**
 * A speaker asked for by role ("blairs spokesman", "the molenbeek mayor"): the role of whom the
 * coverage gives it to, with words between ("Tony Blair's official spokesman") or after ("mayor of
 * Molenbeek"). A possessive typed without its apostrophe ("blairs") is read as one. Regex sources.
 */
function roleForms(speaker: string): string[] {
  const words = speaker
    .replace(/^(the|a|an)\s+/i, '')
    .trim()
    .split(/\s+/);
  const role = words.at(-1);
  if (words.length < 2 || !role || !/^\p{Ll}+$/u.test(role) || mainPartOfSpeech(role) !== 'noun') return [];
  const owner = words
    .slice(0, -1)
    .join(' ')
    .replace(/(?:['’]s|(?<=[^s'’])s)$/i, '');
  if (owner.length < 3) return [];
  const o = escapeRegExp(owner);
  const r = escapeRegExp(role);
  return [`${o}(?:['’]?s)?(?:\\s+[\\p{L}-]+){0,2}\\s+${r}`, `${r}\\s+of\\s+(?:the\\s+)?${o}`];
}

/** The ways a speaker can be named: the surname, the full name, and a country's aliases. */
function speakerNames(speaker: string): string[] {
  const cleaned = speaker.replace(/^(the|a|an)\s+/i, '').trim();
  const words = cleaned.split(/\s+/);
  const names = new Set<string>([cleaned]);
  const last = words[words.length - 1];
  if (last && /^\p{Lu}/u.test(last)) names.add(last);
  // "Paul McCartney" is "Sir Paul" too: a knight or a lord goes by title and first name.
  if (words.length === 2 && /^\p{Lu}\p{Ll}+$/u.test(words[0]!)) for (const title of ['Sir', 'Dame', 'Lord', 'Lady']) names.add(`${title} ${words[0]}`);
  for (const a of countryAliases(cleaned)) if (a.length > 3) names.add(a);
  return [...names].sort((a, b) => b.length - a.length);
}

function dedupe(cs: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    if (seen.has(c.value)) return false;
    seen.add(c.value);
    return true;
  });
}
