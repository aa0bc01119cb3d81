import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from '../extract/candidate.ts';

/**
 * Names given with "named" or "called" ("a Malinois named Diesel", "a shell company called Baikal
 * Finance Group"): answers to "what's the name of…" and "what is … called?".
 */
const NAMED = /\b(?:named|called|dubbed|known as)\s+((?:\p{Lu}[\p{L}'’.-]*|\d+)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\d+|of|de|the))*)/gu;

/**
 * The names a sentence gives with "named X" / "called X".
 * @example extractNamedAs(sentence('a police dog, a Malinois named Diesel, was killed'))[0].value // 'Diesel'
 */
export function extractNamedAs(s: ScoredSentence): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(NAMED)) {
    const name = m[1]!.replace(/\s+(?:of|de|the)$/, '');
    out.push({
      key: `name:${name.toLowerCase()}`,
      value: name,
      mention: name,
      at: m.index + m[0].length - m[1]!.length,
      sentence: s,
      confidence: 1,
    });
  }
  return out;
}
