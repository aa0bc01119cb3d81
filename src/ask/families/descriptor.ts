import { escapeRegExp } from '../../text/patterns.ts';
import { analyzeText } from '../../index/analyzer.ts';
import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from '../extract/candidate.ts';
import { isKindOf, kindsOfName, mainPartOfSpeech } from '../wordnet.ts';
import { countryOf } from '../gazetteer.ts';

/**
 * "Who is X?" answered from how the coverage describes X, without a list of role words: the words in
 * front of the name ("married publisher Kimberly Quinn", "British costume designer Sandy Powell"), a
 * copula ("Sir John Gieve was Home Office permanent secretary"), an apposition ("X, the…, said") or the
 * reverse ("The U.S. victim was Nohemi Gonzalez").
 */

/** Words that cannot stand inside a descriptor in front of a name. */
const BOUNDARY = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'by',
  'with',
  'for',
  'to',
  'of',
  'in',
  'on',
  'at',
  'from',
  'as',
  'that',
  'than',
  'said',
  'says',
  'told',
  'says',
  'his',
  'her',
  'their',
  'its',
  'was',
  'is',
  'were',
  'are',
  'be',
  'been',
  'has',
  'have',
  'had',
  'who',
  'which',
  'when',
  'while',
  'after',
  'before',
  'like',
  'including',
  'also',
]);
/** Where a descriptor after a copula or comma ends. */
const DESCRIPTOR_END = /[,.;:!?()“”"]|\s[-–—]\s|\s(?:who|which|that|during|since|when|after|before|until|because|and\s+(?:has|had|is|was))\b/;
const MAX_DESCRIPTOR_WORDS = 10;
/** A verb's participle (or "being") opening what follows a copula. */
const PARTICIPLE = /^(?:(?:now|also|still|being)\s+)*[\p{L}-]+(?:ing|ed|en)\b/u;

/**
 * Descriptions of a named person or thing in a sentence.
 * @param name - the name asked about ("Kimberly Quinn"); the last word alone also counts ("Quinn")
 */
export function extractDescriptors(s: ScoredSentence, name: string): Candidate[] {
  const words = name.trim().split(/\s+/);
  const surname = words[words.length - 1];
  if (!surname || surname.length < 2) return [];
  const text = s.text;
  const out: Candidate[] = [];
  const pattern = new RegExp(`\\b(?:${words.map(escapeRegExp).join('\\s+')}|${escapeRegExp(surname)})\\b(?:['’]s)?`, 'g');
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    const end = at + m[0].length;
    if (m[0].endsWith('s') && /['’]s$/.test(m[0])) continue;
    // Words in front of the name: lower-case modifiers ending right before it.
    const before = text.slice(0, at).split(/\s+/).filter(Boolean);
    const front: string[] = [];
    while (before.length && front.length < 5) {
      const w = before[before.length - 1]!;
      if (/[,.;:!?"“”()—–-]$/.test(w) || BOUNDARY.has(w.toLowerCase())) break;
      front.unshift(w);
      before.pop();
    }
    while (front.length && /^\p{Lu}/u.test(front[0]!) && front.length > 1 && /^(Earlier|Later|Meanwhile|Now|Former)$/.test(front[0]!)) front.shift();
    // The word before the name is the descriptor's head noun: not a verb ("included", "adds").
    const head = front[front.length - 1];
    // …and a noun ("presenter", "designer"), as WordNet mostly uses it: not "think" in "I think Sir Alan…".
    // "former world number 30 Harel Levy": a place in a ranking ends the description.
    const ranked = head !== undefined && /^\d{1,4}$/.test(head) && /^(?:number|no\.?)$/i.test(front[front.length - 2] ?? '');
    if (ranked) push(out, s, front.join(' '), 0.85);
    else if (
      head &&
      /^\p{Ll}/u.test(head) &&
      !/(ed|ing)$/.test(head) &&
      !(front.length === 1 && /[^s]s$/.test(head)) &&
      mainPartOfSpeech(head.replace(/['’]s$/, '')) !== 'verb'
    )
      push(out, s, front.join(' '), 0.85);
    const after = text.slice(end);
    // "X was Home Office permanent secretary…", "X is a…"
    const copula = /^\s+(?:is|was|has been|had been|became|is now|was once)\s+((?:the|a|an)\s+)?/i.exec(after);
    // …but "X is investigating", "X was congratulated by", "X is now being regarded as" tell what X
    // does or undergoes, not who X is.
    // Without an article the description must end in a noun ("was Home Office permanent secretary"),
    // not run on as a clause ("is confident she and … will not be").
    if (copula && (copula[1] || !PARTICIPLE.test(after.slice(copula[0].length)))) {
      const described = clause(after.slice(copula[0].length), copula[1] ?? '');
      if (copula[1] || mainPartOfSpeech(described.split(/\s+/).pop() ?? '') === 'noun') push(out, s, described, 0.9);
    }
    // "X, the Kremlin spokesman, said…", "X, 23, a junior studying design…"
    const apposition = /^,\s+(?:\d{1,3},\s+)?((?:the|a|an)\s+|(?=\p{Ll}))/u.exec(after);
    const appended = apposition ? clause(after.slice(apposition[0].length), apposition[1] ?? '') : '';
    // "X, 23, of El Monte": a place or circumstance, not a description; but "X, from the controversial
    // group Fathers 4 Justice": the body a person speaks for describes them.
    if (apposition && (apposition[1] || !BOUNDARY.has(appended.split(/\s+/)[0]!.toLowerCase()) || fromABody(appended))) push(out, s, appended, 0.8);
    // "The U.S. victim was Nohemi Gonzalez"
    const reverse = /\b(?:[Tt]he|[Aa]n?)\s+((?:[\p{L}.'’-]+\s+){0,5}?[\p{Ll}][\p{L}'’-]*)\s+(?:is|was)\s+$/u.exec(text.slice(0, at));
    if (reverse) push(out, s, reverse[1]!, 0.85);
  }
  return out;
}

/**
 * "from the campaign group X", "of the charity Y": a phrase that places someone in a body WordNet files
 * as an organisation; and "from Human Rights Watch": a name of several words after "from" that is no
 * place (a country, or a city or region WordNet knows).
 */
function fromABody(phrase: string): boolean {
  if (/^(?:from|of)\s/i.test(phrase) && phrase.split(/\s+/).some((w) => /^\p{Ll}+$/u.test(w) && (w === 'group' || isKindOf(w, 'organization')))) return true;
  const name = /^from\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*['’]s\s+)?((?:\p{Lu}[\p{L}&.-]*\s+){1,5}\p{Lu}[\p{L}&.-]*)$/u.exec(phrase)?.[1];
  return name !== undefined && countryOf(name) === null && !kindsOfName(name).has('geographical area');
}

function clause(rest: string, article: string): string {
  const cut = DESCRIPTOR_END.exec(rest);
  const words = (cut ? rest.slice(0, cut.index) : rest).trim().split(/\s+/).slice(0, MAX_DESCRIPTOR_WORDS);
  return `${article}${words.join(' ')}`.trim();
}

function push(out: Candidate[], s: ScoredSentence, value: string, confidence: number): void {
  const terms = analyzeText(value);
  if (terms.length === 0 || value.length < 3) return;
  out.push({
    key: `descr:${terms.slice(-3).join(' ')}`,
    value,
    mention: value,
    sentence: s,
    confidence,
  });
}
