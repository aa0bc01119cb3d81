import { escapeRegExp } from '../../text/patterns.ts';
import type { NeighbourSentence, ScoredSentence, Slot } from '../retrieve.ts';
import { analyzeTerm, analyzeText } from '../../index/analyzer.ts';
import { antonyms, areSiblings, mainPartOfSpeech } from '../wordnet.ts';
import { nameSpans, tokenizeWords } from '../tokens.ts';
import type { Candidate } from '../extract/candidate.ts';
import { MONTHS, SPEECH_VERBS, WEEKDAYS } from '../lexicon.ts';

/**
 * Families answered by a whole sentence of the coverage: why (the reason), how (the manner) and
 * yes/no (the sentence that settles the question, read for its polarity). The sentence is quoted
 * whole and verbatim; the words that make it an answer of the right kind ("because", "in order to",
 * "by …ing") decide between equally relevant sentences.
 */

/** Words that state a reason outright: a sentence holding one explains rather than reports. */
const REASON =
  /\b(because|since|as a result of|due to|owing to|thanks to|in order to|so that|so as to|in response to|in protest|in retaliation|reasons? (?:is|was|were|being|behind)|for (?:this|that|these|those) reasons?|purpose|aim(?:ed)? (?:to|at)|intended to|motivated|prompted by|(?:has|have|had) prompted|caused by|blamed|based on|on the grounds|the grounds|hoping to|in a bid to|in an attempt to|an attempt to|the impetus|concerned that)\b|\b\p{L}+(?:ed|en) for (?:\p{L}+ )?\p{L}+ing\b|[,;] so (?!far\b|much\b|many\b|long\b|that\b)|, (?:saying|claiming|arguing|citing|complaining)\b|\bso \p{L}+ (?:\p{L}+ ){0,12}?that\b/iu;
/** A sentence that opens with a clause of reason: "As these sites rarely use advertising…, the burden…" (not "As well…", "As Mr Blair said"). */
const CAUSAL_AS =
  /^As (?!(?:well|of|part|for|such|expected|usual|ever|always|far|long|soon|much|many|a|an|the|with|in|at|to|if|though)\b)[a-z]+\b[^,.]{0,120},/;
/** Words that suggest a reason: a circumstance or a concern. */
const CIRCUMSTANCE =
  /\b(after|amid|following|reasons?|why|over concerns?|fears?|worried|concerns? (?:that|about|over)|sparked|triggered|led to|to (?:avoid|prevent|protect|ensure|stop|help|allow|clarify|discuss|set|push|secure|keep|punish|counter|defuse|win|raise|cut|boost))\b/i;
/** Words that give a manner or means. */
const MANNER =
  /\b(by \p{L}+ing|by means of|through|using|used|via|with the help of|thanks to|after|when|in a|in an|managed to|(?:is|are|was|were|be|been)(?: \p{L}+)? able to)\b/iu;
