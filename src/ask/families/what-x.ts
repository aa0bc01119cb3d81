import { irregularBase } from '../../index/analyzer.ts';
import { extractRoleHolders } from '../extract/role.ts';
import type { Candidate } from '../extract/candidate.ts';
import { asksForSort, PHRASE_AUXILIARIES, PREPOSITION_PEERS, STRANDED_PREPOSITION, whichNoun } from '../question-shape.ts';
import { extractPrepositionObjects } from '../extract/agent.ts';
import { extractTitles } from '../extract/title.ts';
import { extractAskedOutlets, isOutletKind } from '../extract/outlet.ts';
import { extractKinds, extractNounPhrases } from './noun-phrase.ts';
import type { Family } from './family.ts';

/**
 * "what sanctions did Biden threaten?", "what tv channel was he on?", "what german magazine reported…":
 * "what", one to three words of a noun phrase, then an auxiliary or a verb in the past.
 */
function opensNounPhrase(lower: string): boolean {
  const words = lower.split(/\s+/);
  if (words[0] !== 'what' || PHRASE_AUXILIARIES.has(words[1] ?? '')) return false;
  for (let i = 2; i <= 4 && i < words.length; i++) {
    const w = words[i]!;
    if (PHRASE_AUXILIARIES.has(w) || /^[a-z]+ed$/.test(w) || irregularBase(w) !== null) return /^[a-z-]+$/.test(words[1] ?? '');
  }
  return false;
}

/** What the name after a stranded preposition counts: a name, where the question asks for a kind of thing. */
const STRANDED_FACTOR = 0.85;

/**
 * "What sanctions did Biden threaten?", "what guarantees does Russia want?": noun phrases headed by
 * the noun asked for, and names the coverage gives that kind of thing.
 */
export const whatX: Family = {
  name: 'what_x',
  detect: [{ order: 180, test: opensNounPhrase }],
  entity: (question) => whichNoun(question.toLowerCase()),
  asksKind: true,
  asking: asksForSort,
  typed: true,
  minRelevance: 0.6,
  conflicts: false,
  extract: ({ index, q, slots, sentences }) => {
    if (!q.entity) return [];
    const questionTerms = new Set([...q.terms.keys()]);
    const out: Candidate[] = [];
    // "what other bank was barclays linked with?": the name after that preposition ("linked to Citigroup").
    const stranded = STRANDED_PREPOSITION.exec(q.text.toLowerCase())?.[1];
    if (stranded)
      for (const s of sentences)
        for (const p of PREPOSITION_PEERS[stranded] ?? [stranded])
          out.push(...extractPrepositionObjects(index, s, p, slots).map((c) => ({ ...c, confidence: c.confidence * STRANDED_FACTOR })));
    // "what radio station did he talk to?": the name after a verb of telling ("told BBC Five Live").
    if (isOutletKind(q.entity)) for (const s of sentences) out.push(...extractAskedOutlets(s));
    for (const s of sentences) {
      out.push(...extractNounPhrases(s, q.entity, questionTerms), ...extractKinds(s, q.entity, questionTerms), ...extractTitles(s, q.entity, questionTerms));
      // "what airline operated the flight?": names given that kind count too.
      out.push(
        ...extractRoleHolders(s, q.entity, q.text).map((c) => ({
          ...c,
          confidence: c.confidence * 0.9,
        })),
      );
    }
    return out;
  },
};
