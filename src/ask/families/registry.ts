import { about } from './about.ts';
import { how } from './how.ts';
import { howLong } from './how-long.ts';
import { howMany } from './how-many.ts';
import { howOld } from './how-old.ts';
import { said } from './said.ts';
import { whatTime } from './what-time.ts';
import { whatX } from './what-x.ts';
import { when } from './when.ts';
import { where } from './where.ts';
import { who } from './who.ts';
import { whoIs } from './who-is.ts';
import { why } from './why.ts';
import { yesNo } from './yes-no.ts';
import type { Family } from './family.ts';
import type { QuestionFamily } from '../parsed-question.ts';

/**
 * The question families, by name. Adding a family: write its module (see family.ts), add its name to
 * `QuestionFamily` and its object here.
 */
const FAMILIES: Readonly<Record<QuestionFamily, Family>> = {
  who,
  who_is: whoIs,
  when,
  what_time: whatTime,
  how_long: howLong,
  how_many: howMany,
  how_old: howOld,
  where,
  said,
  why,
  how,
  yes_no: yesNo,
  what_x: whatX,
  about,
};

/** Every family's detection rules, in the order they are tried. */
const RULES = Object.values(FAMILIES)
  .flatMap((f) => f.detect.map((r) => ({ ...r, family: f.name })))
  .sort((a, b) => a.order - b.order);

/** Echo words ("…for where again?") → the family they ask as; longest first so "how many" beats "how". */
const ECHO_WORDS = new Map(Object.values(FAMILIES).flatMap((f) => (f.echoWords ?? []).map((w) => [w, f.name] as const)));
const ECHO_QUESTION = new RegExp(
  `\\b(${[...ECHO_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})(?:\\s+(?:again|exactly|then|now|though))?\\s*\\??\\s*$`,
);

/**
 * The family a question belongs to: a question word at its end asks as at the start ("boris is mp
 * for where again?"); otherwise the first detection rule that holds, else `about`.
 * @example detectFamily('who requested the call?') // 'who'
 */
export function detectFamily(original: string): QuestionFamily {
  const lower = original.toLowerCase();
  const echo = ECHO_QUESTION.exec(lower)?.[1];
  if (echo && !/^(?:who|what|when|where|which|why|how)\b/.test(lower)) return ECHO_WORDS.get(echo)!;
  return RULES.find((r) => r.test(lower, original))?.family ?? 'about';
}

/**
 * The module of a family.
 * @example familyOf('how_long').typed // true
 */
export function familyOf(name: QuestionFamily): Family {
  return FAMILIES[name];
}