/** Negation in a sentence: it denies what the question asks. */
const NEGATION =
  /\b(not|no|never|neither|nor|without|nothing|none|nobody|no one|hardly|barely|scarcely|very few|denied|denies|deny|refused|refuses|rejected|rejects|ruled out|rules out|failed to|fails to|failed in|fails in|declined to|declines to|dismissed|contrary to|unsuccessful(?:ly)?|unable|turned down|rebuffed|thwarted|(?:has|have|had|is|are|was|were)\s+yet\s+to|fell short|falls short)\b|n['’]t\b/i;

/**
 * A forecast: the sentence says what is expected to happen, not what did ("tipped to win",
 * "expected to sign", "set to launch"), so it settles no yes/no question.
 */
const HEDGE = /\b(tipped to|expected to|likely to|poised to|set to|favourite to|favorite to|predicts?|predicted|forecasts?|tipped)\b/i;

/** Where one clause of a sentence ends and the next begins. */
const CLAUSE_BREAK = /;|:|\s[–—-]\s|,\s+(?:and|but|while|whereas|although|though)\s|\s(?:but|while|whereas)\s/g;

/**
 * Whether a sentence negates what the question asks: a negation in a clause that holds any of the
 * question's words ("…, but was not arrested at the time"); one in a clause about something else
 * ("…, and its lawyer said earlier statements may not have been right") does not count. Without
 * words to go by, any negation counts.
 */
function deniesQuestion(text: string, words: readonly Slot[]): boolean {
  const opposite = oppositeReading(text, words);
  if (opposite === 'denies') return true;
  // "the door is not closed" for "is the door still open?": a denied opposite affirms.
  if (opposite === 'affirms') return false;
  // "…tried to recruit him as an agent, but he refused and…": a refusal with no object of its own
  // turns down what the rest of the sentence tells.
  if (BARE_REFUSAL.test(text)) return true;
  // "Elvis's It's Now or Never slipped…": a capitalised word inside the sentence is a name or a
  // title, and negates nothing.
  const plain = blankNames(text);
  if (!NEGATION.test(plain)) return false;
  if (!words.length) return true;
  const breaks = [0, ...[...text.matchAll(CLAUSE_BREAK)].flatMap((m) => [m.index, m.index + m[0].length]), text.length];
  for (let k = 0; k + 1 < breaks.length; k += 2) {
    if (!NEGATION.test(plain.slice(breaks[k], breaks[k + 1]))) continue;
    const holds = tokenizeWords(text.slice(breaks[k], breaks[k + 1])).some((t) => {
      const term = analyzeTerm(t.text);
      return term !== null && words.some((w) => w.terms.has(term));
    });
    if (holds) return true;
  }
  return false;
}

/** A refusal with no object: "but he refused and…", "she declined.", "they said no". */
const BARE_REFUSAL = /\b(?:he|she|they|it|\p{Lu}\p{Ll}+)\s+(?:refused|declined|said no|turned (?:it|them|him|her) down)(?=\s*(?:[,.;!]|and\b|but\b|$))/u;

/**
 * Whether a sentence says the opposite of one of the question's words, by WordNet's antonyms, without
 * the word itself: "awareness … was low" for "was awareness high?", "Celtic lost" for "did Celtic win?"
 * deny; a denied opposite ("the door is not closed" for "is the door open?") affirms; null when the
 * sentence says no opposite.
 */
function oppositeReading(text: string, words: readonly Slot[]): 'denies' | 'affirms' | null {
  const tokens = tokenizeWords(text);
  const terms = new Set(tokens.map((t) => analyzeTerm(t.text)));
  for (const w of words) {
    if (!/^\p{Ll}/u.test(w.label)) continue;
    const opposite = new Set(antonyms(w.label).flatMap((a) => analyzeText(a)));
    if (![...opposite].some((t) => terms.has(t)) || [...w.terms.keys()].some((t) => !opposite.has(t) && terms.has(t))) continue;
    const at = tokens.find((t) => opposite.has(analyzeTerm(t.text) ?? ''));
    return at && DENIED_BEFORE.test(text.slice(Math.max(0, at.start - 24), at.start)) ? 'affirms' : 'denies';
  }
  return null;
}

/** A negation right before a word, one word at most between: "not closed", "never really lost", "isn't over". */
const DENIED_BEFORE = /\b(?:not|never|no longer)\s+(?:\p{L}+\s+)?$|n['’]t\s+(?:\p{L}+\s+)?$/iu;

/** The kind of value a word is, for telling one value from another of its kind: a month, a weekday or a number. */
function valueKind(word: string): 'month' | 'weekday' | 'number' | null {
  const lower = word.toLowerCase();
  // ("may" is the month only as "May".)
  const month = MONTHS.find((m) => m.toLowerCase() === lower);
  if (month && (month !== 'May' || word === 'May')) return 'month';
  if (WEEKDAYS.some((d) => d.toLowerCase() === lower)) return 'weekday';
  return /^\d+(?:[.,]\d+)?$/.test(word) ? 'number' : null;
}

/**
 * True when the sentence gives another value where the question has one: "is Yahoo launching it in
 * March?" and "Yahoo is planning to release similar software in January", "will it run on Windows 98?"
 * and "only works on PCs running Windows XP or Windows 2000". The question's value is missing from the
 * sentence, which holds a different value of the same kind: a month or a weekday, or a number after
 * the word the question puts before its own ("Windows 98", "Windows 2000").
 */
function substitutesValue(s: ScoredSentence, question: string, words: readonly Slot[]): boolean {
  const asked = tokenizeWords(question);
  const askedWords = new Set(asked.map((t) => t.lower));
  const given = tokenizeWords(s.text);
  return asked.some((q, i) => {
    const kind = valueKind(q.text);
    // Only a value the question asks about (a slot of its own) that the sentence lacks.
    if (kind === null || !words.some((w) => w.label === q.text) || s.matched.has(q.text)) return false;
    const before = asked[i - 1]?.lower;
    return given.some(
      (t, j) => !askedWords.has(t.lower) && valueKind(t.text) === kind && (kind !== 'number' || (before !== undefined && given[j - 1]?.lower === before)),
    );
  });
}

/** Where the clause about a sentence's subject ends: a clause break, or a relative clause about something else. */
const SUBJECT_CLAUSE_END = /;|:|\s[–—-]\s|,\s+(?:and|but|while|whereas|although|though|where|who|which|when)\s|\s(?:but|while|whereas)\s/;

/**
 * True when the clause about the question's subject holds, in place of a noun of the question, another
 * of its kind (WordNet siblings): "Kenteris won gold, while Thanou won silver" for "did Thanou win gold?".
 * The clause runs from the subject's first mention to the next clause break.
 * @param subjects - who or what the question asks about (its names before the action)
 */
function substitutesKind(text: string, subjects: readonly Slot[], words: readonly Slot[]): boolean {
  if (!subjects.length) return false;
  const tokens = tokenizeWords(text);
  const at = tokens.findIndex((t) => {
    const term = analyzeTerm(t.text);
    return term !== null && subjects.some((w) => w.terms.has(term));
  });
  if (at < 0) return false;
  const from = tokens[at]!.start;
  const end = SUBJECT_CLAUSE_END.exec(text.slice(from));
  const clause = tokens.filter((t) => t.start >= from && (!end || t.start < from + end.index));
  const terms = new Set(clause.map((t) => analyzeTerm(t.text)));
  const asked = new Set(words.flatMap((w) => [...w.terms.keys()]));
  return words.some(
    (w) =>
      !subjects.includes(w) &&
      /^\p{Ll}/u.test(w.label) &&
      mainPartOfSpeech(w.label) === 'noun' &&
      ![...w.terms.keys()].some((t) => terms.has(t)) &&
      clause.some((t) => /^\p{Ll}/u.test(t.text) && !asked.has(analyzeTerm(t.text) ?? '') && areSiblings(w.label, t.lower)),
  );
}

/** The sentence with the name spans inside it (not one that opens it: "Never before…") blanked out, offsets kept. */
function blankNames(text: string): string {
  let out = text;
  for (const span of nameSpans(text)) if (span.start > 1) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

/** A condition or an open question inside a sentence ("if Russia invades", "whether he would"). */
const CONDITION = /\b(?:if|whether|unless)\b/i;

/** Sentences a sentence family reads at most. */
const READ = 20;

/**
 * Candidate answers to a why or how question: each relevant sentence, preferred when it carries a
 * reason (why) or a manner (how).
 */
export function extractExplanations(sentences: readonly ScoredSentence[], kind: 'why' | 'how'): Candidate[] {
  const out: Candidate[] = [];
  const push = (s: ScoredSentence, confidence: number): void => {
    out.push({
      key: `${kind}:${s.article.id}:${s.start}`,
      value: s.text,
      mention: s.text,
      sentence: s,
      confidence,
    });
  };
  for (const s of sentences.slice(0, READ)) {
    const asks = /\?["”’)]*$/.test(s.text.trim());
    // An article's own question ("Why do Real Madrid … earn more?") restates the asker's: the
    // sentence after it is the article's answer.
    if (asks) {
      if (s.next && kind === 'why') push(neighbour(s, s.next), explanationFit(s.next.text, kind));
      continue;
    }
    push(s, explanationFit(s.text, kind));
    if (kind !== 'why') continue;
    // "… ended up not bidding. It was banned from taking part by a US court injunction.": the reason
    // may follow the sentence that matches the question, or precede one that says "As a result…".
    if (s.next && !REASON.test(s.text) && REASON.test(s.next.text)) push(neighbour(s, s.next), NEIGHBOUR_REASON);
    if (s.previous && CONSEQUENCE.test(s.text)) push(neighbour(s, s.previous), NEIGHBOUR_REASON);
  }
  return out;
}

/** What a reason told in the sentence next to the matching one counts. */
const NEIGHBOUR_REASON = 0.85;
/** A sentence that opens with a consequence: its reason is the sentence before. */
const CONSEQUENCE = /^(?:As a (?:result|consequence)|That is why|This is why|That's why|Consequently|Therefore|Hence|So)\b/;

/** A neighbour of a scored sentence, scored as it: the matching sentence vouches for it. */
function neighbour(s: ScoredSentence, n: NeighbourSentence): ScoredSentence {
  return { ...s, text: n.text, start: n.start, end: n.end, matched: new Set() };
}

/** How well a sentence gives what a why or how question asks for: 1 when it says so outright. */
function explanationFit(text: string, kind: 'why' | 'how'): number {
  if (kind === 'how') return MANNER.test(text) ? 1 : 0.7;
  return REASON.test(text) || CAUSAL_AS.test(text) ? 1 : CIRCUMSTANCE.test(text) ? 0.8 : 0.6;
}

/**
 * Relevance a sentence must reach to settle a yes/no question: what any answer needs (the coverage
 * words it otherwise: "write off a possible transfer fee" for "recoup a transfer fee").
 */
const YES_NO_RELEVANCE = 0.6;

/** Sentences within this much of the best relevance take part in a yes/no answer. */
const SETTLING_MARGIN = 0.05;

/**
 * Candidate answers to a yes/no question: "Yes" or "No" from the most relevant sentences, by whether
 * the sentence negates what the question asks or gives another value in place of the question's (a
 * question that is itself negated flips the reading).
 * @param question - the question text, to see whether it is negated ("didn't they…") and where its values stand
 * @param predicates - the question's actions: sentences that hold them all settle it, when some do
 * @param words - the question's words: a negation counts in a clause that holds one
 */
export function extractYesNo(
  sentences: readonly ScoredSentence[],
  question: string,
  predicates: readonly Slot[] = [],
  words: readonly Slot[] = [],
  subjects: readonly Slot[] = [],
): Candidate[] {
  const askedNegated = NEGATION.test(question);
  const out: Candidate[] = [];
  // Only the sentences that match the question best settle it: a passing mention of the same words
  // elsewhere ("Eastwood pipped Scorsese") must not outvote "Scorsese has never won". A sentence that
  // lacks the question's action ("Prescott held a private meeting" for "did Prescott offer a deal at
  // the meeting?") says nothing either way.
  const plain = sentences.slice(0, READ).filter((s) => !HEDGE.test(s.text) || HEDGE.test(question));
  const acting = plain.filter((s) => predicates.length > 0 && predicates.every((p) => s.matched.has(p.label)));
  const settling = acting.some((s) => s.relevance >= YES_NO_RELEVANCE) ? acting : plain;
  const best = Math.max(0, ...settling.map((s) => s.relevance));
  // "failed in its attempt to have the Act ruled invalid" for "did the court back the challenge?": a
  // sentence that denies the question with other verbs than the asker's, as relevant as the best,
  // settles it too.
  const bestPlain = Math.max(0, ...plain.map((s) => s.relevance));
  const denying =
    settling === acting ? plain.filter((s) => !acting.includes(s) && s.relevance >= bestPlain - SETTLING_MARGIN && deniesQuestion(s.text, words)) : [];
  for (const s of [...settling.filter((x) => x.relevance >= best - SETTLING_MARGIN), ...denying]) {
    if (s.relevance < YES_NO_RELEVANCE) continue;
    // "Philip Morris now accepts that nicotine is harmful, and its lawyer said… not…": only a negation
    // in a clause about what the question asks denies it.
    const denies = deniesQuestion(s.text, words) || substitutesValue(s, question, words) || substitutesKind(s.text, subjects, words);
    // "ready to react if Russia invades": a condition asserts nothing, so it cannot say yes.
    if (!denies && CONDITION.test(s.text)) continue;
    const negated = denies !== askedNegated;
    out.push({
      key: negated ? 'no' : 'yes',
      value: negated ? 'No' : 'Yes',
      mention: s.text,
      sentence: s,
      confidence: 1,
    });
  }
  return out;
}

/** Speech in a sentence: a quotation mark or a verb of saying. */
const SPEECH =
  /["“”]|\b(said|says|told|tells|warned|warns|added|insisted|argued|claimed|described|called|stated|declared|announced|admitted|explained|urged|vowed|promised|denied|replied|wrote|according to)\b/i;

/** The lexicon's verbs of saying, as a pattern's alternatives. */
const SPEECH_VERB_WORDS = SPEECH_VERBS.join('|');

/** A verb right after a name: the name is the subject of a clause ("Mr Blair was…", "Smith resigned"). */
const REPORTED_VERB = 'was|is|were|are|had|has|have|would|will|should|could|did|does|must|might|may|can|\\p{Ll}+ed';

/** True when the speaker is named before the sentence's first verb of saying: its subject. */
function speaksFirst(text: string, mentions: RegExp): boolean {
  const at = text.search(mentions);
  const verb = text.search(new RegExp(`\\b(?:${SPEECH_VERB_WORDS})\\b`, 'i'));
  return at >= 0 && (verb < 0 || at < verb);
}

/**
 * Sentences that name the speaker and report speech, as whole-sentence answers to "what did X say":
 * a weaker reading than an attributed statement, used when the wording defeats the extractor.
 * @param speaker - who the question asks about ("Scudamore", "the Molenbeek mayor")
 */
export function extractReportedSpeech(sentences: readonly ScoredSentence[], speaker: string): Candidate[] {
  const names = speaker.split(/\s+/).filter((w) => w.length > 2 && !/^(the|a|an)$/i.test(w));
  if (!names.length) return [];
  const mentions = new RegExp(`\\b(${names.map(escapeRegExp).join('|')})\\b`, 'i');
  // "32% said Mr Blair was a good prime minister": the name after the verb of saying is the subject of
  // what was said, not who said it (unless it was named first).
  const spokenOf = new RegExp(
    `\\b(?:${SPEECH_VERB_WORDS})\\s+(?:that\\s+)?(?:(?:Mr|Mrs|Ms|Dr)\\.?\\s+)?(?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,2}(?:${names.map(escapeRegExp).join('|')})\\s+(?:${REPORTED_VERB})\\b`,
    'iu',
  );
  return sentences
    .slice(0, READ)
    .filter((s) => mentions.test(s.text) && SPEECH.test(s.text))
    .filter((s) => !spokenOf.test(s.text) || speaksFirst(s.text, mentions))
    .map((s) => ({
      key: `speech:${s.article.id}:${s.start}`,
      value: s.text,
      mention: s.text,
      sentence: s,
      confidence: 0.7,
    }));
}
