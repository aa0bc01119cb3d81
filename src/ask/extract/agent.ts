import type { CorpusIndex } from '../../index/corpus-index.ts';
import { analyzeTerm, isVerbForm } from '../../index/analyzer.ts';
import type { ScoredSentence, Slot } from '../retrieve.ts';
import { TELLING, TELLING_SOON } from '../quotes.ts';
import { tokenizeWords } from '../tokens.ts';
import type { Candidate } from './candidate.ts';
import { classifySpan, countryOfPerson, entityAfter, entityBefore, qualifiesNext, titleBetween, type EntityMention } from './entities.ts';
import { nameSpans } from '../tokens.ts';
import { NON_NAME_CAPITALS } from '../lexicon.ts';
import { isCommonWord, kindsOfName, mainPartOfSpeech, relatedWords } from '../wordnet.ts';

/**
 * Agents: who did something ("who requested the call?"). Around a word of the question's relation
 * (or any of its synonyms) the agent is read from the construction: "requested by Russia", "at the
 * request of the Russian side", "at the behest of Moscow", "which Putin requested", "Russia asked
 * for…", "Moscow's request".
 */

/** Nominal forms that take their agent after "of": "at the request/behest/initiative of X". */
const OF_NOUNS =
  /\b(?:at|on|upon|following)\s+(?:the\s+)?(?:request|behest|initiative|invitation|urging|instigation|insistence|suggestion|demand|order|orders)\s+of\s+/gi;

/** Particles of phrasal verbs, which may stand between a passive verb and its "by": "frozen out by". */
const PARTICLES = new Set(['out', 'up', 'off', 'down', 'in', 'over', 'away', 'back', 'on', 'aside']);

/** What a name before the noun form of the question's verb counts ("the Sunday Times poll" for "who polled"). */
const NOUN_FORM_FACTOR = 0.7;

/** A verb opening a sentence's second predicate: "… and is said to have rented", "… but later signed". */
const COORDINATED_PREDICATE =
  /\s(?:and|but)\s+(?:(?:has|had|have|was|is|were|are|is said to have|was said to have|are said to have|reportedly|allegedly|also|then|later)\s+)*$/i;
/** How far into a sentence its subject's name may start ("Mr Bendaoud", "“Jawad Bendaoud"). */
const OPENING_NAME_AT = 4;

