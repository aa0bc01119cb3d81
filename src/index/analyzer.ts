import { stemmer } from 'stemmer';

/**
 * Text analysis for news English, shared by indexing and querying: lower-casing, possessive and
 * accent folding, stop-word removal and Porter stemming (cached, since news vocabulary repeats).
 */

/** Common English function words that carry no search signal. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few
for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also just will shall
may might must s t near along across behind beside beyond toward towards upon within without amid amidst among
via per onto inside outside around`.split(/\s+/),
);

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;
/** Results by raw token ("Russia's" → 'russia', "The" → null): news text repeats its tokens, so most are hits. */
const tokenCache = new Map<string, string | null>();

/**
 * Normalises one token into an index term, or null to drop it (stop word, lone punctuation).
 * @example analyzeTerm("Russia's") // 'russia'
 * @example analyzeTerm('requested') // 'request'
 */
export function analyzeTerm(token: string): string | null {
  const known = tokenCache.get(token);
  if (known !== undefined) return known;
  const result = analyzeUncached(token);
  if (tokenCache.size < STEM_CACHE_LIMIT) tokenCache.set(token, result);
  return result;
}

function analyzeUncached(token: string): string | null {
  let term = token.toLowerCase();
  if (term.length > 1 && /['’]s$/.test(term)) term = term.slice(0, -2);
  // Contractions are stop words as written ("he'll", "doesn't"), before the apostrophe goes ("hell").
  if (STOP_WORDS.has(term.replace(/’/g, "'"))) return null;
  // …and so is one the list lacks whose word is one ("might've", "should've", "who'd").
  const contracted = /^(\p{L}+)['’](?:ve|d|ll|re|m)$/u.exec(term)?.[1];
  if (contracted && STOP_WORDS.has(contracted)) return null;
  term = term.replace(/['’]/g, '');
  if (term === '' || STOP_WORDS.has(term)) return null;
  const cached = stemCache.get(term);
  if (cached !== undefined) return cached;
  const folded = /[^\x00-\x7f]/.test(term) ? term.normalize('NFD').replace(/\p{M}/gu, '') : term;
  const base = IRREGULAR_VERBS.get(folded) ?? folded;
  const stem = /^\d/.test(base) ? base : stemmer(base);
  if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(term, stem);
  return stem;
}

/**
 * True when a word is a verb form by its shape: a regular past or present participle ("requested",
 * "playing") or an irregular past form ("held", "made").
 * @example isVerbForm('annexed') // true
 */
export function isVerbForm(word: string): boolean {
  const w = word.toLowerCase();
  return /^\p{L}{3,}(ed|ing)$/u.test(w) || IRREGULAR_VERBS.has(w);
}

/**
 * The base form of an irregular verb form, or null ("lost" → "lose", "held" → "hold").
 * @example irregularBase('flown') // 'fly'
 */
export function irregularBase(word: string): string | null {
  return IRREGULAR_VERBS.get(word.toLowerCase()) ?? null;
}

/**
 * Splits text into raw tokens: runs of letters and digits, with inner apostrophes followed by letters
 * ("Russia's", "don’t"); hyphens and other marks split.
 * @example tokenize("Russia's 2-day talks") // ["Russia's", '2', 'day', 'talks']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (token) => out.push(token));
  return out;
}

/**
 * Visits the tokens of {@link tokenize} with where each starts, for readers that keep offsets. One
 * pass over the characters, ASCII read directly and other characters by their Unicode class: a
 * regular expression would make an array per token (this runs over every word the desk indexes).
 */
export function forEachToken(text: string, visit: (token: string, start: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const width = wordCharWidth(text, i, false);
    if (width === 0) {
      i += charWidth(text, i);
      continue;
    }
    const start = i;
    i += width;
    for (let w = wordCharWidth(text, i, false); w > 0; w = wordCharWidth(text, i, false)) i += w;
    // "’s", "'t": an apostrophe joins letters after it (not digits), as often as it recurs.
    while (i < n && (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019)) {
      const letter = wordCharWidth(text, i + 1, true);
      if (letter === 0) break;
      i += 1 + letter;
      for (let w = wordCharWidth(text, i, true); w > 0; w = wordCharWidth(text, i, true)) i += w;
    }
    visit(text.slice(start, i), start);
  }
}

/** Code units of the character at `i`: 2 for a surrogate pair, else 1. */
function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Code units of the letter (or, unless `lettersOnly`, digit) at `i`; 0 when it is neither. */
function wordCharWidth(text: string, i: number, lettersOnly: boolean): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (!lettersOnly && c >= 48 && c <= 57) ? 1 : 0;
  const width = charWidth(text, i);
  const char = text.slice(i, i + width);
  return (lettersOnly ? LETTER : LETTER_OR_DIGIT).test(char) ? width : 0;
}

const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Tokenizes and analyzes text into index terms, in order (duplicates kept).
 * @example analyzeText('Who requested the call?') // ['request', 'call']
 */
export function analyzeText(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = analyzeTerm(token);
    if (term !== null) out.push(term);
  }
  return out;
}

/**
 * Irregular English verb forms and their base ("flown" → "fly"), so that a question's "fly" finds an
 * article's "flown"; also the -ie verbs the Porter stemmer splits ("died" → "di" but "die" → "die").
 * Regular forms are handled by the stemmer.
 */
const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    arise: 'arose arisen',
    awake: 'awoke awoken',
    bear: 'bore borne',
    beat: 'beaten',
    become: 'became',
    begin: 'began begun',
    bend: 'bent',
    bet: '',
    bind: 'bound',
    bite: 'bitten',
    bleed: 'bled',
    blow: 'blew blown',
    break: 'broke broken',
    bring: 'brought',
    build: 'built',
    burn: 'burnt',
    buy: 'bought',
    catch: 'caught',
    choose: 'chose chosen',
    come: 'came',
    cost: '',
    creep: 'crept',
    deal: 'dealt',
    dig: 'dug',
    draw: 'drew drawn',
    drink: 'drank drunk',
    drive: 'drove driven',
    eat: 'ate eaten',
    fall: 'fell fallen',
    feel: 'felt',
    fight: 'fought',
    find: 'found',
    flee: 'fled',
    fly: 'flew flown',
    forbid: 'forbade forbidden',
    forget: 'forgot forgotten',
    forgive: 'forgave forgiven',
    freeze: 'froze frozen',
    get: 'got gotten',
    give: 'gave given',
    go: 'went gone',
    grow: 'grew grown',
    hang: 'hung',
    hear: 'heard',
    hide: 'hid hidden',
    hit: '',
    hold: 'held',
    keep: 'kept',
    know: 'knew known',
    lay: 'laid',
    lead: 'led',
    leave: 'left',
    lend: 'lent',
    lose: 'lost',
    make: 'made',
    mean: 'meant',
    meet: 'met',
    pay: 'paid',
    ride: 'rode ridden',
    ring: 'rang rung',
    rise: 'rose risen',
    run: 'ran',
    say: 'said',
    see: 'saw seen',
    seek: 'sought',
    sell: 'sold',
    send: 'sent',
    shake: 'shook shaken',
    shoot: 'shot',
    show: 'shown',
    shrink: 'shrank shrunk',
    sing: 'sang sung',
    sink: 'sank sunk',
    sit: 'sat',
    sleep: 'slept',
    speak: 'spoke spoken',
    spend: 'spent',
    stand: 'stood',
    steal: 'stole stolen',
    stick: 'stuck',
    strike: 'struck',
    swear: 'swore sworn',
    swim: 'swam swum',
    take: 'took taken',
    teach: 'taught',
    tear: 'tore torn',
    tell: 'told',
    think: 'thought',
    throw: 'threw thrown',
    understand: 'understood',
    wake: 'woke woken',
    wear: 'wore worn',
    win: 'won',
    withdraw: 'withdrew withdrawn',
    write: 'wrote written',
    undertake: 'undertook undertaken',
    overtake: 'overtook overtaken',
    die: 'died dies dying',
    lie: 'lying lied',
    tie: 'tied tying',
    forecast: '',
    mislead: 'misled',
    foresee: 'foresaw foreseen',
    shut: '',
    quit: '',
    spread: '',
    split: '',
    upset: '',
  }).flatMap(([base, forms]) =>
    forms
      .split(' ')
      .filter(Boolean)
      .map((f) => [f, base] as [string, string]),
  ),
);
