import { escapeRegExp } from '../../text/patterns.ts';
import { analyzeText } from '../../index/analyzer.ts';
import type { CorpusIndex } from '../../index/corpus-index.ts';
import { HONORIFICS, NON_NAME_CAPITALS } from '../lexicon.ts';
import { sentencesAfter, textRelevance, type Slot } from '../retrieve.ts';
import { endsInsideQuote } from '../quotes.ts';
import type { Candidate } from '../extract/candidate.ts';
import { extractPronounStatements, extractStatements, extractToldQuotes } from '../extract/statement.ts';
import { clusterStatements } from '../corroborate.ts';
import { extractReportedSpeech } from './sentence-answers.ts';
import type { Family } from './family.ts';

/** "what did X say / warn / tell…", "how did X respond", "according to Y, what did X say…". */
/** Verbs a said-question asks with ("what did Putin warn…", "what did Henman reckon…"). */
const SAYING =
  'say|said|warn|tell|announce|claim|state|add|reply|respond|describe|demand|want|ask|promise|threaten|propose|urge|insist|argue|stress|call|think|believe|reckon|mean|write|tweet|admit|deny|concede|reveal|confirm|explain|make of';
const SAID = new RegExp(`^(?:according to [^,]+, )?(what|how) (did|does|do|has|have|had|will|would) .+? (?:${SAYING})\\b`);
/** The speaker a said-question names, before its saying verb. */
const SPEAKER = new RegExp(`^(?:what|how) (?:did|does|do|has|have|had|will|would) (.+?) (?:${SAYING})\\b`, 'i');

/** "what was X's response…", "what's Upton's take on the fines": what someone said, asked by its kind. */
const STANCE = /\bwhat(?:'s|’s|s| is| was| were| are) (.+?)['’]s (?:response|reaction|message|warning|take|view|verdict|opinion|stance|position)\b/i;

/** The speaker a said-question names ("what did Putin say…" → Putin). */
function speakerOf(q: string): string | null {
  const m = SPEAKER.exec(q);
  const m2 = /how did (.+?) (?:respond|react|reply)\b/i.exec(q) ?? STANCE.exec(q);
  return (m ?? m2)?.[1]?.trim() || null;
}

/**
 * Of a speaker's statements, those whose own words hold what the question asks about ("…about the
 * government's line on choice") count more than others the same sentence or its neighbours hold: a
 * sentence is relevant through its neighbours, a statement only through what it says.
 */
function preferOnTopicStatements(candidates: Candidate[], slots: readonly Slot[], speaker: string): Candidate[] {
  const speakerTerms = new Set(analyzeText(speaker));
  const topic = slots.filter((s) => !s.subject && ![...s.terms.keys()].some((t) => speakerTerms.has(t)));
  const total = topic.reduce((sum, s) => sum + s.idf, 0);
  if (total === 0) return candidates;
  return candidates.map((c) => {
    const said = new Set(analyzeText(c.value));
    const covered = topic.reduce((sum, s) => sum + Math.max(0, ...[...s.terms].map(([t, w]) => (said.has(t) ? w : 0))) * s.idf, 0);
    return {
      ...c,
      confidence: c.confidence * (1 - ON_TOPIC_WEIGHT + ON_TOPIC_WEIGHT * (covered / total)),
    };
  });
}

/** How much of a statement's weight depends on its own words holding the question's topic. */
const ON_TOPIC_WEIGHT = 0.5;

/**
 * The full name the coverage most often gives a lone capitalised first name ("Boris" → "Boris
 * Johnson"), or the name as asked.
 */
