import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from '../extract/candidate.ts';
import { escapeRegExp } from '../../text/patterns.ts';
import { NUMBER_WORDS } from '../lexicon.ts';
import { mainPartOfSpeech } from '../wordnet.ts';
import type { Family } from './family.ts';

/**
 * "How old…" questions: the age the coverage gives a person, as news writes it: "Thanou, 29,",
 * "Nick Alexander (36)", "the 17-year-old Andrew Murray", "Jackie Stallone, aged 83". An age told
 * beside the name asked about is read surely; one elsewhere in a sentence that names the person
 * ("Murray… the 17-year-old") is weaker, and nearness ranks it.
 */

/** "how old is X", "what age was X", "X's age": the person asked about. */
const HOW_OLD = /^(?:how old|what age)\s+(?:is|was|are|were|will|would)\s+(?:be\s+)?(.+?)(?:\s+(?:now|when|at|in|on|after|before|during)\b.*)?[?.!]*$/i;
const AGE_OF = /^what(?:'s|’s| is| was)\s+(.+?)['’]s? age\b/i;

/** Ages as news writes them: after a name with commas or brackets, "aged N", "N-year-old". */
const AGE_AFTER_NAME = /^\s*(?:,\s*(?:aged\s+)?|\(\s*(?:aged\s+)?)(\d{1,3})\s*[,)]/;
/** Ages written in words ("four years old"), up to twenty. */
const AGE_NUMBER_WORDS = Object.keys(NUMBER_WORDS).filter((w) => w.length > 2 && NUMBER_WORDS[w]! > 1 && NUMBER_WORDS[w]! <= 20);
/** "17-year-old", "17 years old", "four years old": the age in its first group. */
const YEARS_OLD = String.raw`(\d{1,3}|${AGE_NUMBER_WORDS.join('|')})[-\s]years?[-\s]old`;
const AGE_WORDS = new RegExp(String.raw`\b(?:aged\s+(\d{1,3})\b|${YEARS_OLD}\b)`, 'gi');
/** An age right before a name, with at most two words of the name between ("the 17-year-old Andrew Murray"). */
const AGE_BEFORE_NAME = new RegExp(String.raw`${YEARS_OLD}\s+(?:[\p{Lu}][\p{L}'’-]*\s+){0,2}$`, 'u');
/** How much of the question a sentence must cover for an age in it to answer without the name asked about. */
const COVERING = 0.8;
/** What an age counts that the sentence does not set beside the name asked about. */
const LOOSE_AGE = 0.6;

/** The person a how-old question asks about, or null. */
function ageTarget(question: string): string | null {
  const m = HOW_OLD.exec(question.trim()) ?? AGE_OF.exec(question.trim());
  // "how old was nick alexander, the british guy killed…": the name, not what the asker adds.
  return (
    m?.[1]
      ?.replace(/[,;].*$/, '')
      .replace(/^(?:the|a|an)\s+/i, '')
      .trim() || null
  );
}

/**
 * Ages a sentence gives: beside the target's name (surely), or anywhere ("aged 29", "29-year-old").
 * An age beside the surname under another given name ("13-year-old Younes Abaaoud" when the question
 * means Abdelhamid) is someone else's.
 * @param target - the person asked about ("Nick Alexander"); null reads every age loosely
 * @param given - the target's given name, lower case, when known (asked, or the one the coverage
 *   gives the surname most): another given name before the surname is another person
 * @example extractAges(sentence('Thanou, 29, won silver.'), 'thanou')[0].value // '29'
 */
export function extractAges(s: ScoredSentence, target: string | null, given: string | null = null): Candidate[] {
  const out: Candidate[] = [];
  const push = (age: string, at: number, mention: string, confidence: number): void => {
    // ("four years old": a number in words is shown as written, with its unit.)
    const spelt = NUMBER_WORDS[age.toLowerCase()];
    const years = spelt ?? Number(age);
    if (spelt !== undefined) age = `${age} years`;
    if (years < 1 || years > 120) return;
    out.push({ key: `age:${years}`, value: age, mention, at, sentence: s, confidence });
  };
  const surname = target?.split(/\s+/).pop();
  let mentioned = !surname;
  if (surname && surname.length > 1) {
    for (const m of s.text.matchAll(new RegExp(`\\b${escapeRegExp(surname)}\\b`, 'gi'))) {
      const before = s.text.slice(Math.max(0, m.index - 60), m.index);
      const namedFirst = GIVEN_BEFORE.exec(before)?.[1]?.toLowerCase();
      if (given && namedFirst && namedFirst !== given) continue;
      mentioned = true;
      const end = m.index + m[0].length;
      const after = AGE_AFTER_NAME.exec(s.text.slice(end));
      if (after) push(after[1]!, end, after[0].trim(), 1);
      // "the 17-year-old Andrew Murray": the age right before the name.
      const ageBefore = AGE_BEFORE_NAME.exec(before);
      if (ageBefore) push(ageBefore[1]!, m.index - ageBefore[0].length, ageBefore[0].trim(), 1);
    }
  }
  // "The 33-year-old received the ban…" after a sentence naming her: the sentence stands for the person by what it opens with.
  if (!mentioned && surname && [...s.matched].some((label) => label.toLowerCase() === surname.toLowerCase())) mentioned = true;
  // Elsewhere in the sentence, only where it names the person ("Murray … the 17-year-old will play"):
  // another sentence's ages are other people's.
  // ("The current version of Internet Explorer is four years old": a thing asked about by its
  // description is named otherwise; a sentence that covers the question tells its age.)
  // (A description opens on a common lower-case word, "the current version of IE"; a name does not.)
  const opening = target?.replace(/^(?:the|a|an|its|his|her|their)\s+/i, '').split(/\s+/)[0] ?? '';
  const described = /^\p{Ll}/u.test(opening) && mainPartOfSpeech(opening) !== null;
  if ((mentioned || (described && s.relevance >= COVERING)) && out.length === 0)
    for (const m of s.text.matchAll(AGE_WORDS)) push((m[1] ?? m[2])!, m.index, m[0], LOOSE_AGE);
  return out;
}

/** A capitalised word right before a surname: its given name ("Abdelhamid Abaaoud"). */
const GIVEN_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{Ll}'’-]+)\s+$/u;

/**
 * The given name of the person asked about: the question's own ("nick alexander"), else the one the
 * sentences put before the surname most often, else null.
 */
function givenName(target: string | null, sentences: readonly ScoredSentence[]): string | null {
  const words = target?.toLowerCase().split(/\s+/) ?? [];
  if (words.length > 1) return words[0]!;
  const surname = words[0];
  if (!surname) return null;
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const m of s.text.matchAll(new RegExp(`(\\p{Lu}[\\p{Ll}'’-]+)\\s+${escapeRegExp(surname)}\\b`, 'giu'))) {
      const g = m[1]!.toLowerCase();
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** "How old…" questions: see {@link extractAges}. */
export const howOld: Family = {
  name: 'how_old',
  detect: [{ order: 45, test: (lower) => /^(?:how old|what age)\b|^what(?:'s|’s| is| was) .+['’]s? age\b/.test(lower) }],
  echoWords: ['how old'],
  entity: ageTarget,
  asking: (word) => word === 'old' || word === 'age',
  cues: ['aged', 'year-old'],
  typed: true,
  minRelevance: 0.7,
  conflicts: true,
  extract: ({ q, sentences }) => {
    const given = givenName(q.entity, sentences);
    return sentences.flatMap((s) => extractAges(s, q.entity, given));
  },
};
