/**
 * General English lexicon for question answering over news: relation synonyms, speech verbs, role
 * nouns, number words and units. Nothing here knows any story: these are words of the language.
 */

/**
 * Relation families: words (surface forms, lower case) that say the same thing in news copy. A
 * question word in one set expands the search to the others ("asked for" finds "at the behest of").
 */
export const RELATION_SETS: readonly (readonly string[])[] = [
  ['request', 'requested', 'requests', 'requesting', 'ask', 'asked', 'asks', 'asking', 'behest', 'initiative', 'initiated', 'initiate', 'sought', 'seek', 'call for', 'called for', 'calls for', 'invited', 'invitation', 'instigated', 'proposed', 'arranged', 'organized', 'organised'],
  ['call', 'calls', 'phone', 'telephone', 'conversation', 'talk', 'talks', 'appeal', 'spoke', 'speak', 'spoken', 'discussion', 'chat', 'dialogue', 'conference'],
  ['meeting', 'meet', 'met', 'summit', 'talks', 'negotiations', 'session', 'conference', 'gathering'],
  ['kill', 'killed', 'killing', 'die', 'dies', 'dying', 'dead', 'died', 'death', 'deaths', 'toll', 'victims', 'fatalities', 'lives'],
  ['injure', 'injured', 'wounded', 'wounding', 'wound', 'wounds', 'hurt', 'injuries'],
  ['play', 'played', 'playing', 'perform', 'performed', 'performing', 'performance', 'concert', 'gig'],
  ['attack', 'attacks', 'attacked', 'assault', 'assaults', 'raid', 'strike', 'strikes', 'bombing', 'shooting', 'atrocity'],
  ['attacker', 'attackers', 'gunman', 'gunmen', 'assailant', 'assailants', 'bomber', 'bombers', 'militant', 'militants', 'terrorist', 'terrorists', 'suspect', 'suspects', 'perpetrator', 'perpetrators'],
  ['say', 'said', 'says', 'tell', 'told', 'state', 'stated', 'statement', 'announce', 'announced', 'declare', 'declared', 'claim', 'claimed', 'add', 'added'],
  ['warn', 'warned', 'warns', 'warning', 'threaten', 'threatened', 'caution', 'cautioned'],
  ['troop', 'troops', 'soldier', 'soldiers', 'forces', 'force', 'military', 'personnel', 'servicemen'],
  ['last', 'lasted', 'lasting', 'long', 'duration', 'minute', 'minutes', 'hour', 'hours'],
  ['search', 'searched', 'searching', 'hunt', 'hunting', 'look', 'looking'],
  ['find', 'found', 'discover', 'discovered', 'locate', 'located', 'spot', 'spotted', 'detect', 'detected'],
  ['disappear', 'disappeared', 'vanish', 'vanished', 'missing', 'lost', 'disappearance'],
  ['plane', 'jet', 'aircraft', 'airliner', 'flight'],
  ['previous', 'last', 'earlier', 'prior', 'preceding', 'former'],
  ['company', 'firm', 'corporation', 'business', 'contractor', 'operator', 'group'],
  ['lead', 'led', 'leads', 'head', 'headed', 'heads', 'oversee', 'oversaw', 'coordinate', 'co-ordinate', 'charge', 'run', 'ran'],
  ['arrest', 'arrested', 'detain', 'detained', 'held', 'custody', 'charged'],
  ['sanction', 'sanctions', 'penalties', 'measures', 'consequences', 'costs'],
  ['invade', 'invaded', 'invasion', 'incursion', 'offensive'],
  ['annex', 'annexed', 'annexation', 'seize', 'seized', 'seizure', 'occupy', 'occupied', 'occupation', 'takeover'],
  ['border', 'borders', 'frontier'],
  ['hold', 'held', 'host', 'hosted', 'take place', 'scheduled', 'venue'],
  ['spend', 'spent', 'cost', 'costs', 'bill', 'paid', 'pay', 'expensive'],
  ['responsible', 'responsibility', 'claimed', 'behind', 'mastermind', 'organiser', 'organizer', 'ringleader', 'masterminded'],
];

/** Speech and stance verbs that attribute a statement to someone (base, past and present forms). */
export const SPEECH_VERBS: readonly string[] = [
  'say', 'said', 'says', 'saying', 'tell', 'told', 'tells', 'warn', 'warned', 'warns', 'announce', 'announced', 'announces',
  'claim', 'claimed', 'claims', 'add', 'added', 'adds', 'state', 'stated', 'states', 'declare', 'declared', 'declares',
  'insist', 'insisted', 'insists', 'argue', 'argued', 'argues', 'urge', 'urged', 'urges', 'stress', 'stressed', 'stresses',
  'reply', 'replied', 'replies', 'respond', 'responded', 'threaten', 'threatened', 'threatens', 'promise', 'promised',
  'vow', 'vowed', 'vows', 'describe', 'described', 'describes', 'call', 'called', 'calls', 'accuse', 'accused', 'deny',
  'denied', 'denies', 'confirm', 'confirmed', 'confirms', 'admit', 'admitted', 'admits', 'note', 'noted', 'notes',
  'explain', 'explained', 'demand', 'demanded', 'demands', 'want', 'wanted', 'wants', 'tweet', 'tweeted', 'write', 'wrote',
  'mention', 'mentioned', 'suggest', 'suggested', 'predict', 'predicted', 'reiterate', 'reiterated', 'caution', 'cautioned',
  'compare', 'compared', 'propose', 'proposed', 'ask', 'asked', 'reaffirm', 'reaffirmed', 'express', 'expressed',
];