/** The opening of a cleft sentence: "It was …", "It is …" followed later by "who" or "that". */
const CLEFT = /^[“"]?It\s+(?:was|is|had been|has been)\s+(?=[^,.]{2,80}?\s(?:who|that)\s)/;

/**
 * Finds agents of the relation in a sentence.
 * @param relationSlots - slots of the question's action (their terms include synonyms): where to look for agents
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractAgents(
  index: CorpusIndex,
  s: ScoredSentence,
  relationSlots: readonly Slot[],
  questionSlots: readonly Slot[] = relationSlots,
): Candidate[] {
  const out: Candidate[] = [];
  const text = s.text;
  const push = (e: EntityMention | null, confidence: number): void => {
    if (answersQuestion(e, questionSlots)) out.push(toCandidate(index, s, e, confidence));
  };
  for (const m of text.matchAll(OF_NOUNS)) push(entityAfter(text, m.index! + m[0].length), 1);
  // "It was the International Olympic Committee who demanded…": a cleft puts the doer in focus,
  // whatever verb the coverage uses for the question's.
  const cleft = CLEFT.exec(text);
  if (cleft) push(entityAfter(text, cleft.index + cleft[0].length), 0.85);
  const tokens = tokenizeWords(text);
  tokens.forEach((tok, i) => {
    const term = analyzeTerm(tok.text);
    if (!term || !relationSlots.some((slot) => slot.terms.has(term))) return;
    // passive: "requested by Russia", "frozen out by coach Jose Mourinho" (a particle between)
    const next = PARTICLES.has(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.lower === 'by' ? tokens[i + 2] : tokens[i + 1];
    if (next?.lower === 'by') {
      push(entityAfter(text, next.end), 1);
      return;
    }
    // "Moscow's request", "Russia’s call for"
    const possessive = /([\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)*)['’]s\s+$/u.exec(text.slice(0, tok.start));
    if (possessive && !NON_NAME_CAPITALS.has(possessive[1]!.toLowerCase())) {
      const start = possessive.index;
      push(
        classifySpan(text, {
          text: possessive[1]!,
          start,
          end: start + possessive[1]!.length,
        }),
        0.8,
      );
    }
    // active subject: "which Putin requested", "Russia asked for", "Blinken held talks"
    const before = entityBefore(text, tok.start, true);
    // "former Marsh senior vice president Joshua Bewlay": a name before a title the question's word
    // opens only qualifies it; the holder is the name after the title.
    const holder = before ? nameSpans(text).find((sp) => sp.start > tok.start && titleBetween(text, before, sp)) : undefined;
    const subject = holder ? { ...classifySpan(text, holder), verbGap: before!.verbGap } : before;
    // "the Sunday Times poll": a name before the noun the verb shares a stem with modifies it; the
    // doer of "polled" is read more surely from "YouGov polled".
    const nounForm = !isVerbForm(tok.text) && mainPartOfSpeech(tok.lower) === 'noun';
    if (subject) push(subject, (subject.verbGap ? 0.7 : 0.9) * (nounForm ? NOUN_FORM_FACTOR : 1));
    // "Due to follow are AOL and Yahoo. The latter recently bought Stata Labs": the name the sentence
    // before gives last (or, for "the former", first).
    else if (s.previous && LATTER_OR_FORMER.test(text.slice(0, tok.start))) {
      const previous = s.previous;
      // "AOL and Yahoo" is one span of names: its parts count one by one.
      const named = nameSpans(previous.text)
        // Not a common word capitalised to open the sentence ("Due to follow are…").
        .filter((sp) => !capitalisedCommonWord(sp, classifySpan(previous.text, sp)))
        .flatMap((sp) => {
          const parts: { text: string; start: number; end: number }[] = [];
          let at = sp.start;
          for (const part of sp.text.split(/(\s+(?:and|&)\s+)/)) {
            if (!/^\s+(?:and|&)\s+$/.test(part)) parts.push({ text: part, start: at, end: at + part.length });
            at += part.length;
          }
          return parts;
        });
      const which = /^(?:But |And |However, )?the former/i.test(text) ? named[0] : named.at(-1);
      if (named.length >= 2 && which) {
        const e = classifySpan(previous.text, which);
        // The citation widens over both sentences, so that it shows whom "the latter" means.
        const both = { ...s, text: s.article.text.slice(previous.start, s.end), start: previous.start };
        if (answersQuestion(e, questionSlots)) out.push({ ...toCandidate(index, s, e, LATTER_CONFIDENCE), sentence: both, at: undefined });
      }
    }
    // "Jawad Bendaoud, 29, was arrested … and is said to have rented the flat": a second predicate
    // of the sentence's subject, the name that opens it.
    else if (COORDINATED_PREDICATE.test(text.slice(0, tok.start))) {
      const opening = nameSpans(text)[0];
      if (opening && opening.start <= OPENING_NAME_AT) push(classifySpan(text, opening), 0.75);
    }
  });
  return dedupe(out);
}

/** What the name "the latter" or "the former" stands for counts as the doer. */
const LATTER_CONFIDENCE = 0.85;
/** A sentence that opens with "the latter" or "the former" as its subject, up to the verb. */
const LATTER_OR_FORMER = /^(?:But |And |However, )?the (?:latter|former)\b[^,.;]{0,40}$/i;

/** What the name after "the inquiry by" counts: the doer of the question's noun, not of its verb. */
const NOMINAL_AGENT_FACTOR = 0.8;

/**
 * Agents of the question's nouns: "the separate inquiry by Sir Alan Budd" answers "who ran the
 * inquiry?", "a bid by Euronext" answers "who made the bid?", whatever verb the question uses.
 * @param nounSlots - slots of the question's nouns (not its verbs)
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractNominalAgents(index: CorpusIndex, s: ScoredSentence, nounSlots: readonly Slot[], questionSlots: readonly Slot[]): Candidate[] {
  const out: Candidate[] = [];
  const tokens = tokenizeWords(s.text);
  tokens.forEach((tok, i) => {
    const term = analyzeTerm(tok.text);
    if (!term || tokens[i + 1]?.lower !== 'by' || !nounSlots.some((slot) => slot.terms.has(term))) return;
    const e = entityAfter(s.text, tokens[i + 1]!.end);
    if (answersQuestion(e, questionSlots)) out.push(toCandidate(index, s, e, NOMINAL_AGENT_FACTOR));
  });
  return dedupe(out);
}

/** What a name after "by" counts when the verb before it is not the question's (0.75: chosen on dev and val; 0.45 to 0.95 all gained, 0.75 to 0.85 most). */
const BY_AGENT_CONFIDENCE = 0.75;

/**
 * Names after "by" or "according to" in a sentence, as agents of whatever it tells ("a complaint has been made … by the
 * Board of Deputies", "statistics gathered by Netcraft", "a song performed there by Ray Charles"):
 * the coverage's verb is seldom the asker's. Never a name the question names.
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractByAgents(index: CorpusIndex, s: ScoredSentence, questionSlots: readonly Slot[]): Candidate[] {
  const out: Candidate[] = [];
  // ("…worth $2.6bn, according to industry analysts Screen Digest": whoever a claim is told after.)
  for (const m of s.text.matchAll(/\b(?:by|according to)\s+/g)) {
    const e = entityAfter(s.text, m.index + m[0].length);
    if (answersQuestion(e, questionSlots)) out.push(toCandidate(index, s, e, BY_AGENT_CONFIDENCE));
  }
  return dedupe(out);
}

const TELLING_FIRST = new RegExp(`^(?:${TELLING})\\s+`, 'i');

/**
 * Speakers, for "who said…" questions: the name that tells a quote ("“…,” Anais Faraj, an analyst at
 * Nomura, told…", "“…,” said Faraj") or opens a sentence of reported speech ("But Hans Reckers, a
 * board member of the Bundesbank, said that…"). What was said must hold some of the question's
 * other words, or the speaker counts for little: another remark is another speaker's.
 * @param contentSlots - the question's slots other than the speech verb
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractSpeakers(index: CorpusIndex, s: ScoredSentence, contentSlots: readonly Slot[], questionSlots: readonly Slot[]): Candidate[] {
  const out: Candidate[] = [];
  const text = s.text;
  const spans = nameSpans(text);
  const push = (e: EntityMention | null, said: string, confidence: number): void => {
    if (!e || e.kind === 'country' || namedByQuestion(e.canonical, questionSlots)) return;
    const terms = new Set((said.match(/[\p{L}\p{N}'’-]+/gu) ?? []).map((w) => analyzeTerm(w)).filter((t): t is string => t !== null));
    const onTopic = contentSlots.some((slot) => [...slot.terms.keys()].some((t) => terms.has(t)));
    out.push(toCandidate(index, s, e, onTopic ? confidence : confidence * OFF_TOPIC_SPEAKER));
  };
  for (const m of text.matchAll(/[,.!?]["”]\s*/g)) {
    const from = m.index + m[0].length;
    const quote = text.slice(0, m.index);
    const verb = TELLING_FIRST.exec(text.slice(from));
    if (verb) {
      push(entityAfter(text, from + verb[0].length), quote, 0.9);
      continue;
    }
    const span = spans.find((sp) => sp.start >= from && sp.start <= from + 1);
    if (span && TELLING_SOON.test(text.slice(span.end))) push(classifySpan(text, span), quote, 0.9);
  }
  const lead = /^(?:But|And|However|Meanwhile|Yet|So|Now)\b,?\s*/.exec(text)?.[0].length ?? 0;
  const opening = spans[0];
  const told = opening ? TELLING_SOON.exec(text.slice(opening.end)) : null;
  if (opening && told && opening.start <= lead + OPENING_NAME_AT) push(classifySpan(text, opening), text.slice(opening.end + told[0].length), 0.85);
  return dedupe(out);
}

