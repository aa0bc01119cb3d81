import { extractPlaces } from '../extract/place.ts';
import type { Candidate } from '../extract/candidate.ts';
import type { Family } from './family.ts';
import { isTitledPerson } from '../extract/entities.ts';
import { countryOf } from '../gazetteer.ts';
import { extractOutlets } from '../extract/outlet.ts';
import { kindsOfName } from '../wordnet.ts';
import { SPEECH_VERBS } from '../lexicon.ts';

/** Nouns of a place ("which city…", "what stadium…"). */
const PLACE_KINDS: readonly string[] = [
  'city',
  'country',
  'place',
  'town',
  'venue',
  'location',
  'region',
  'area',
  'capital',
  'stadium',
  'airport',
  'port',
  'island',
  'constituency',
  'seat',
  'county',
  'state',
  'province',
  'district',
  'village',
  'suburb',
  'street',
  'neighbourhood',
  'neighborhood',
  'hospital',
  'prison',
  'ground',
  'arena',
  'base',
];

/** "where…", "which city is…", "in what town…", "…where was…". */
const WHERE_QUESTION = new RegExp(
  [
    '^where\\b',
    `^(which|what) (?:[a-z]+ )?(${PLACE_KINDS.join('|')}) (is|was|are|were|did|does|do|will|would|has|have|had|in|on|at|to|from)\\b`,
    '\\b(in|at|to) (what|which) (city|country|place|town|venue|location|region|area|part)\\b',
    '\\bwhere (is|was|are|were|did|does|do|will|would)\\b',
  ].join('|'),
);

/** "…- which stadium?": a kind of place asked anywhere in the question, compiled once. */
const KIND_ASKED_AFTER = new RegExp(`\\b(?:which|what) (${PLACE_KINDS.join('|')})\\b`, 'i');

/** A question about where someone spoke: a verb of saying, or of speaking out. */
const SPOKE = new RegExp(
  `\\b(?:${[...SPEECH_VERBS, 'speak', 'speaks', 'speaking', 'spoke', 'slam', 'slammed', 'criticise', 'criticised', 'criticize', 'criticized', 'attack', 'attacked'].join('|')})\\b`,
  'i',
);
/**
 * "Where" questions: places, in the direction asked ("where was the flight going?" → its destination,
 * "…take off from?" → its origin), of the kind asked ("which island…"), after the question's own
 * preposition ("MP for where?").
 */
export const where: Family = {
  name: 'where',
  detect: [{ order: 90, test: (lower) => WHERE_QUESTION.test(lower) }],
  echoWords: ['where'],
  cues: ['held', 'venue'],
  typed: true,
  minRelevance: 0.45,
  conflicts: true,
  extract: ({ index, q, sentences }) => {
    const direction = /\b(from|depart(?:ed|ing|s)?|leave|left|origin(?:ate|ated)?)\b/i.test(q.text)
      ? 'from'
      : // (Not every "to": "the convention to find the best impersonator" asks where it was.)
        /\b(going|go|went|gone|bound|heading|headed|destination|fly(?:ing)?|flew|travel(?:l?ing|led)?|moved?|moving)\b|\bto$/i.test(q.text)
        ? 'to'
        : null;
    const countryWanted = /\b(which|what) (country|countries|nation|nations)\b/i.test(q.text);
    // "which island…", "what stadium…": the kind of place asked for (a country has its own test).
    // "where was the game played - which stadium?": the kind may be asked after the question, too.
    const named = q.answerKind ?? KIND_ASKED_AFTER.exec(q.text)?.[1]?.toLowerCase() ?? null;
    const kind = named && named !== 'country' && PLACE_KINDS.includes(named) ? named : null;
    const asked = /\b(for|in|at|from|to|near|outside|inside|of)\s+where\b/i.exec(q.text)?.[1]?.toLowerCase() ?? null;
    const out: Candidate[] = [];
    for (const s of sentences) out.push(...extractPlaces(s, direction, countryWanted, kind, asked));
    // "where did she slam the plans?" answered by "told BBC Radio 4's Today programme that…": where
    // someone spoke is the programme, paper or channel they spoke to.
    if (SPOKE.test(q.text)) for (const s of sentences) out.push(...extractOutlets(s));
    // "assistant to Ferguson at the World Cup": a name the coverage gives a person's title is no place.
    return out.filter((c) => countryOf(c.value) !== null || kindsOfName(c.value).size > 0 || !isTitledPerson(index, c.value));
  },
};
