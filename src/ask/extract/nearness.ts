import { analyzeTerm } from '../../index/analyzer.ts';
import type { Slot } from '../retrieve.ts';
import { tokenizeWords } from '../tokens.ts';

/**
 * How close a position in a sentence sits to the question's words, 0.5–1. When a sentence holds
 * several values ("a January 10 meeting, followed by a Russia-Nato session on January 12"; "killing
 * 129 people and wounding 352"), the one next to the words of the question is the answer.
 * @param text - the sentence
 * @param at - character offset of the value in the sentence
 * @param length - length of the value's mention (a word inside or touching it is at distance 0)
 */
export function nearness(text: string, at: number, slots: readonly Slot[], length = 0): number {
  const tokens = analysedTokens(text);
  let total = 0;
  let near = 0;
  for (const slot of slots) {
    if (slot.subject) continue;
    const positions = tokens.filter((t) => t.term !== null && slot.terms.has(t.term)).map((t) => t.start);
    if (positions.length === 0) continue;
    const distance = Math.min(
      ...positions.map((p) =>
        p >= at && p <= at + length ? 0 : Math.min(Math.abs(p - at), Math.abs(p - (at + length))) + CLAUSE_DISTANCE * boundariesBetween(text, p, at, length),
      ),
    );
    total += slot.idf;
    near += slot.idf * Math.exp(-distance / 30);
  }
  return total === 0 ? 1 : 0.5 + 0.5 * (near / total);
}

/**
 * Where one clause of a sentence ends and another begins: a value belongs with the words of its own
 * clause ("Million Dollar Baby has seven nominations while The Aviator has 11"). A relative clause ("the
 * gadget, which costs $250") is not a boundary: it tells of the word it follows.
 */
const CLAUSE_BOUNDARY = /[;:]|,?\s+(?:while|whereas|but|although|though)\s|\s[–—]\s|\s-\s/g;
/** Extra distance, in characters, for each clause boundary between a word and a value. */
const CLAUSE_DISTANCE = 40;

/** How many clause boundaries lie between a word at `p` and a value at `at` (of `length`). */
function boundariesBetween(text: string, p: number, at: number, length: number): number {
  const [from, to] = p < at ? [p, at] : [at + length, p];
  if (to <= from) return 0;
  return clauseBoundaries(text).filter((b) => b > from && b < to).length;
}

const boundaryCache = new Map<string, number[]>();

/** Offsets of the clause boundaries in a sentence, cached like its tokens. */
function clauseBoundaries(text: string): number[] {
  const cached = boundaryCache.get(text);
  if (cached) return cached;
  const found = [...text.matchAll(CLAUSE_BOUNDARY)].map((m) => m.index);
  if (boundaryCache.size >= TOKEN_CACHE_LIMIT) boundaryCache.delete(boundaryCache.keys().next().value!);
  boundaryCache.set(text, found);
  return found;
}

const tokenCache = new Map<string, { start: number; term: string | null }[]>();
const TOKEN_CACHE_LIMIT = 5000;

/** The sentence's tokens with their analysed terms, cached: every candidate of a sentence needs them. */
function analysedTokens(text: string): { start: number; term: string | null }[] {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  const tokens = tokenizeWords(text).map((t) => ({
    start: t.start,
    term: analyzeTerm(t.text),
  }));
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.delete(tokenCache.keys().next().value!);
  tokenCache.set(text, tokens);
  return tokens;
}