/** Words of a speaker about themselves. */
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|mine|we|we're|we’re|we've|we’ve|us|our|ours)\b/i;
/** What the teller of a quote counts as the doer of what the quote says. */
const QUOTE_TELLER_CONFIDENCE = 0.7;

/**
 * The teller of a quote that names none, as the one who did what it says ("who compared the unions'
 * treatment with MPs…?" answered by "“What really riles me is the breathtaking hypocrisy of MPs…"):
 * whoever speaks in it (see quotes.ts). The citation runs from the sentence naming them to the quote,
 * verbatim.
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractQuoteTeller(index: CorpusIndex, s: ScoredSentence, questionSlots: readonly Slot[]): Candidate[] {
  // Only a quote in the first person tells what its speaker did ("What really riles me…"); "When
  // France scored…, they all waved" tells of others.
  if (!s.speaker || !FIRST_PERSON.test(s.text)) return [];
  const name = s.speaker.name;
  const teller = classifySpan(name, { text: name, start: 0, end: name.length });
  if (teller.kind === 'country' || !answersQuestion(teller, questionSlots)) return [];
  const span = { ...s, text: s.article.text.slice(s.speaker.from, s.end), start: s.speaker.from };
  return [toCandidate(index, span, teller, QUOTE_TELLER_CONFIDENCE)];
}

/** What a speaker counts when what they said shares none of the question's words. */
const OFF_TOPIC_SPEAKER = 0.4;

