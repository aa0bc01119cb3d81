import type { CorpusIndex } from '../../index/corpus-index.ts';
import { analyzeTerm, isVerbForm } from '../../index/analyzer.ts';
import { asksForName, asksForSort, KIND_TOLD_BY_CLAUSE, PREPOSITION_PEERS, STRANDED_PREPOSITION, whichNoun } from '../question-shape.ts';
import type { ScoredSentence, Slot } from '../retrieve.ts';
import { candidateScore, type Candidate } from '../extract/candidate.ts';
import {
  extractAgents,
  extractNominalAgents,
  extractPatients,
  extractPrepositionObjects,
  extractQuoteTeller,
  extractSpeakers,
  extractSubjects,
  extractMentioned,
  extractNamesOfKind,
  extractByAgents,
} from '../extract/agent.ts';
import { extractRoleHolders } from '../extract/role.ts';
import { extractTitles } from '../extract/title.ts';
import { extractAskedOutlets, isOutletKind } from '../extract/outlet.ts';
import { isKindOf, mainPartOfSpeech, namesNoDoer, namesPersonOrBody, relatedWords } from '../wordnet.ts';
import { extractNamedAs } from './named.ts';
import type { Family } from './family.ts';
import { OPINION_VERBS } from '../lexicon.ts';
import type { ParsedQuestion } from '../parsed-question.ts';

/**
 * "Who" questions: who did it (agents: "requested by Russia", "which Putin requested"), whom it was
 * done to ("who did the unions meet?", "who was arrested?"), who said it (the speaker of a quote), the
 * partner of a stranded preposition ("who did Blinken talk to?"), names given a kind ("which band…")
 * or a name ("what's the name of…"), and, when no construction names anyone, the subject of the
 * sentences that cover the question best.
 */

/** Other answers to a question with a stranded preposition count less: it asks for the preposition's object. */
const STRANDED_AGENT_FACTOR = 0.7;

/**
 * Candidate answers to a who-question from the readable sentences.
 * @example extractWho(index, parseQuestion('who requested the call?'), slots, sentences)[0].value // 'Russia'
 */
