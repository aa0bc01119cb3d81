import type { SupportGroup } from '../types.ts';
import { analyzeText } from '../index/analyzer.ts';
import { candidateScore, type Candidate } from './extract/candidate.ts';

/**
 * Corroboration: candidates from many articles become support groups, one per distinct value, each
 * with the sources that give it. Each source votes once, for its best candidate; the value most
 * sources give wins; a second value that credible sources give makes the answer "conflicting" (for
 * families whose values can contradict each other: different statements or topics do not).
 */

/** One value with its supporting candidates (best per source, strongest first). */
export interface ValueGroup {
  key: string;
  value: string;
  members: Candidate[];
  /** Sum of the members' scores. */
  score: number;
  /** Best member score. */
  best: number;
}

/** The groups found and whether they disagree. */
export interface Corroboration {
  groups: ValueGroup[];
  conflicting: boolean;
}

/** A second value is credible when its best evidence is at least this share of the winner's. */
const CREDIBLE_SHARE = 0.6;
/** Weight of a source's further mentions of the same value in its vote. */
const REPEAT_WEIGHT = 0.2;
/** Share of each further source's score added to a value's best evidence when values are ranked. */
const SUPPORT_WEIGHT = 0.3;
/** Sources after the best that add to a value's rank. */
const MAX_SUPPORTING = 3;
/** At most this many values are listed as support. */
const MAX_GROUPS = 4;

/**
 * Groups candidates by value and decides agreement.
 * @param sourceKey - which candidates count as the same source (an outlet, or an article when the outlet is unknown)
 */
export function corroborate(candidates: readonly Candidate[], sourceKey: (c: Candidate) => string, valuesCanConflict = true): Corroboration {
  // Each source votes once, for the value it gives most strongly: its best mention of a value, plus a
  // little for each further mention (the value an article repeats is its main claim).
  const bySourceAndKey = new Map<string, { best: Candidate; strength: number; rest: number }>();
  for (const c of candidates) {
    const id = `${sourceKey(c)}\u0000${c.key}`;
    const score = candidateScore(c);
    const entry = bySourceAndKey.get(id);
    if (!entry) bySourceAndKey.set(id, { best: c, strength: score, rest: 0 });
    else if (score > candidateScore(entry.best)) {
      entry.rest += candidateScore(entry.best);
      entry.best = c;
    } else entry.rest += score;
  }
  const bestBySource = new Map<string, Candidate>();
  const strengthBySource = new Map<string, number>();
  for (const { best, rest } of bySourceAndKey.values()) {
    const k = sourceKey(best);
    const strength = candidateScore(best) + REPEAT_WEIGHT * rest;
    const prev = strengthBySource.get(k);
    if (prev === undefined || strength > prev || (strength === prev && best.key < bestBySource.get(k)!.key)) {
      bestBySource.set(k, best);
      strengthBySource.set(k, strength);
    }
  }
  const byKey = new Map<string, Candidate[]>();
  for (const c of bestBySource.values()) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const groups: ValueGroup[] = [...byKey.entries()].map(([key, members]) => valueGroup(key, members.sort(byScore)));
  // The strongest evidence leads, and each further source adds to it: one sentence that answers the
  // question squarely outweighs several that only mention a value of the same kind.
  // Only the next few sources count: a value every article mentions in passing must not outvote the
  // one sentence that answers.
  const weight = (g: ValueGroup): number => g.best + SUPPORT_WEIGHT * g.members.slice(1, 1 + MAX_SUPPORTING).reduce((a, m) => a + candidateScore(m), 0);
  groups.sort((a, b) => weight(b) - weight(a) || b.members.length - a.members.length || (a.key < b.key ? -1 : 1));
  const winner = groups[0];
  if (!winner) return { groups: [], conflicting: false };
  const credible = groups.filter((g, i) => i === 0 || g.best >= CREDIBLE_SHARE * winner.best).slice(0, MAX_GROUPS);
  // Values that can both be true ("50 minutes" and "just under an hour") are listed, not a conflict.
  return {
    groups: credible,
    conflicting: valuesCanConflict && credible.slice(1).some((g) => !compatibleValues(winner.key, g.key)),
  };
}

/**
 * The groups with what a wider pool of weaker evidence adds: the further sources that give each
 * value (one candidate per source, its best), and values compatible with the winner that only weaker
 * evidence gives ("just under an hour" beside "50 minutes"). They show who else reports what; they
 * neither choose the value nor make it conflicting.
 */
