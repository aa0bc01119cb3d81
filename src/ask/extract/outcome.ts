import { analyzeTerm, irregularBase, isVerbForm } from '../../index/analyzer.ts';
import type { Slot } from '../retrieve.ts';
import { tokenizeWords } from '../tokens.ts';
import { mainPartOfSpeech } from '../wordnet.ts';
import type { Candidate } from './candidate.ts';

/**
 * Outcomes over forecasts. Coverage tells what was expected before it tells what happened ("widely
 * tipped to win the best director prize", "is expected to sign", "could rise to 300"); a question
 * about what happened ("who won…?", "how much did they pay?") is answered by the sentence that says it
 * happened. A sentence whose only use of the question's verb is framed as a forecast or an intention
 * counts less, unless the question itself asks about one ("who is expected to win?").
 */

/** What a forecast candidate counts, relative to an outcome. */
const FORECAST_FACTOR = 0.6;

/**
 * Words that make the verb after them a forecast or an intention: "tipped to win", "tipped Scorsese to
 * win", "could rise", "plans to buy".
 */
const FORECAST_BEFORE =
  /\b(?:tipped|expected|likely|unlikely|set|poised|favourite|favorite|predicted|forecast|bidding|hoping|hopes|hoped|aiming|aims|plans|planning|planned|wants|wanted|intends|could|may|might|would|will|should|shall)\s+(?:[\p{L}'’]+\s+){0,2}?(?:to\s+)?(?:\p{L}+\s+)?$/iu;

/** A question that asks about a forecast or an intention itself ("…the Tories' chances of winning the next election"). */
const FORECAST_QUESTION =
  /\b(?:will|would|could|might|may|should|expected|likely|tipped|favourite|favorite|predicted|forecast|plans?|planning|hoping|hopes|going to|set to|poised|intends?|wants?|chances?|prospects?|odds)\b/i;

/**
 * Lowers the confidence of candidates from sentences that tell the question's verb only as a forecast.
 * @example preferOutcomes(candidates, 'who won best director?', slots) // "tipped to win … for Martin Scorsese" counts less
 */
export function preferOutcomes(candidates: Candidate[], question: string, slots: readonly Slot[]): Candidate[] {
  if (FORECAST_QUESTION.test(question)) return candidates;
  const verbs = slots.filter((s) => !s.subject && !/^\p{Lu}/u.test(s.label) && isVerb(s.label.toLowerCase()));
  // Only a question about the past ("who won", "how much did they pay"): "when is the vote?" asks
  // about what is planned.
  if (verbs.length === 0 || !(PAST_QUESTION.test(question) || verbs.some((v) => isPastForm(v.label.toLowerCase(), question)))) return candidates;
  const forecastOnly = new Map<string, boolean>();
  const isForecast = (text: string): boolean => {
    let known = forecastOnly.get(text);
    if (known === undefined) {
      const uses = tokenizeWords(text).filter((t) => {
        const term = analyzeTerm(t.text);
        return term !== null && verbs.some((v) => v.terms.has(term));
      });
      known = uses.length > 0 && uses.every((t) => FORECAST_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start)));
      forecastOnly.set(text, known);
    }
    return known;
  };
  return candidates.map((c) => (isForecast(c.sentence.text) ? { ...c, confidence: c.confidence * FORECAST_FACTOR } : c));
}

/** A question told in the past tense by its auxiliary. */
const PAST_QUESTION = /\b(?:did|was|were|had)\b/i;

/** A verb of the question in the simple past: "who requested…", "who won…" (not "gets considered", "is held"). */
function isPastForm(word: string, question: string): boolean {
  if (/ing$/.test(word)) return false;
  if (new RegExp(`\\b(?:is|are|be|been|being|gets?|getting|got)\\s+(?:\\p{L}+\\s+)?${word}\\b`, 'iu').test(question)) return false;
  if (/ed$/.test(word)) return isVerbForm(word);
  const base = irregularBase(word);
  return base !== null && base !== word;
}

function isVerb(word: string): boolean {
  return isVerbForm(word) || mainPartOfSpeech(word) === 'verb';
}
