import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeText } from '../index/analyzer.ts';
import { escapeRegExp } from '../text/patterns.ts';
import { nameSpans } from './tokens.ts';
import { classifySpan } from './extract/entities.ts';
import { countryOf, isCountryName } from './gazetteer.ts';

/**
 * People a question names by their role at a named body: "the gartner guy", "the jupiter analyst",
 * "the ask jeeves exec", "the macworld magazine news editor". Chat users seldom type the name; the
 * coverage gives it once ("Brian Gammage, vice-president of research at analysts Gartner") and then
 * the surname ("Mr Gammage said…"). Reading the role as that person lets every family match the
 * sentences that name them.
 */

/** Nouns a chat user names a person by: their job, or just "guy" / "boss". */
const ROLE_NOUNS =
  'guy|bloke|boss|exec|executive|chief|spokesman|spokeswoman|spokesperson|analyst|editor|official|lawyer|chairman|chairwoman|director|head|researcher|expert|campaigner|manager|founder|rep|representative|man|woman|professor|academic';

/** Role nouns that say nothing of the job: any person of the body may be meant. */
const GENERIC_ROLES = new Set(['guy', 'bloke', 'boss', 'exec', 'executive', 'chief', 'head', 'man', 'woman', 'rep', 'representative', 'official']);

/**
 * "the Gartner guy", "Dell's spokesman", "the Macworld magazine news editor": the body's capitalised
 * name (the question is truecased), up to two lower-case words that qualify the role, the role noun.
 */
const ROLE_PHRASE = new RegExp(
  `(?:\\bthe\\s+)?((?:\\p{Lu}[\\p{L}\\d&.-]*\\s+){0,2}\\p{Lu}[\\p{L}\\d&.-]*(?:['’]s)?)\\s+((?:[\\p{Ll}-]+\\s+){0,2})(${ROLE_NOUNS})\\b`,
  'gu',
);

/** Sentences read for the people of a body, at most. */
const PASSAGES_READ = 30;

/** A role phrase of a question and the person the coverage gives that role. */
export interface RoleReferent {
  /** The words of the question that name the role ("the gartner guy"). */
  phrase: string;
  /** The person's name as the coverage writes it ("Brian Gammage"). */
  name: string;
}

/**
 * The person a question's role phrase stands for, when the coverage names exactly one person of that
 * body next to it ("NAME, … at BODY", "NAME of BODY", "BODY's … NAME"); null otherwise.
 * @param question - the question as corrected and truecased (names capitalised: "the Gartner guy")
 * @example roleReferent(index, 'what did the Gartner guy say?') // { phrase: 'the Gartner guy', name: 'Brian Gammage' }
 */
export function roleReferent(index: CorpusIndex, question: string): RoleReferent | null {
  for (const m of question.matchAll(ROLE_PHRASE)) {
    const body = m[1]!.replace(/['’]s$/i, '');
    // "the British guy": a nationality is no body that employs anyone.
    if (countryOf(body) || isCountryName(body)) continue;
    // "which Futurelab researcher…" asks for the person: the role is the question, not a reference.
    // ("who was the California official that…" likewise.)
    if (/\b(?:which|what|whose)\s+$|^\s*who(?:['’]?s|\s+(?:is|was|are|were))\s+$/i.test(question.slice(0, m.index))) continue;
    const role = m[3]!.toLowerCase();
    const name = holderOf(index, body, GENERIC_ROLES.has(role) ? null : role);
    // "when did Richard Scudamore become Premier League chief executive": named already.
    if (name && !new RegExp(`\\b${escapeRegExp(name.split(/\s+/).at(-1)!)}\\b`, 'i').test(question)) return { phrase: m[0], name };
  }
  return null;
}

/**
 * The one person the coverage names as of a body, by their surname's count; null when none or a tie.
 * @param role - the job the question gives them ("news editor"), which the coverage must say between
 *   the name and the body; null for a role that says no job ("guy", "boss")
 */
function holderOf(index: CorpusIndex, body: string, role: string | null): string | null {
  const terms = analyzeText(body);
  if (!terms.length) return null;
  const b = escapeRegExp(body);
  const mentions = new RegExp(`\\b${b}\\b`, 'iu');
  // "Brian Gammage, vice-president of research at analysts Gartner", "Tony Macklin, director of product at Ask Jeeves".
  const after = new RegExp(`^,?\\s+((?:[\\p{L}-]+\\s+){0,8}?)(?:at|of|from|for|with)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${b}\\b`, 'iu');
  // "Evening Standard reporter Oliver Finegold", "Gartner's analyst Brian Gammage".
  const before = new RegExp(`\\b${b}(?:['’]s)?\\s+((?:[\\p{Ll}-]+\\s+){1,3})$`, 'iu');
  const rolePattern = role === null ? null : new RegExp(`\\b${escapeRegExp(role)}s?\\b`, 'i');
  const hasRole = (between: string): boolean => rolePattern === null || rolePattern.test(between);
  const counts = new Map<string, { name: string; n: number }>();
  for (const hit of index.searchTerms(new Map(terms.map((t) => [t, 1])), PASSAGES_READ)) {
    const text = hit.passage.text;
    if (!mentions.test(text)) continue;
    for (const span of nameSpans(text)) {
      // A person: two or three capitalised words, no body or place ("Court of Arbitration for Sport").
      const words = span.text.split(/\s+/);
      if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w)) || mentions.test(span.text)) continue;
      const kind = classifySpan(text, span).kind;
      if (kind !== 'person' && kind !== 'other') continue;
      const tail = after.exec(text.slice(span.end, span.end + 120));
      const lead = before.exec(text.slice(Math.max(0, span.start - 80), span.start));
      if (!(tail && hasRole(tail[1]!)) && !(lead && hasRole(lead[1]!))) continue;
      const surname = words.at(-1)!;
      const seen = counts.get(surname) ?? { name: span.text, n: 0 };
      seen.n++;
      counts.set(surname, seen);
    }
  }
  const ranked = [...counts.values()].sort((x, y) => y.n - x.n);
  if (!ranked.length || (ranked[1] && ranked[1].n === ranked[0]!.n)) return null;
  return ranked[0]!.name;
}