function extractWho(index: CorpusIndex, q: ParsedQuestion, slots: readonly Slot[], sentences: readonly ScoredSentence[]): Candidate[] {
  const out: Candidate[] = [];
  const relation = relationSlots(slots);
  // "…sign him from?", "…talk to on Wednesday?": the answer follows that preposition.
  const stranded = STRANDED_PREPOSITION.exec(q.text.toLowerCase())?.[1];
  if (stranded)
    for (const s of sentences) for (const p of PREPOSITION_PEERS[stranded] ?? [stranded]) out.push(...extractPrepositionObjects(index, s, p, slots));
  // "who did the unions meet?", "who was arrested?": whom it was done to.
  const patient = !stranded && asksForPatient(q.text);
  // An object question's verb is a bare form ("who did the unions meet"): a word WordNet mostly uses as a verb.
  const patientRelation = relation.some((r) => isVerbForm(r.label))
    ? relation
    : slots.filter((r) => !r.subject && /^\p{Ll}/u.test(r.label) && mainPartOfSpeech(r.label) === 'verb');
  if (patient) for (const s of sentences) out.push(...extractPatients(index, s, patientRelation, slots));
  // "who said the hike looked like a sweetener?": whoever tells the quote.
  const speech = relation.filter((r) => PURE_SPEECH.has(r.label.toLowerCase()));
  if (speech.length)
    for (const s of sentences)
      out.push(
        ...extractSpeakers(
          index,
          s,
          slots.filter((x) => !speech.includes(x) && !x.subject),
          slots,
        ),
      );
  for (const s of sentences)
    out.push(...extractAgents(index, s, relation, slots).map((c) => (stranded || patient ? { ...c, confidence: c.confidence * STRANDED_AGENT_FACTOR } : c)));
  // "who's behind the screensaver?": whoever made, runs or owns it ("Lycos has made a screensaver",
  // "Sega's launch title Project Rub").
  if (BEHIND.test(q.text)) for (const s of sentences) out.push(...extractAgents(index, s, [MAKING], slots), ...extractOwners(index, s, slots));
  // "who ran the inquiry?" answered by "the inquiry by Sir Alan Budd".
  const nouns = slots.filter((x) => !x.subject && !relation.includes(x) && /^\p{Ll}/u.test(x.label) && mainPartOfSpeech(x.label) === 'noun');
  if (!stranded && !patient && nouns.length) for (const s of sentences) out.push(...extractNominalAgents(index, s, nouns, slots));
  // "who compared…?" answered by a quote that says it: its teller, named before the quote ran on.
  if (!stranded && !patient) for (const s of sentences) out.push(...extractQuoteTeller(index, s, slots));
  // "a complaint has been made … by the Board of Deputies" for "who lodged the complaint?": whoever
  // the best sentences name after "by" did something they tell, whatever the verb.
  if (!stranded && !patient)
    for (const s of sentences.filter((x) => x.relevance >= BY_AGENT_RELEVANCE).slice(0, BY_AGENT_SENTENCES)) out.push(...extractByAgents(index, s, slots));
  // "who chaired the committee?" answered by "Committee chairman Alan Beith", "who founded it?" by
  // "founder Dhirubhai Ambani": the person WordNet derives from the asked action names its doer.
  if (!stranded && !patient)
    for (const noun of doerNouns(relation))
      for (const s of sentences) out.push(...extractRoleHolders(s, noun, q.text).map((c) => ({ ...c, confidence: c.confidence * DOER_FACTOR })));
  // "what's the name of the police dog…": names given with "named" / "called".
  if (asksForName(q.text)) for (const s of sentences) out.push(...extractNamedAs(s));
  // "which band…": names given that kind ("rock band Eagles of Death Metal").
  if (q.entity)
    for (const s of sentences)
      out.push(
        ...extractRoleHolders(s, q.entity, q.text).map((c) => ({
          ...c,
          confidence: c.confidence * (stranded ? STRANDED_AGENT_FACTOR : 1),
        })),
      );
  // "which radio station did he speak to?": the name after a verb of telling ("told BBC Five Live").
  if (q.entity && isOutletKind(q.entity)) for (const s of sentences) out.push(...extractAskedOutlets(s));
  // "which song did Foxx do?": titles of a work, small words and all ("Georgia on My Mind").
  if (q.entity) for (const s of sentences) out.push(...extractTitles(s, q.entity, q.terms));
  // "which country knocked them out?": names WordNet files under the asked kind ("the might of Sweden").
  if (q.entity) {
    const head = q.entity.split(/\s+/).at(-1)!;
    for (const s of sentences) out.push(...extractNamesOfKind(index, s, head, slots));
  }
  // Nothing read from a construction: the sentences that cover the question best name their
  // subject first ("Jawad Bendaoud, 29, … rented the flat"), a weaker reading; a sentence that covers
  // nearly all of it may name the answer anywhere ("with Altria rising 5%"), weaker still.
  if (!out.some((c) => c.sentence.relevance >= SUBJECT_FALLBACK_RELEVANCE))
    for (const s of sentences.filter((x) => x.relevance >= SUBJECT_FALLBACK_RELEVANCE).slice(0, 3))
      out.push(...extractSubjects(index, s, slots), ...(s.relevance >= MENTIONED_RELEVANCE ? extractMentioned(index, s, slots) : []));
  // "the 1986 World Cup", "a best picture Oscar": a contest or an award did nothing (unless the question asks for one).
  return q.entity ? out : out.filter((c) => !namesNoDoer(c.value));
}

/** "who is behind…", "which company is behind…": who made, runs or owns it. */
const BEHIND = /\b(?:is|are|was|were|s)\s+(?:\p{L}+\s+)?behind\b/iu;

/** The verbs of making, running and owning, as the one slot a "behind" question's agents do. */
const MAKING: Slot = {
  label: 'behind',
  terms: new Map(
    [
      'make',
      'made',
      'create',
      'created',
      'develop',
      'developed',
      'produce',
      'produced',
      'build',
      'built',
      'design',
      'designed',
      'run',
      'own',
      'owned',
      'found',
      'founded',
      'launch',
      'launched',
      'invent',
      'invented',
    ].map((w) => [analyzeTerm(w) ?? w, 1] as [string, number]),
  ),
  phrases: [],
  idf: 1,
  subject: false,
};

/**
 * Owners of what the question names: "Sega's launch title Project Rub" for "which company is behind
 * Project Rub?", a possessive at most three lower-case words before a name of the question.
 */
