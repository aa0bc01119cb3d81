import { escapeRegExp } from '../../text/patterns.ts';
import { RELATION_SETS, ROLE_NOUNS } from '../lexicon.ts';
import type { ScoredSentence } from '../retrieve.ts';
import { nameSpans, tokenizeWords } from '../tokens.ts';
import type { Candidate } from './candidate.ts';
import { STOP_WORDS, isVerbForm } from '../../index/analyzer.ts';
import { isCommonWord, isKindOf, mainPartOfSpeech, namesPersonOrBody, narrowerNouns, relatedWords } from '../wordnet.ts';
import { countryOf } from '../gazetteer.ts';

/**
 * "Who is X?" answers. For a person ("who is Yuri Ushakov?") the role the coverage gives them:
 * "Putin aide Yuri Ushakov", "Yuri Ushakov, a Putin aide,", "Charap, who was a top Russia adviser".
 * For a role ("who is the Kremlin spokesman?") the person named with it: "Kremlin spokesman Dmitry Peskov".
 */

const ROLE_SET = new Set(ROLE_NOUNS.map((r) => r.split(' ').pop()!));

/** True when the question's target reads as a role ("the Kremlin spokesman") rather than a name. */
export function isRoleTarget(target: string): boolean {
  const last = roleHead(target).toLowerCase();
  return ROLE_SET.has(last) || ROLE_SET.has(last.replace(/s$/, ''));
}

/** "… as provisional ", "… as the new ": "as" and the words that describe a kind, right before it. */
const AS_KIND = /\s+as\s+(?:(?:the|a|an)\s+)?(?:\p{Ll}+(?:\s+|-)){0,3}$/u;

/** A kind's place or body after it, then a comma: "senator from Kansas, ", "chief executive of the FA, ". */
const ROLE_FROM = /^\s+(?:from|of|for|at)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},\s+/u;

/**
 * True when the words between a name and a kind only describe the kind: "…, the biggest UK" (for
 * "bank"), not a verb and someone else's ("Moazzam, thanked his" before "lawyers").
 */
function describesOnly(between: string): boolean {
  return !between
    .replace(/^,\s+/, '')
    .trim()
    .split(/\s+/)
    .some((w) => /^(?:his|her|their|its|my|our|your)$/i.test(w) || (/^\p{Ll}+ed$/u.test(w) && isVerbForm(w)));
}

/** A plural noun's singular by its last "s" ("clubs" → "club"), never of a word ending in "ss" ("boss"). */
function singular(word: string): string {
  return word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word;
}

/** The head noun of a role phrase: "the mastermind of the attacks" → "mastermind". */
function roleHead(role: string): string {
  const words = role
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/\s+(of|for|at|in|on)\s+.*$/i, '')
    .split(/\s+/);
  return words[words.length - 1] ?? '';
}

/**
 * Roles given to a named person in a sentence.
 * @param target - the name asked about
 * @param options - anyPerson: any noun for a person is a role ("landowner", "analyst"), for who-is
 *   answers; otherwise only the lexicon's role words, for describing a name of any kind
 */
