import { extractDates, resolveWeekdays } from '../extract/when.ts';
import type { Candidate } from '../extract/candidate.ts';
import type { Family } from './family.ts';
import type { ScoredSentence } from '../retrieve.ts';

/**
 * "On Sunday, the deputy mayor said he would apologise on Tuesday": a date that opens the sentence
 * dates the telling; another date in the sentence is the one of what was told, and counts more.
 */
function preferToldDates(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  return candidates.map((c) =>
    c.at !== undefined && FRAMING_DATE.test(c.sentence.text.slice(0, c.at + c.mention.length + 2))
      ? { ...c, confidence: c.confidence * TELLING_DATE_FACTOR }
      : c,
  );
}
/** What the date of the telling counts beside the date of what was told. */
const TELLING_DATE_FACTOR = 0.8;
/** A date opening its sentence, set off by a comma ("On Sunday, …", "Last week, …"). */
const FRAMING_DATE = /^\s*(?:(?:on|last|earlier|late|early)\s+)?[\p{L}\d ,]{0,25}?,\s?$/iu;

/** What a bare weekday ("on Friday") counts when the coverage also gives calendar dates. */
const BARE_WEEKDAY_FACTOR = 0.7;

/**
 * A calendar date answers "when" better than a bare weekday: a weekday no date was matched to counts
 * less once any candidate is a date.
 */
function preferDates(candidates: Candidate[]): Candidate[] {
  if (!candidates.some((c) => !c.key.startsWith('weekday:'))) return candidates;
  return candidates.map((c) => (c.key.startsWith('weekday:') ? { ...c, confidence: c.confidence * BARE_WEEKDAY_FACTOR } : c));
}

/** The granularity a question asks for: "what day (of the week)…", "what date…", "what month…", "what year…". */
type Granularity = 'day' | 'date' | 'month' | 'year';

function askedGranularity(lower: string): Granularity | null {
  const m = /\b(?:what|which)\s+(day|date|year|month)\b/.exec(lower) ?? /\bwhat(?:'s|’s| is| was) the (date|day)\b/.exec(lower);
  return (m?.[1] as Granularity | undefined) ?? null;
}

/** Whether a date candidate gives the asked granularity, from its key: a calendar date, a weekday, a month, a year. */
function gives(c: Candidate, asked: Granularity): boolean {
  const kind = c.key.split(':')[0];
  if (kind === 'date') return asked !== 'year' || /\b(?:19|20)\d{2}\b/.test(c.value);
  if (kind === 'weekday') return asked === 'day';
  if (kind === 'month') return asked === 'month' || (asked === 'year' && !c.key.includes(':y-'));
  if (kind === 'year') return asked === 'year';
  return false;
}

/**
 * Values of the granularity the question asks for: "what day did it go on sale?" is answered by
 * "Monday", never by "1984" however often the coverage repeats it; "what year…" by a year. A value of
 * another granularity answers nothing (a year for "what day of the week…", a weekday for "what year…").
 */
function fitGranularity(candidates: Candidate[], lower: string): Candidate[] {
  const asked = askedGranularity(lower);
  if (!asked) return candidates;
  return candidates.filter((c) => gives(c, asked));
}

/** "two years ago", "18 months ago": how long ago, as the coverage says it. */
const AGO =
  /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|some)\s+(?:years?|months?|weeks?|days?|decades?|hours?)\s+ago\b/gi;
/** What "two years ago" counts for "how long ago…": the question's own terms. */
const AGO_CONFIDENCE = 0.9;

/** For "how long ago…": the spans that say how long ago ("who died two years ago"). */
function extractAgo(s: ScoredSentence): Candidate[] {
  return [...s.text.matchAll(AGO)].map((m) => ({
    key: `ago:${m[0].toLowerCase()}`,
    value: m[0],
    mention: m[0],
    at: m.index,
    sentence: s,
    confidence: AGO_CONFIDENCE,
  }));
}

/**
 * A coarser value the coverage also gives finer agrees with it: "February's Super Bowl" and "on 6
 * February" are one claim. A month takes the one calendar date found in it, and a year the one month
 * or date found in it (two finer values leave it as it is); the finer value, which the answer shows and
 * cites, counts with the coarser sentence's relevance, since together they answer the question.
 */
export function refineCoarse(candidates: Candidate[]): Candidate[] {
  const finer = (c: Candidate): Candidate[] => {
    const [kind, rest] = [c.key.split(':')[0], c.key.slice(c.key.indexOf(':') + 1)];
    if (kind === 'month') {
      const month = rest.split('-')[1];
      return candidates.filter((d) => d.key.startsWith(`date:${month}-`));
    }
    if (kind === 'year')
      return candidates.filter((d) => d.key.startsWith(`month:${rest}-`) || (d.key.startsWith('date:') && new RegExp(`\\b${rest}\\b`).test(d.value)));
    return [];
  };
  const lent = new Map<Candidate, number>();
  const out = candidates.map((c) => {
    const found = finer(c);
    if (new Set(found.map((d) => d.key)).size !== 1) return c;
    for (const d of found) lent.set(d, Math.max(lent.get(d) ?? 0, c.sentence.relevance));
    return { ...c, key: found[0]!.key, value: found[0]!.value };
  });
  return out.map((c) => {
    const relevance = lent.get(c);
    return relevance !== undefined && relevance > c.sentence.relevance ? { ...c, sentence: { ...c.sentence, relevance } } : c;
  });
}

/** "When…" questions: dates, weekdays resolved against the article's date, calendar dates first. */
export const when: Family = {
  name: 'when',
  detect: [
    { order: 50, test: (lower) => /\bhow long ago\b/.test(lower) },
    {
      order: 80,
      test: (lower) =>
        /^(when|since when|until when)\b|\b(what|which) (date|day|time|year|month|week)\b|\bwhat(?:'s|’s| is| was) the (date|deadline|day)\b|\bwhen (is|was|are|were|did|does|do|will|would)\b/.test(
          lower,
        ),
    },
  ],
  echoWords: ['when'],
  // "what date…", "which year…", "what day of the week…": the words that ask for the date name nothing in the coverage.
  // "what's the deadline…": so does the word that asks for a deadline ("have until 21 March").
  asking: (word, lower) =>
    (/^(?:date|day|year|month|week)$/.test(word) && new RegExp(`\\b(?:what|which) (?:day of the )?${word}\\b`).test(lower)) ||
    (word === 'deadline' && /\bwhat(?:'s|’s|s| is| was) the deadline\b/.test(lower)),
  cues: ['scheduled', 'date'],
  typed: true,
  minRelevance: 0.45,
  conflicts: true,
  regroup: refineCoarse,
  extract: ({ q, sentences }) => [
    ...fitGranularity(
      preferDates(resolveWeekdays(sentences.flatMap((s) => preferToldDates(extractDates(s, /\bwhat time\b/i.test(q.text)))))),
      q.text.toLowerCase(),
    ),
    ...(/\bhow long ago\b/i.test(q.text) ? sentences.flatMap(extractAgo) : []),
  ],
};