function extractOwners(index: CorpusIndex, s: ScoredSentence, slots: readonly Slot[]): Candidate[] {
  const named = slots.filter((x) => !x.subject && /^\p{Lu}/u.test(x.label));
  const owners = new Set<string>();
  for (const m of s.text.matchAll(/(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*)['’]s\s+((?:\p{Ll}[\p{Ll}-]*\s+){0,3})(\p{Lu}[\p{L}-]*)/gu)) {
    const term = analyzeTerm(m[3]!);
    if (term !== null && named.some((x) => x.terms.has(term))) owners.add(m[1]!);
  }
  return owners.size ? extractMentioned(index, s, slots).filter((c) => owners.has(c.value)) : [];
}

/** A name given the doer's title counts a little less than one that does the action itself (0.9: chosen on dev; 1 answered an unanswerable one). */
const DOER_FACTOR = 0.9;

/** The persons WordNet relates to the question's actions: "chairman" for "chaired", "founder" for "founded", "owner" for "owned". */
function doerNouns(relation: readonly Slot[]): string[] {
  return [
    ...new Set(
      relation
        .filter((r) => /^\p{Ll}/u.test(r.label) && (isVerbForm(r.label) || mainPartOfSpeech(r.label) === 'verb'))
        .flatMap((r) => {
          const related = relatedWords(r.label);
          return [...related.derivations, ...related.synonyms];
        })
        .filter((d) => mainPartOfSpeech(d) === 'noun' && namesPersonOrBody(d)),
    ),
  ];
}

/**
 * The slots that name the action whose agent a "who" question asks for: its verbs ("requested",
 * "playing", "held"), or its first word when it has none ("who … talks with Zelenskyy"). Objects such
 * as "the attacks" are not actions: "Paris attacks" must not make Paris an agent.
 */
function relationSlots(slots: readonly Slot[]): Slot[] {
  const own = slots.filter((s) => !s.subject);
  const verbs = own.filter((s) => /^\p{Ll}/u.test(s.label) && isVerbForm(s.label));
  return verbs.length ? verbs : own.slice(0, 1);
}

/** How well a sentence must cover the question for its subject to answer who did it (0.7: chosen on the dev and val stories; 0.6 and 0.75 scored less). */
const SUBJECT_FALLBACK_RELEVANCE = 0.7;

/** How well a sentence must cover the question for a name after its "by" to answer (0.5: chosen on dev and val; 0.45 and 0.55 scored the same). */
const BY_AGENT_RELEVANCE = 0.5;
/** The best sentences read for names after "by". */
const BY_AGENT_SENTENCES = 5;

/** How well a sentence must cover the question for any name it mentions to answer (chosen on dev and val: 0.7 and 0.75 answered more unanswerable questions). */
const MENTIONED_RELEVANCE = 0.8;

/** Verbs that only report speech: "who said…" asks for a speaker ("announced a list" is an act); "who thinks…" asks for one too. */
const PURE_SPEECH = new Set(['say', 'said', 'says', 'tell', 'told', 'tells', 'claim', 'claimed', 'claims', 'warn', 'warned', 'warns', ...OPINION_VERBS]);

/** "who did the unions meet…", "whom will he face…": an auxiliary, then the subject, then the verb. */
const OBJECT_QUESTION = /^who(?:m)?\s+(?:did|does|do|will|would|can|could|should|has|have|had)\s+([\p{L}'’-]+)/iu;
/** "who was arrested…", "who has been charged…": the question's verb in the passive. */
const PASSIVE_QUESTION = /^who\s+(?:was|were|is|are|will be|has been|have been|had been|got|get|gets)\s+([\p{L}'’-]+)/iu;

/**
 * True when a who-question asks for whom the action was done to, not who did it: an object question
 * (the word after the auxiliary is its subject, not a verb) or a question in the passive.
 */
function asksForPatient(text: string): boolean {
  const passive = PASSIVE_QUESTION.exec(text)?.[1];
  if (passive) return isVerbForm(passive) && !/ing$/i.test(passive);
  const subject = OBJECT_QUESTION.exec(text)?.[1];
  return subject !== undefined && !isVerbForm(subject) && mainPartOfSpeech(subject) !== 'verb';
}

/**
 * For "who" answers: when most sources name a country, people the coverage ties to a country count
 * for it ("which Putin requested" supports "Russia").
 */
function regroupAgents(candidates: Candidate[]): Candidate[] {
  const countryVotes = candidates.filter((c) => c.key.startsWith('country:')).length;
  const personVotes = candidates.filter((c) => !c.key.startsWith('country:')).length;
  if (countryVotes === 0 || countryVotes < personVotes / 2) return candidates;
  // Only when the strongest evidence itself names a country: "who won best director?" is a person
  // even where the coverage mentions countries ("one of only two British winners").
  const strongest = candidates.reduce<Candidate | null>((best, c) => (best === null || candidateScore(c) > candidateScore(best) ? c : best), null);
  if (!strongest?.key.startsWith('country:')) return candidates;
  return candidates.map((c) =>
    c.affiliation && !c.key.startsWith('country:')
      ? {
          ...c,
          key: `country:${c.affiliation.toLowerCase()}`,
          value: c.affiliation,
        }
      : c,
  );
}

/**
 * The kind of person or body a "who is the … who…" question asks for by its role: "analyst" in "who
 * is the analyst who said…", "production company" in "whos the production company behind…". A name
 * the coverage gives that kind answers it.
 */
const KIND_ASKED =
  /^who(?:'s|’s|s| is| was| are| were)\s+(?:the|a|an)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:who|that|which|whose|for|behind|at|of|in|on|with|from|[a-z]{3,}ing)\b/;

/** "who's been put in as caretaker boss for…", "who was named as captain": the kind the answer was made. */
const AS_KIND_ASKED =
  /^who\b.*?\s(?:in|been|was|were|is|got|named|appointed|installed|chosen|picked|brought)\s+as\s+(?:the\s+|a\s+|an\s+|new\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)(?=\s+(?:for|of|at|in|to|after|before|when|until|now)\b|\s*[?.!]*$)/;

/** The kind a who-question asks for by its role, or null: see {@link KIND_ASKED}. */
function kindAsked(lower: string): string | null {
  const kind = (KIND_ASKED.exec(lower) ?? KIND_TOLD_BY_CLAUSE.exec(lower) ?? AS_KIND_ASKED.exec(lower))?.[1];
  const head = kind?.split(/\s+/).at(-1);
  // ("official" is mostly an adjective in WordNet, and a kind of person too.)
  return kind && head && (mainPartOfSpeech(head) === 'noun' || isKindOf(head, 'person')) ? kind : null;
}

/** "which side…", "what company…": the kinds of thing a who-question may ask for by name. */
const WHO_KINDS =
  /^(which|what) (side|country|countries|nation|person|people|group|official|officials|leader|man|woman|party|organi[sz]ation|agency|company|team|government)\b/;

/** True when a who-kind opens the question and heads its phrase ("what company…") or another person or body does ("what government department…"). */
function opensWithWhoKind(lower: string): boolean {
  const kind = WHO_KINDS.exec(lower)?.[2];
  if (kind === undefined) return false;
  const head = whichNoun(lower);
  return head === null || head === kind || namesPersonOrBody(head);
}

/** "Who…" questions: see {@link extractWho}. */
export const who: Family = {
  name: 'who',
  detect: [
    // "what's the name of the nanny…", "what is his guide dog called?": a name.
    { order: 120, test: (lower) => asksForName(lower) },
    { order: 131, test: (lower) => /^(who|whom|whose)\b/.test(lower) },
    // "at whose request…", "by whom…"
    { order: 140, test: (lower) => /\b(whose|whom)\b/.test(lower) },
    // ("what government document…" asks for a document: the kind must head the phrase, or be a person or body itself.)
    { order: 160, test: opensWithWhoKind },
    // "which band was playing…", "which ship detected…", "what airline operated…": a named thing of that kind.
    { order: 170, test: (lower) => /^which [a-z-]+\b/.test(lower) },
  ],
  echoWords: ['who'],
  entity: (question) => whichNoun(question.toLowerCase()) ?? kindAsked(question.toLowerCase()),
  asksKind: true,
  // "what's the name of…", "what is it called": the words that ask for a name name nothing.
  asking: (word, lower) => (/^(name|called|named)$/.test(word) && asksForName(lower)) || asksForSort(word, lower),
  typed: true,
  minRelevance: 0.6,
  conflicts: true,
  extract: ({ index, q, slots, sentences }) => extractWho(index, q, slots, sentences),
  regroup: regroupAgents,
};