export function extractRoles(s: ScoredSentence, target: string, options: { anyPerson?: boolean } = {}): Candidate[] {
  const isRole = options.anyPerson ? isRoleOrPersonWord : isRoleWord;
  const surname = target
    .trim()
    .split(/\s+/)
    .pop()!
    .replace(/['’]s$/, '');
  const text = s.text;
  const out: Candidate[] = [];
  const first = target.trim().split(/\s+/)[0]!.toLowerCase();
  for (const span of nameSpans(text)) {
    const words = span.text.split(/\s+/);
    if (!words.some((w) => w.toLowerCase() === surname.toLowerCase())) continue;
    // "White House Press Secretary Jen Psaki" is one capitalised span: the title is its head.
    const nameAt = words.findIndex((w) => w.toLowerCase() === first || w.toLowerCase() === surname.toLowerCase());
    const title = words.slice(0, nameAt).join(' ');
    const inSpan = title?.split(/\s+/).some(isRole) ? title : null;
    // "said one of their lawyers, Michalis Dimitrakopoulos": a role set before the name with a comma.
    const before = roleBefore(text, span.start, isRole) ?? roleBeforeComma(text, span.start, isRole);
    const role = inSpan ? [before, inSpan].filter(Boolean).join(' ') : before;
    // "analyst Alex Potter at Lehman Brothers": the employer named right after the name belongs to the role.
    const employer = EMPLOYER_AFTER.exec(text.slice(span.end));
    const body = employer ? nameSpans(text).find((sp) => sp.start === span.end + employer[0].length) : undefined;
    if (role) {
      const c = roleCandidate(s, role, 1, isRole);
      const phrase = body ? `${role} ${employer![1]} ${body.text}` : role;
      out.push({ ...c, value: phrase, mention: phrase });
    }
    const after = roleAfter(text.slice(span.end), isRole);
    if (after) out.push(roleCandidate(s, after, 1, isRole));
  }
  return out;
}

/**
 * People named with a role in a sentence.
 * @param role - the role asked about ("the Kremlin spokesman")
 * @param question - the whole question: a capitalised span made only of its words and the kind
 *   ("Labour MP" for "which labour mp…") restates the kind and names nobody
 */
export function extractRoleHolders(s: ScoredSentence, role: string, question = ''): Candidate[] {
  const words = role
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/\s+(of|for|at|in|on)\s+.*$/i, '')
    .split(/\s+/);
  const asked = singular(roleHead(role).toLowerCase());
  // "which company…" is answered by a "firm" too.
  // WordNet's synonyms of its main sense too: "which bookie…" is answered by a "bookmaker".
  const heads = [
    ...new Set([
      asked,
      ...(RELATION_SETS.find((set) => set.includes(asked))?.filter((w) => !w.includes(' ') && w !== asked) ?? []),
      ...(mainPartOfSpeech(asked) === 'noun' ? relatedWords(asked).synonyms : []),
      // …and its narrower kinds, for a kind of person or body: "who's the lawyer…" is answered by "solicitor Matthew Knight".
      ...(namesPersonOrBody(asked) ? narrowerNouns(asked) : []),
    ]),
  ];
  const text = s.text;
  const lower = text.toLowerCase();
  // ("begg's lawyer": the possessive's name is the qualifier, "lawyer for Mr Begg".)
  const qualifiers = words
    .slice(0, -1)
    .map((w) => w.toLowerCase().replace(/['’]s$/, ''))
    .filter((w) => !STOP_WORDS.has(w));
  if (!qualifiers.every((q) => lower.includes(q))) return [];
  const out: Candidate[] = [];
  const spans = nameSpans(text);
  for (const m of lower.matchAll(headPattern(heads))) {
    const afterHead = m.index! + m[0].length;
    // "French President Francois Hollande" is one capitalised span: the name is what follows the title.
    const around = spans.find((sp) => sp.start <= m.index! && sp.end > afterHead);
    if (around) {
      const name = text.slice(afterHead, around.end).trim();
      if (/^\p{Lu}/u.test(name)) out.push(person(s, name, 1));
      // "the Department of Work and Pensions", "the University of Buckingham": the kind opens the name.
      else if (around.start === m.index! && /^(?:of|for)\s/.test(name)) out.push(person(s, around.text, 1));
      // "Tony Banks, Labour MP for West Ham": the span describes the kind the question asks for; the
      // name is the one before it.
      if (!(/^(?:of|for)\s/.test(name) && restatesKind(text.slice(around.start, m.index!), question))) continue;
    }
    // "Stuff Magazine", "Deutsche Bank": the kind is the last word of the name itself.
    const ending = spans.find((sp) => sp.start < m.index! && sp.end === afterHead);
    if (ending && !restatesKind(text.slice(ending.start, m.index!), question)) {
      out.push(person(s, ending.text, 1));
      continue;
    }
    const next = spans.find((sp) => sp.start > afterHead && sp.start <= afterHead + 2);
    if (next) out.push(person(s, next.text, 1));
    // "has appointed Tommy Burns as provisional caretaker-boss": the name before "as" holds the kind.
    const asBefore = AS_KIND.exec(text.slice(Math.max(0, m.index! - 60), m.index!));
    const appointed = asBefore ? spans.find((sp) => sp.end === m.index! - asBefore[0].length) : undefined;
    if (appointed) out.push(person(s, appointed.text, 1));
    // "A Republican senator from Kansas, Sam Brownbeck, …": the holder after where the kind is from.
    const from = next ? null : ROLE_FROM.exec(text.slice(afterHead));
    const holder = from ? spans.find((sp) => sp.start === afterHead + from[0].length) : undefined;
    if (holder) {
      out.push(person(s, holder.text, 1));
      continue;
    }
    // "UN resolution 1441", "flight 370": a thing of the kind named by its number.
    const byNumber =
      !next && !around ? /^\s(\d{1,5}[A-Z]?)\b(?![.,]\d|%|\s*(?:per|percent|years?|months?|days?|times|out\s+of)\b)/.exec(text.slice(afterHead)) : null;
    if (byNumber) {
      const name = `${text.slice(m.index!, afterHead)} ${byNumber[1]}`;
      out.push({ key: `name:${fold(name)}`, value: name, mention: name, at: m.index!, sentence: s, confidence: 1 });
    }
    // "Certain broadcasters, like Fox, …", "clubs such as Chelsea": an example of the kind.
    const example = EXAMPLE_AFTER.exec(text.slice(afterHead))?.[0].length;
    const instance = example === undefined ? undefined : spans.find((sp) => sp.start === afterHead + example);
    if (instance) out.push(person(s, instance.text, 0.9));
    // "told To Vima newspaper", "at Heathrow airport": the name right before the lower-case kind,
    // when no name follows it ("Kremlin spokesman Dmitry Peskov" names Peskov).
    // "the US Open junior title": words that describe the kind may stand between ("junior").
    // (Not a lone common word capitalised to open the sentence: "Animal welfare groups" names no group, "Certain broadcasters" none.)
    // "the Spider-Man 2 film": a sequel's number belongs to the name.
    const numbered = (sp: { end: number }): boolean => /^\s+\d{1,3}\s+$/.test(text.slice(sp.end, m.index!));
    const named = spans.find(
      (sp) =>
        sp.end < m.index! &&
        !(sp.start === 0 && !sp.text.includes(' ') && isCommonWord(sp.text)) &&
        (/^\s+$/.test(text.slice(sp.end, m.index!)) ||
          numbered(sp) ||
          (describesKind(text.slice(sp.end, m.index!)) && (sp.start > 0 || sp.text.includes(' ')))),
    );
    // ("the German film": a demonym before the kind only says where it is from.)
    if (!next && named && /^\p{Ll}/u.test(text.charAt(m.index!)) && !(countryOf(named.text) && !isCountryKind(asked)))
      out.push(person(s, numbered(named) ? text.slice(named.start, m.index!).trim() : named.text, 0.9));
    // "HSBC, the biggest UK bank": the name before a comma and a description ending in the kind (the
    // description may hold names of its own).
    const prior = spans
      .filter((sp) => sp.end <= m.index!)
      .reverse()
      .find((sp) => /^,\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,4}$/u.test(text.slice(sp.end, m.index!)) && describesOnly(text.slice(sp.end, m.index!)));
    if (prior) out.push(person(s, prior.text, 0.9));
  }
  return out;
}

/** What introduces an example of a kind: "broadcasters, like Fox", "clubs such as Chelsea", "firms including…". */
const EXAMPLE_AFTER = /^,?\s+(?:like|such as|including)\s+/;

/** True when every word before the kind in a capitalised span is a word of the question: "Labour" of "Labour MP". */
function restatesKind(before: string, question: string): boolean {
  const asked = new Set(question.toLowerCase().match(/[\p{L}'’-]+/gu) ?? []);
  const words = before.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  return words.length > 0 && words.every((w) => asked.has(w));
}

/** Words between a name and the kind it is: up to two nouns and adjectives ("junior", "state oil"). */
function describesKind(between: string): boolean {
  const words = /^\s+((?:\p{Ll}[\p{Ll}-]*\s+){1,2})$/u.exec(between)?.[1]?.trim().split(/\s+/);
  return words?.every((w) => !STOP_WORDS.has(w) && (mainPartOfSpeech(w) === 'noun' || mainPartOfSpeech(w) === 'adj')) ?? false;
}

const headPatterns = new Map<string, RegExp>();
/** Shortest head a compound may end in. */
const MIN_COMPOUND_HEAD = 5;

/** "spokesman", "spokesmen", "spokeswoman", "newspaper" for paper… but not "the band’s": the role word as a head, compiled once. */
function headPattern(heads: readonly string[]): RegExp {
  const key = heads.join('|');
  let re = headPatterns.get(key);
  if (!re) {
    // A compound ending in a head of five letters or more counts as one ("newspaper" for "which
    // paper"); shorter heads end too many unrelated words ("making" for "king").
    const compoundable = heads.filter((h) => h.length >= MIN_COMPOUND_HEAD).map(escapeRegExp);
    const alternatives = [...(compoundable.length ? [`\\p{Ll}{2,}(?:${compoundable.join('|')})`] : []), ...heads.map(escapeRegExp)];
    re = new RegExp(`\\b(?:${alternatives.join('|')})(?:s|woman|man)?\\b(?!['’]s)`, 'gu');
    if (headPatterns.size > 500) headPatterns.clear();
    headPatterns.set(key, re);
  }
  return re;
}

function isRoleWord(w: string): boolean {
  const l = w.toLowerCase();
  return ROLE_SET.has(l) || ROLE_SET.has(l.replace(/s$/, ''));
}

/**
 * A role word, or any noun WordNet files under person in its main use ("landowner", "analyst"): what
 * a person is called ("North Devon landowner Giles Bradshaw"). For describing people only:
 * "gadget-lovers" and "fundraiser" are persons too, and so is a two-letter "DJ".
 */
function isRoleOrPersonWord(w: string): boolean {
  return isRoleWord(w) || (mainPartOfSpeech(w.toLowerCase()) === 'noun' && isKindOf(w, 'person'));
}

/** A kind that countries are ("which country…", "which nation…"). */
function isCountryKind(kind: string): boolean {
  return /^(?:country|nation|state|side|team)$/.test(kind);
}

/** A named holder of a role: people are keyed by surname ("Hollande" = "François Hollande"), other names whole. */
function person(s: ScoredSentence, name: string, confidence: number): Candidate {
  // "the Russian side": a country's name or demonym stands for the country, as agents key it.
  const country = countryOf(name);
  if (country) return { key: `country:${country.toLowerCase()}`, value: country, mention: name, sentence: s, confidence };
  const words = name.split(/\s+/);
  const personLike = words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}\p{Ll}+(-\p{Lu}?\p{Ll}+)?$/u.test(w));
  const key = personLike ? `person:${fold(words[words.length - 1]!)}` : `name:${fold(name)}`;
  return { key, value: name, mention: name, sentence: s, confidence };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function roleCandidate(s: ScoredSentence, phrase: string, confidence: number, isRole: (w: string) => boolean = isRoleWord): Candidate {
  const words = phrase.split(/\s+/);
  const head = singular(([...words].reverse().find(isRole) ?? words[words.length - 1]!).toLowerCase());
  // Synonymous roles agree: "ringleader", "mastermind" and "organiser" are one answer.
  const family = RELATION_SETS.find((set) => set.includes(head));
  return {
    key: `role:${family ? family[0] : head}`,
    value: phrase,
    mention: phrase,
    sentence: s,
    confidence,
  };
}

/** A preposition right after a name that introduces whom the person works for ("Alex Potter at Lehman Brothers"). */
const EMPLOYER_AFTER = /^\s+(at|of|with|from)\s+(?:the\s+)?/;

/** Lower-case words that may stand in a role phrase before a name. */
const ROLE_MODIFIER =
  /^(top|former|senior|junior|chief|deputy|acting|alleged|suspected|presumed|presidential|foreign|interior|defence|defense|prime|vice|general|national|federal|state|press|security|foreign-policy|\p{L}+(?:al|ial|ian|ive|ary|ic|ern|ese|ish))$/u;

/** "Russian presidential aide" in "Russian presidential aide Yuri Ushakov". */
function roleBefore(text: string, nameStart: number, isRole: (w: string) => boolean): string | null {
  const tokens = tokenizeWords(text.slice(0, nameStart));
  const picked: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && picked.length < 5; i--) {
    const t = tokens[i]!;
    const gap = text.slice(t.end, i === tokens.length - 1 ? nameStart : tokens[i + 1]!.start);
    if (!/^\s+$/.test(gap)) break;
    // ("fans, including former Scotland manager Craig Brown": the role starts after the word that lists him.)
    if (STOP_WORDS.has(t.lower) || /^(mr|mrs|ms|dr|said|told|says|including|like|among|as)$/.test(t.lower)) break;
    // Lower-case words must be role nouns or modifiers ("top", "suspected", "satellite", "engineering"),
    // not verbs ("met", "visited").
    if (
      /^\p{Ll}/u.test(t.text) &&
      !isRole(t.text) &&
      !ROLE_MODIFIER.test(t.lower) &&
      !t.lower.endsWith('ing') &&
      (isVerbForm(t.text) || mainPartOfSpeech(t.lower) === 'verb')
    )
      break;
    picked.unshift(t.text);
  }
  while (picked.length && !isRole(picked[picked.length - 1]!)) picked.pop();
  return picked.length ? picked.join(' ') : null;
}

/** Where a role phrase after a name ends: a phrase of time, a second clause, or a place once the role has its "of". */
const ROLE_PHRASE_END = /\s(?:at|in|on|during|since|last|from|until|when|and|but|also|before|after)\s/g;
/** Most words a role phrase may keep. */
const MAX_ROLE_WORDS = 8;

/** "one of their lawyers, " / "Mrs Quinn's nanny, " right before a name: the role ends in a role word. */
function roleBeforeComma(text: string, nameStart: number, isRole: (w: string) => boolean): string | null {
  const m =
    /(?:^|[\s(])((?:(?:one|two|three|some|any|each|all) of )?(?:(?:the|a|an|his|her|their|its|our)\s+|[\p{Lu}][\p{L}'’.-]*['’]s\s+)?(?:[\p{L}'’-]+\s+){0,3}?[\p{Ll}'’-]+),\s+$/u.exec(
      text.slice(0, nameStart),
    );
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  const head = words[words.length - 1]!;
  if (!isRole(head)) return null;
  return m[1]!.replace(/^(?:the|a|an)\s+/i, '');
}

/** ", a Putin aide," / ", who was a top Russia adviser in the Obama administration," after a name. */
function roleAfter(rest: string, isRole: (w: string) => boolean): string | null {
  const m =
    /^,\s+(?!(?:and|or|but|while|as|who\s+(?:said|told|says))\b)(?:who\s+(?:is|was|has been|had been)\s+(?:now\s+|also\s+)?)?(?:(?:a|an|the)\s+)?((?:[\p{L}'’.-]+\s+){0,11}?[\p{L}'’.-]+?)(?=,|\.|;|\s+who\b|\s+(?:said|told|says|added)\b|$)/u.exec(
      rest,
    ) ??
    /^\s+(?:is|was)\s+(?:(?:a|an|the)\s+)((?:[\p{L}'’.-]+\s+){0,6}?[\p{L}'’.-]+?)(?=,|\.|;|\s+who\b|$)/u.exec(rest) ??
    // "Bill Conti's job of musical director of the Oscars show is…"
    /^(?:['’]s)?\s+(?:job|role|post|position|stint|tenure)\s+(?:as|of)\s+(?:(?:a|an|the)\s+)?((?:[\p{L}'’.-]+\s+){0,6}?[\p{L}'’.-]+?)(?=,|\.|;|\s+(?:is|was|has|had|will|would|since|because)\b|$)/u.exec(
      rest,
    );
  if (!m) return null;
  // "head of the Greek Olympic team at the Athens Games last year": the role ends where a phrase of
  // place, time or a second clause begins, once it holds its role word.
  let phrase = m[1]!.trim();
  for (const cut of phrase.matchAll(ROLE_PHRASE_END)) {
    const head = phrase.slice(0, cut.index);
    // "analyst at Wedbush Morgan Securities": "at" gives the employer, unless an "of" did already.
    if (/^\s(?:at|in|on|from)\s$/.test(cut[0]) && !/\sof\s/.test(head)) continue;
    if (head.split(/\s+/).some(isRole)) {
      phrase = head;
      break;
    }
  }
  const words = phrase.split(/\s+/);
  if (!words.some(isRole) || words.length > MAX_ROLE_WORDS) return null;
  return phrase;
}