function fullNameOf(index: CorpusIndex, name: string): string {
  if (!/^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?$/u.test(name)) return name;
  const term = analyzeText(name)[0];
  if (!term) return name;
  const counts = new Map<string, number>();
  const after = new RegExp(`\\b${name}\\s+(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)\\b`, 'gu');
  for (const hit of index.searchTerms(new Map([[term, 1]]), 20))
    for (const m of hit.passage.text.matchAll(after)) if (!NON_NAME_CAPITALS.has(m[1]!.toLowerCase())) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (best) return `${name} ${best[0]}`;
  // A surname ("mccartney"): the first name the coverage gives before it ("Paul McCartney"), so that
  // "Sir Paul said" counts too.
  const firsts = new Map<string, number>();
  const before = new RegExp(`\\b(\\p{Lu}\\p{Ll}+)\\s+${name}\\b`, 'gu');
  for (const hit of index.searchTerms(new Map([[term, 1]]), 20))
    for (const m of hit.passage.text.matchAll(before))
      if (!NON_NAME_CAPITALS.has(m[1]!.toLowerCase()) && !TITLES.test(m[1]!)) firsts.set(m[1]!, (firsts.get(m[1]!) ?? 0) + 1);
  const first = [...firsts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return first ? `${first[0]} ${name}` : name;
}

/** Titles before a name, which are no first name. */
const TITLES = new RegExp(`^(?:${[...HONORIFICS, 'President', 'Prince', 'Princess', 'King', 'Queen'].join('|')})$`);

/** Sentences a quote may run on over, after the one it opens in. */
const RUN_ON_SENTENCES = 3;
/** Longest statement a quote that runs on grows to. */
const MAX_RUN_ON = 260;

/**
 * A statement whose quote runs on past its sentence ('Scudamore said: "It is not. It is market
 * forces. It is unscripted drama…"') as the whole quote, up to a length: what was said, not its first
 * sentence. The citation widens with it, verbatim.
 */
function runOn(index: CorpusIndex, c: Candidate): Candidate {
  if (!endsInsideQuote(c.sentence.text)) return c;
  let value = c.value;
  let end = c.sentence.end;
  for (const next of sentencesAfter(index, c.sentence, RUN_ON_SENTENCES)) {
    if (!next.speaker) break;
    const words = next.text
      .replace(/^\s*[“"]/, '')
      .replace(/["”]\s*$/, '')
      .trim();
    if (value.length + words.length + 2 > MAX_RUN_ON) break;
    value = `${value.replace(/[.!?]?$/, (p) => p || '.')} ${words.replace(/[.]$/, '')}`;
    end = next.end;
    if (!endsInsideQuote(next.text, true)) break;
  }
  if (end === c.sentence.end) return c;
  const text = c.sentence.article.text.slice(c.sentence.start, end);
  // A whole sentence that opened the quote ('Scudamore said: "It is not…') gets the quote's close back.
  if (endsInsideQuote(value) && !endsInsideQuote(text)) value += /“[^”]*$/.test(value) ? '”' : '"';
  return { ...c, value, mention: value, sentence: { ...c.sentence, text, end } };
}

/**
 * "What did X say…" questions: X's statements (quotes and reported speech, and quotes told sentences
 * later through "…,” he said."), those about the question's topic first.
 */
export const said: Family = {
  name: 'said',
  detect: [
    {
      order: 100,
      test: (lower) => SAID.test(lower) || /\bhow did .+ (respond|react|reply)\b/.test(lower) || STANCE.test(lower),
    },
  ],
  entity: speakerOf,
  asking: (word) => /^(say|said|tell|told)$/.test(word),
  typed: false,
  minRelevance: 0.55,
  conflicts: false,
  reask: (q, name) => q.text.replace(new RegExp(`\\b${escapeRegExp(q.entity ?? '')}\\b`, 'i'), name),
  extract: ({ index, q, slots, sentences }) => {
    const out: Candidate[] = [];
    // "what did boris say…": the coverage's full name of a first name ("Boris Johnson"), so that
    // "Mr Johnson said" counts.
    const speaker = q.entity ? fullNameOf(index, q.entity) : null;
    if (speaker)
      for (const s of sentences) out.push(...extractStatements(s, speaker), ...extractPronounStatements(index, s, speaker), ...extractToldQuotes(s, speaker));
    // Quotes the extractor cannot attribute word by word ("Asked if…, Scudamore said: "It is
    // not."") still answer when the sentence names the speaker and reports speech.
    if (q.entity) out.push(...extractReportedSpeech(sentences, q.entity));
    // A statement is its speaker's by attribution ("'The PC world is a pile-em-high market,' he said"
    // is Gammage's): it covers the words that name the speaker, and the rest by its own words.
    // (A sentence's own words never cover more than its relevance, which counts them too.)
    const speakerTerms = new Set(analyzeText(speaker ?? q.entity ?? ''));
    const named = slots.filter((x) => [...x.terms.keys()].some((t) => speakerTerms.has(t)));
    const rest = slots.filter((x) => !named.includes(x));
    const total = slots.reduce((a, x) => a + x.idf, 0) || 1;
    const namedIdf = named.reduce((a, x) => a + x.idf, 0);
    for (const [i, c] of out.entries()) {
      const own = (namedIdf + textRelevance(rest, c.sentence.text) * (total - namedIdf)) / total;
      if (own > c.sentence.relevance) out[i] = { ...c, sentence: { ...c.sentence, relevance: own } };
    }
    const whole = out.map((c) => runOn(index, c));
    return q.entity ? preferOnTopicStatements(whole, slots, q.entity) : whole;
  },
  regroup: clusterStatements,
};