export function withSupport(found: Corroboration, pool: readonly Candidate[], sourceKey: (c: Candidate) => string): Corroboration {
  const winner = found.groups[0];
  if (!winner) return found;
  const bestBySource = (key: string, skip: ReadonlySet<string>): Candidate[] => {
    const best = new Map<string, Candidate>();
    for (const c of pool) {
      if (c.key !== key || skip.has(sourceKey(c))) continue;
      const held = best.get(sourceKey(c));
      if (!held || candidateScore(c) > candidateScore(held)) best.set(sourceKey(c), c);
    }
    return [...best.values()].sort(byScore);
  };
  // The strongest evidence stays first (it is what the answer rests on); the rest by score.
  const groups = found.groups.map((g) => {
    const [first, ...rest] = g.members;
    return { ...g, members: [first!, ...[...rest, ...bestBySource(g.key, new Set(g.members.map(sourceKey)))].sort(byScore)] };
  });
  const known = new Set(groups.map((g) => g.key));
  for (const key of new Set(pool.map((c) => c.key))) {
    if (known.has(key) || groups.length >= MAX_GROUPS || !compatibleValues(winner.key, key)) continue;
    const members = bestBySource(key, new Set());
    if (candidateScore(members[0]!) >= CREDIBLE_SHARE * winner.best) groups.push(valueGroup(key, members));
  }
  return { ...found, groups };
}

/** Strongest first; on a tie, by article. */
function byScore(a: Candidate, b: Candidate): number {
  return candidateScore(b) - candidateScore(a) || a.sentence.article.id.localeCompare(b.sentence.article.id);
}

/** A value's group from its members, strongest first. */
function valueGroup(key: string, members: Candidate[]): ValueGroup {
  return { key, value: displayValue(members), members, score: members.reduce((a, m) => a + candidateScore(m), 0), best: candidateScore(members[0]!) };
}

/** Qualifiers that put a figure close to the number they name, on one side or either. */
const NEAR_BELOW = new Set(['just under', 'nearly', 'almost']);
const NEAR_ABOVE = new Set(['just over']);
const NEAR_EITHER = new Set(['around', 'about', 'roughly', 'approximately', 'some']);
/** How close "just under an hour" must be to 50 minutes to say the same: a fifth of the larger. */
const NEAR_TOLERANCE = 0.2;

/**
 * Whether two numeric values of the same kind can both be true: "duration:50" and
 * "duration:60:just under" (50 minutes is just under an hour), but not "qty:100000" and
 * "qty:90000:more than", which claim different things, nor values of different kinds.
 * @example compatibleValues('duration:50', 'duration:60:just under') // true
 */
export function compatibleValues(a: string, b: string): boolean {
  const pa = numericKey(a);
  const pb = numericKey(b);
  if (!pa || !pb || pa.kind !== pb.kind) return false;
  const near = (q: { value: number; qualifier: string | null }, other: number): boolean => {
    if (!q.qualifier) return false;
    const close = Math.abs(q.value - other) <= NEAR_TOLERANCE * Math.max(q.value, other);
    if (NEAR_BELOW.has(q.qualifier)) return close && other <= q.value;
    if (NEAR_ABOVE.has(q.qualifier)) return close && other >= q.value;
    return NEAR_EITHER.has(q.qualifier) && close;
  };
  return (pa.value === pb.value && pa.qualifier === pb.qualifier) || near(pa, pb.value) || near(pb, pa.value);
}

function numericKey(key: string): { kind: string; value: number; qualifier: string | null } | null {
  const m = /^(duration|qty|money|pct):(\d+(?:\.\d+)?)(?::(.+))?$/.exec(key);
  return m ? { kind: m[1]!, value: Number(m[2]), qualifier: m[3] ?? null } : null;
}

/**
 * Merges statements that say the same thing into one key, so that outlets reporting the same warning
 * agree: statements sharing enough content words (overlap coefficient) join, transitively. Keys
 * become `said:<n>` in order of first appearance.
 */
export function clusterStatements(candidates: readonly Candidate[]): Candidate[] {
  const terms = candidates.map((c) => new Set(analyzeText(c.value)));
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (overlap(terms[i]!, terms[j]!) >= STATEMENT_OVERLAP) parent[find(j)] = find(i);
    }
  }
  const keys = new Map<number, string>();
  return candidates.map((c, i) => {
    const root = find(i);
    if (!keys.has(root)) keys.set(root, `said:${keys.size}`);
    return { ...c, key: keys.get(root)! };
  });
}

/** Statements sharing this share of the shorter one's content words say the same thing. */
const STATEMENT_OVERLAP = 0.25;

/** Converts a group's support for the Answer contract. */
export function toSupport(groups: readonly ValueGroup[]): SupportGroup[] {
  return groups.map((g) => ({
    value: g.value,
    sources: g.members.map((m) => m.sentence.article.id),
  }));
}

/**
 * The value to show for a group: the most frequent display among its members; on a tie the fuller one
 * ("Secretary of State" over "Secretary"), then the best-scored.
 */
function displayValue(members: readonly Candidate[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
  let best = members[0]!.value;
  for (const m of members) {
    const c = counts.get(m.value) ?? 0;
    const b = counts.get(best) ?? 0;
    if (c > b || (c === b && m.value.length > best.length && m.value.length <= 80)) best = m.value;
  }
  return best;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : inter / smaller;
}
