import { escapeRegExp } from '../../text/patterns.ts';
import { analyzeText } from '../../index/analyzer.ts';
import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from '../extract/candidate.ts';
import { extractRoles } from '../extract/role.ts';
import { clusterStatements } from '../corroborate.ts';
import type { Family } from './family.ts';
import type { ParsedQuestion } from '../parsed-question.ts';

/**
 * "Tell me about X": the best sentences, the top one answering. A sentence that defines X ("X is a…",
 * "X, the…", "… (X)", "…, or X") is preferred.
 */
function aboutCandidate(s: ScoredSentence, q: ParsedQuestion): Candidate {
  const names = q.focus.filter((w) => /^\p{Lu}/u.test(w)).map(escapeRegExp);
  const subject = names.length ? names.join('\\W+(?:\\w+\\W+){0,2}?') : null;
  if (subject !== null) {
    // "Molenbeek, a district in Brussels known as a haven for extremists": the definition answers.
    const def = new RegExp(`\\b${subject}\\b(?:['’]s)?(?:,\\s+|\\s+(?:is|are|was|were)\\s+)((?:a|an|the)\\s[^,.;]{8,160})`, 'iu').exec(s.text);
    if (def) return definition(s, def[1]!.trim());
    // "the Organization for Security and Cooperation in Europe, or OSCE": the expansion answers.
    const expansion = new RegExp(
      `([\\p{Lu}][\\p{L}-]*(?:\\s+(?:(?:of|for|and|the|in|on)\\s+)*[\\p{Lu}][\\p{L}-]*){1,8})(?:,\\s+or\\s+|\\s*\\(\\s*)${subject}\\b`,
      'u',
    ).exec(s.text);
    if (expansion) return definition(s, expansion[1]!.trim());
  }
  return {
    key: `about:${s.article.id}:${s.start}`,
    value: s.text,
    mention: s.text,
    sentence: s,
    confidence: 0.8,
  };
}

/** Longest event told over two sentences. */
const MAX_EVENT = 320;
/** What two sentences that tell an event count (one counts 0.8): 0.9, chosen on dev and val, where 0.8 gained nothing and 0.95 as much. */
const EVENT_CONFIDENCE = 0.9;

/** A definition of the question's subject found in a sentence, as the answer. */
function definition(s: ScoredSentence, value: string): Candidate {
  return { key: 'about:definition', value, mention: value, sentence: s, confidence: 1 };
}

/**
 * "Tell me about X", "what is Inmarsat?" and every question no other family recognises: the best
 * sentences, a definition of X first.
 */
export const about: Family = {
  name: 'about',
  detect: [],
  typed: false,
  minRelevance: 0.6,
  conflicts: false,
  extract: ({ q, slots, sentences }) => {
    const out: Candidate[] = sentences.slice(0, 20).map((s) => aboutCandidate(s, q));
    // "what happened on day one…": an event is often told over two sentences ("…had a few teething
    // troubles. On its first day many new users were greeted with a page that said the site had been
    // overwhelmed."): the next sentence joins when it holds words of the question the first lacks.
    if (/\bhappen(?:s|ed|ing)?\b/i.test(q.text))
      for (const s of sentences.slice(0, 20)) {
        const next = s.next;
        if (!next || next.text.length + s.text.length > MAX_EVENT) continue;
        const terms = new Set(analyzeText(next.text));
        const adds = slots.some((slot) => !s.matched.has(slot.label) && [...slot.terms.keys()].some((t) => terms.has(t)));
        if (!adds) continue;
        const text = s.article.text.slice(s.start, next.end);
        out.push({
          key: `about:${s.article.id}:${s.start}:event`,
          value: text,
          mention: text,
          sentence: { ...s, text, end: next.end },
          confidence: EVENT_CONFIDENCE,
        });
      }
    // "what is Inmarsat?": the description the coverage gives a name ("British satellite company Inmarsat").
    const name = q.focus.filter((w) => /^\p{Lu}/u.test(w)).join(' ');
    // "what happened to Greg Dyke…" asks for an event, not a description.
    if (name && !/\bhappen(?:s|ed|ing)?\b/i.test(q.text))
      for (const s of sentences)
        out.push(
          ...extractRoles(s, name).map((c) => ({
            ...c,
            key: `about:${c.key}`,
          })),
        );
    return out;
  },
  regroup: clusterStatements,
};