/** What a sentence's subject counts as the doer when no construction names one. */
const SUBJECT_CONFIDENCE = 0.5;

/**
 * The subject of a sentence as a weak agent: the name that opens it (after a leading "But", "And"…),
 * when the question does not name it.
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractSubjects(index: CorpusIndex, s: ScoredSentence, questionSlots: readonly Slot[]): Candidate[] {
  const lead = /^(?:But|And|However|Meanwhile|Yet|So|Now)\b,?\s*/.exec(s.text)?.[0].length ?? 0;
  const spans = nameSpans(s.text);
  const first = spans[0];
  if (!first || first.start > lead + OPENING_NAME_AT) return [];
  // "R&B star Alicia Keys…", "Labour peer Baroness Kennedy…": a name before a role and a name only
  // qualifies the role; the subject is the name after it.
  const next = spans[1];
  const opening = next && qualifiesNext(s.text, first, next) ? next : first;
  const e = classifySpan(s.text, opening);
  if (e.kind === 'country' || namedByQuestion(e.canonical, questionSlots)) return [];
  // "Disgraced former Chelsea striker…": a common word capitalised because it opens the sentence.
  if (capitalisedCommonWord(opening, e)) return [];
  return [toCandidate(index, s, e, SUBJECT_CONFIDENCE)];
}

/** A single common word capitalised because it opens the sentence ("Shares…", "Disgraced…"): no name. */
function capitalisedCommonWord(span: { start: number; text: string }, e: EntityMention): boolean {
  return span.start <= 1 && !span.text.includes(' ') && e.kind === 'other' && isCommonWord(span.text);
}

/** What a name counts that a sentence covering the question mentions, when no construction ties it to the question's action. */
const MENTIONED_CONFIDENCE = 0.4;

/**
 * The names a sentence mentions, as weak answers: when no construction ties anyone to the question's
 * action (the coverage says it with other words: "lost out to the might of Sweden" for "who knocked
 * them out?"), the name next to the question's words is the likeliest answer; the pipeline's nearness
 * ranks them. Never a name the question names.
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractMentioned(index: CorpusIndex, s: ScoredSentence, questionSlots: readonly Slot[]): Candidate[] {
  const out: Candidate[] = [];
  for (const span of nameSpans(s.text)) {
    const e = classifySpan(s.text, span);
    // A common word capitalised only because it opens the sentence ("Shares of tobacco firms…") names nobody.
    if (!capitalisedCommonWord(span, e) && answersQuestion(e, questionSlots)) out.push(toCandidate(index, s, e, MENTIONED_CONFIDENCE));
  }
  return dedupe(out);
}

/** What a name counts that WordNet files under the kind a question asks for ("which country…" and Sweden). */
const KIND_NAME_CONFIDENCE = 0.9;