/** Nouns that name a role or office ("aide", "spokesman"): the head of a "who is X" answer. */
export const ROLE_NOUNS: readonly string[] = [
  'president', 'vice president', 'prime minister', 'minister', 'secretary', 'aide', 'adviser', 'advisor', 'spokesman',
  'spokeswoman', 'spokesperson', 'official', 'officials', 'director', 'chief', 'head', 'leader', 'chairman', 'chairwoman',
  'chair', 'governor', 'mayor', 'senator', 'ambassador', 'envoy', 'diplomat', 'general', 'commander', 'prosecutor',
  'judge', 'lawyer', 'attorney', 'analyst', 'expert', 'professor', 'researcher', 'economist', 'correspondent', 'editor',
  'reporter', 'journalist', 'executive', 'founder', 'ceo', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope',
  'captain', 'pilot', 'officer', 'investigator', 'inspector', 'owner', 'manager', 'coach', 'player', 'member',
  'representative', 'negotiator', 'counterpart', 'deputy', 'press secretary', 'national security adviser', 'ringleader',
  'mastermind', 'suspect', 'bomber', 'attacker', 'gunman', 'brother', 'sister', 'cousin', 'father', 'mother', 'son',
  'daughter', 'wife', 'husband', 'friend', 'survivor', 'victim', 'witness', 'student', 'singer', 'musician', 'actor',
  'actress', 'director-general', 'secretary-general', 'commissioner', 'premier', 'president-elect', 'candidate', 'mp',
  // kinds of organisation, for "who is Fugro?" / "what is Inmarsat?"
  'company', 'firm', 'group', 'agency', 'organisation', 'organization', 'party', 'airline', 'carrier', 'band',
  'newspaper', 'broadcaster', 'network', 'institute', 'charity', 'bank', 'manufacturer', 'operator', 'regulator',
  'watchdog', 'ministry', 'department', 'militia', 'movement', 'union', 'club', 'team', 'university', 'council',
];

/** Number words and their values. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, half: 0.5,
};

/** Multipliers written as words after a number ("1.5 million"). */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
  m: 1_000_000, bn: 1_000_000_000, k: 1_000,
};

/** Time units and their length in minutes. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  second: 1 / 60, minute: 1, hour: 60, day: 1440, week: 10080, month: 43200, year: 525600, decade: 5256000,
};

/** Words that qualify an amount without changing it ("around 50 minutes", "some 100,000"). */
export const APPROXIMATORS: readonly string[] = [
  'around', 'about', 'roughly', 'approximately', 'some', 'nearly', 'almost', 'close to', 'just under', 'just over',
  'more than', 'over', 'under', 'less than', 'fewer than', 'at least', 'up to', 'as many as', 'as much as', 'as few as',
  'an estimated', 'estimated', 'upwards of', 'in excess of', 'well over', 'no fewer than', 'no more than', 'almost exactly',
];

/** Approximators that make a different claim from the bare number ("more than 90,000" is not "90,000"). */
export const BOUNDING_APPROXIMATORS: ReadonlySet<string> = new Set([
  'more than', 'over', 'under', 'less than', 'fewer than', 'at least', 'up to', 'as few as', 'upwards of',
  'in excess of', 'well over', 'no fewer than', 'no more than', 'just under', 'just over',
]);

/** Words that are capitalised in news copy but never name a person, place or organisation. */
export const NON_NAME_CAPITALS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'if', 'in', 'on', 'at', 'to', 'for', 'of', 'by', 'with', 'from', 'as', 'it',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'its', 'this', 'that', 'these', 'those', 'there',
  'here', 'what', 'when', 'where', 'who', 'why', 'how', 'which', 'while', 'after', 'before', 'during', 'since', 'until',
  'although', 'though', 'because', 'so', 'yet', 'also', 'meanwhile', 'however', 'earlier', 'later', 'now', 'today',
  'yesterday', 'tomorrow', 'last', 'next', 'both', 'each', 'every', 'some', 'many', 'most', 'few', 'other', 'another',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'no', 'not', 'mr', 'mrs', 'ms', 'dr',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'according', 'speaking', 'asked',
  'despite', 'among', 'under', 'over', 'about', 'between', 'through', 'into', 'than', 'then', 'all', 'any', 'such',
  'even', 'still', 'just', 'only', 'indeed', 'instead', 'thus', 'amid', 'around', 'against', 'without', 'within', 'upon',
  'once', 'first', 'second', 'third', 'police', 'officials', 'authorities',
]);
