import { hasVerbSense } from '../wordnet.ts';
import { KIND_TOLD_BY_CLAUSE } from '../question-shape.ts';
import { extractRoleHolders, extractRoles, isRoleTarget } from '../extract/role.ts';
import type { Candidate } from '../extract/candidate.ts';
import { extractDescriptors } from './descriptor.ts';
import type { Family } from './family.ts';

/** "who is / who's / who was… <rest>": the rest of the question. */
const WHO_IS = /^who(?:'s| is| was| are| were)\s+(.+)$/i;

/**
 * "who is Yuri Ushakov?" and "who is the Kremlin spokesman?" ask for a role or a name; "who was killed?"
 * and "who is responsible for X?" ask for an agent.
 */
function isWhoIs(question: string): boolean {
  const m = WHO_IS.exec(question);
  if (!m) return false;
  const rest = m[1]!.trim();
  // "who was it that froze him out?": a cleft asks who did it.
  if (/^it (?:that|who)\b/i.test(rest)) return false;
  // "who's the academic who reckoned…", "who was the first celeb to get booted…": a kind told by what
  // its holder did asks for that holder, as a who-question does.
  if (/^(?:the|a|an) (?:[\p{L}'’-]+ ){1,3}?(?:who|that|whom|to)\b/iu.test(rest)) return false;
  // "who's the producer stan lee is partnering with…": so is a kind told by a clause without "who".
  if (KIND_TOLD_BY_CLAUSE.test(question.toLowerCase())) return false;
  if (
    /^(the |a |an )?(\w+ ){0,3}(responsible|behind|in charge|leading|involved|accused|blamed|suspected|believed|thought|said|expected|going|set|due|likely)\b/i.test(
      rest,
    )
  )
    return false;
  // "who was killed", "who were arrested": a lower-case participle right after the verb asks for an agent.
  // ("ken" is no participle: a stem of two letters or more before the ending.)
  if (/^(?:\p{Ll}+ )?\p{Ll}{2,}(ed|en)\b/u.test(rest) && !/^(the|a|an) /i.test(rest)) return false;
  // "who was reportedly drawing up a list…", "who is leading the talks": a verb in the progressive.
  const progressive = /^(?:\p{Ll}+ly )?(\p{Ll}{3,}ing)\b/u.exec(rest)?.[1];
  // ("who's partnering Murray": a verb form with a verb sense, even of a word mostly a noun.)
  if (progressive && hasVerbSense(progressive)) return false;
  // "who's curry teaming up with…": a progressive after a name asks whom that person acts with.
  // ("who is lee co-writing the screenplay with": a prefixed verb is read by its verb.)
  const afterName = /^\p{L}+ (?:\p{Ll}+-)?(\p{Ll}{3,}ing)\b/u.exec(rest)?.[1];
  if (afterName && !/^(?:the|a|an) /i.test(rest) && hasVerbSense(afterName)) return false;
  return true;
}

/** A phrase after a name that places it in a story: "in the … story", "from the band", "on the single", "in all this". */
const NAME_CONTEXT = /\s+(?:in|on|from|at|with|behind|during)\s+(?:all\s+(?:of\s+)?)?(?:the|a|an|this|that|these|those|his|her|their|its)\b.*$/i;

/** The person or role a who-is question asks about ("who is Yuri Ushakov?" → Yuri Ushakov). */
function whoIsTarget(q: string): string | null {
  if (/^what (?:is|was) (?:his|her|their|its) (?:role|job|position|title)\b/i.test(q)) return 'they';
  const m = WHO_IS.exec(q) ?? /^what (?:is|was) (.+?)['’]s (?:role|job|position|title)/i.exec(q) ?? /^what does (.+?) do\b/i.exec(q);
  // "who is giles bradshaw, the guy with the four dogs?", "who is mike read? saw his name…": the name,
  // not what the asker adds after it.
  // "who is craig brown again?": the asker's "again" is no part of the name.
  const target = m?.[1]
    ?.replace(/[,?!.].*$/, '')
    .replace(/\s+(?:again|exactly|then|now|though|anyway)\s*$/i, '')
    .trim();
  if (!target) return null;
  // "who is David Roberts in the christmas formula story", "who is theresa may in all this": a name,
  // however typed, ends where a phrase about its story begins (a role keeps its "of": "the head of the tribunal").
  return /^(?:the|a|an)\s/i.test(target) ? target : target.replace(NAME_CONTEXT, '').trim();
}

/**
 * What a who-is question adds after the name it asks about: "the guy with the four dogs" in "who is
 * giles bradshaw, the guy with the four dogs?", "saw his name on the single" after "who is mike read?".
 */
function whoIsScene(q: string): string | null {
  const rest = WHO_IS.exec(q)?.[1];
  return (rest && /^[^,?!.]+[,?!.]\s*(.+)$/.exec(rest)?.[1]) ?? null;
}

/**
 * "Who is X?" questions: the role the coverage gives a person ("Kremlin foreign policy adviser Yuri
 * Ushakov"), or the person holding a role ("who is the Kremlin spokesman?").
 */
export const whoIs: Family = {
  name: 'who_is',
  detect: [
    {
      order: 130,
      test: (lower, original) => /^(who|whom|whose)\b/.test(lower) && isWhoIs(original),
    },
    {
      order: 150,
      test: (lower) => /^what (is|was) (his|her|their|its) (role|job|position|title)\b/.test(lower),
    },
    {
      order: 190,
      test: (lower) => /^what (is|was) .+['’]s (role|job|position|title)\b|^what does .+ do\b/.test(lower),
    },
  ],
  entity: whoIsTarget,
  scene: whoIsScene,
  typed: false,
  minRelevance: 0.45,
  conflicts: false,
  reask: (_q, name) => `who is ${name}?`,
  extract: ({ q, sentences }) => {
    const target = q.entity ?? q.focus.join(' ');
    const out: Candidate[] = [];
    const role = isRoleTarget(target);
    for (const s of sentences) out.push(...(role ? extractRoleHolders(s, target, q.text) : extractRoles(s, target, { anyPerson: true })));
    // No role word the lexicon knows: how the coverage describes the name ("married publisher Kimberly Quinn").
    if (!out.length && !role) for (const s of sentences) out.push(...extractDescriptors(s, target));
    return out;
  },
};