/**
 * The names a sentence mentions that are of the kind the question asks for, by WordNet's instances:
 * "lost out to the might of Sweden" answers "which country knocked them out?" whatever the verb,
 * since Sweden is a country. Never a name the question names.
 * @param kind - the noun the question asks for ("country", "city", "river"), singular or plural
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractNamesOfKind(index: CorpusIndex, s: ScoredSentence, kind: string, questionSlots: readonly Slot[]): Candidate[] {
  const asked = new Set([kind.toLowerCase(), kind.toLowerCase().replace(/s$/, ''), ...relatedWords(kind).synonyms]);
  const out: Candidate[] = [];
  for (const span of nameSpans(s.text)) {
    const kinds = kindsOfName(span.text);
    if (![...asked].some((k) => kinds.has(k))) continue;
    const e = classifySpan(s.text, span);
    // Its type ties it to the question, not its place in the sentence: no nearness.
    if (answersQuestion(e, questionSlots)) out.push({ ...toCandidate(index, s, e, KIND_NAME_CONFIDENCE), at: undefined });
  }
  return dedupe(out);
}

/** A passive auxiliary right before a verb ("was arrested", "were reportedly met"). */
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?$/u;

/**
 * Patients: whom the action was done to, for "who did the unions meet?" and "who was arrested?". The
 * name right after the active verb ("met Deputy Prime Minister John Prescott"), or the subject of the
 * verb in the passive ("Jawad Bendaoud was arrested"); never the agent after "by".
 * @param relationSlots - slots of the question's action
 * @param questionSlots - all the question's slots: an entity the question names is never its answer
 */
export function extractPatients(index: CorpusIndex, s: ScoredSentence, relationSlots: readonly Slot[], questionSlots: readonly Slot[]): Candidate[] {
  const out: Candidate[] = [];
  const text = s.text;
  const push = (e: EntityMention | null, confidence: number): void => {
    if (answersQuestion(e, questionSlots)) out.push(toCandidate(index, s, e, confidence));
  };
  const tokens = tokenizeWords(text);
  tokens.forEach((tok, i) => {
    const term = analyzeTerm(tok.text);
    if (!term || !relationSlots.some((slot) => slot.terms.has(term))) return;
    if (PASSIVE_BEFORE.test(text.slice(Math.max(0, tok.start - 40), tok.start))) push(entityBefore(text, tok.start), 0.9);
    else if (tokens[i + 1]?.lower !== 'by') push(entityAfter(text, tok.end), 0.95);
  });
  return dedupe(out);
}

/**
 * The names a question with a stranded preposition asks for ("which club did Chelsea sign him
 * from?", "who did Blinken talk to on Wednesday?"): the name right after that preposition in the
 * sentence ("from AC Milan", "to Ukrainian President Volodymyr Zelenskyy"), never one the question names.
 * @param preposition - the question's stranded preposition, lower case
 */
export function extractPrepositionObjects(index: CorpusIndex, s: ScoredSentence, preposition: string, questionSlots: readonly Slot[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(new RegExp(`\\b${preposition}\\s+`, 'gi'))) {
    const e = entityAfter(s.text, m.index + m[0].length);
    if (!answersQuestion(e, questionSlots)) continue;
    out.push(toCandidate(index, s, e, 0.95));
  }
  return dedupe(out);
}

/**
 * An entity that can answer a who-question: a name (not a lower-case phrase), and never one the
 * question itself names ("who held talks with Zelenskyy?" is not answered by Zelenskyy).
 */
function answersQuestion(e: EntityMention | null, questionSlots: readonly Slot[]): e is EntityMention {
  return e !== null && !(e.kind === 'other' && !/^\p{Lu}/u.test(e.text)) && !namedByQuestion(e.canonical, questionSlots);
}

/** Turns an entity into a candidate; people who belong to a country are remembered for grouping. */
function toCandidate(index: CorpusIndex, s: ScoredSentence, e: EntityMention, confidence: number): Candidate {
  const kind = e.kind === 'other' && nameSpans(e.text).length === 1 ? 'other' : e.kind;
  const affiliation = kind === 'person' || kind === 'other' ? countryOfPerson(index, e.canonical) : null;
  return {
    key: `${kind}:${e.canonical.toLowerCase()}`,
    value: e.canonical,
    mention: e.text,
    at: e.start,
    sentence: s,
    confidence: kind === 'other' ? confidence * 0.7 : confidence,
    affiliation,
  };
}

function namedByQuestion(name: string, slots: readonly Slot[]): boolean {
  return name.split(/\s+/).some((w) => {
    const t = analyzeTerm(w);
    return t !== null && slots.some((slot) => (slot.terms.get(t) ?? 0) >= 0.85);
  });
}

function dedupe(cs: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.key}@${c.mention}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
