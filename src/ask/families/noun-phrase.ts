import { analyzeTerm } from '../../index/analyzer.ts';
import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from '../extract/candidate.ts';
import { nameSpans, tokenizeWords } from '../tokens.ts';
import { isKindOf } from '../wordnet.ts';

/**
 * "What X" questions ("what sanctions did Biden threaten?", "what guarantees does Russia want?"):
 * the answer is the noun phrase the coverage builds on X, with its modifiers and what follows it
 * ("legally binding guarantees Nato will not expand further eastward"), up to the end of the clause.
 */

/** Words that end a noun phrase's complement. */
const CLAUSE_END = /[,;:.!?()“”"]|\s[-–—]\s/;
/** Words that may stand before the head noun inside its phrase. */
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'by',
  'from',
  'at',
  'as',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'said',
  'says',
  'it',
  'he',
  'she',
  'they',
  'we',
  'which',
  'who',
  'that',
  'what',
  'but',
  'if',
]);
/** A name and a comma right before a phrase: the phrase is its apposition ("UMD, the disc format…"). */
const APPOSED_NAME = /(\p{Lu}[\p{L}\d.'’-]*(?:\s+\p{Lu}[\p{L}\d.'’-]*){0,4}),\s+(?:(?:the|a|an)\s+)?$/u;
/** Most words a phrase may have. */
const MAX_WORDS = 14;

/**
 * Noun phrases headed by the question's noun in a sentence.
 * @param head - the noun the question asks about ("sanctions")
 * @param questionTerms - analysed terms of the question: a phrase that only restates them answers nothing
 */
export function extractNounPhrases(s: ScoredSentence, head: string, questionTerms: ReadonlySet<string>): Candidate[] {
  const headTerm = analyzeTerm(head);
  if (headTerm === null) return [];
  const tokens = tokenizeWords(s.text);
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    if (analyzeTerm(t.text) !== headTerm) return;
    // Modifiers before the head: adjacent words that are not function words ("legally binding").
    let first = i;
    while (first > 0 && i - first < 4) {
      const prev = tokens[first - 1]!;
      // The question's own words ("wants" in "what guarantees does Russia want") frame the phrase, not modify it.
      if (FUNCTION_WORDS.has(prev.lower) || questionTerms.has(analyzeTerm(prev.text) ?? '') || CLAUSE_END.test(s.text.slice(prev.end, tokens[first]!.start)))
        break;
      first--;
    }
    // The complement after it, to the end of the clause.
    let last = i;
    while (last + 1 < tokens.length && last - first < MAX_WORDS - 1 && !CLAUSE_END.test(s.text.slice(tokens[last]!.end, tokens[last + 1]!.start))) last++;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    const phrase = s.text.slice(start, end);
    const terms = tokenizeWords(phrase)
      .map((w) => analyzeTerm(w.text))
      .filter((x): x is string => x !== null);
    const fresh = terms.filter((x) => !questionTerms.has(x) && x !== headTerm);
    // "UMD, Sony's own disc format for the device": the phrase describes the name it follows, which answers.
    // The phrase's own modifiers may come first, the question's words among them ("Sony's own disc format").
    const before = s.text.slice(0, start);
    const named = APPOSED_NAME.exec(before) ?? APPOSED_NAME.exec(before.replace(/(?:[\p{L}'’-]+\s+){1,3}$/u, ''));
    // …a name, not a sentence's opening word ("Meanwhile, the German magazine…").
    if (named && nameSpans(s.text).some((sp) => sp.start === named.index && sp.text === named[1])) {
      const name = named[1]!;
      out.push({
        key: `what:name:${name.toLowerCase()}`,
        value: name,
        mention: name,
        at: named.index,
        sentence: s,
        confidence: 0.9,
      });
      return;
    }
    if (fresh.length < 2) return;
    out.push({
      key: `what:${fresh.slice(0, 4).join(' ')}`,
      value: phrase,
      mention: phrase,
      at: start,
      sentence: s,
      confidence: 0.85,
    });
  });
  return out;
}

/** What a word of the asked kind counts against a phrase built on the asked noun itself. */
const KIND_CONFIDENCE = 0.8;

/**
 * Words of the kind the question asks for, by WordNet's hypernyms: "denying him a cola" answers
 * "what drink…", "tested positive for cocaine" answers "what drug…" — the coverage names the thing,
 * seldom its kind.
 * @param kind - the noun the question asks about ("drink")
 * @param questionTerms - analysed terms of the question: a word it already says answers nothing
 */
export function extractKinds(s: ScoredSentence, kind: string, questionTerms: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const t of tokenizeWords(s.text)) {
    if (!/^\p{Ll}[\p{Ll}-]{2,}$/u.test(t.text) || FUNCTION_WORDS.has(t.lower) || seen.has(t.lower)) continue;
    const term = analyzeTerm(t.text);
    if (term === null || questionTerms.has(term) || !isKindOf(t.lower, kind)) continue;
    seen.add(t.lower);
    out.push({ key: `kind:${term}`, value: t.text, mention: t.text, at: t.start, sentence: s, confidence: KIND_CONFIDENCE });
  }
  return out;
}
