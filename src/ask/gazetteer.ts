/**
 * World knowledge for grouping answers: countries with their demonyms, capitals and seats of
 * government, so that "Moscow", "the Kremlin", "the Russian side" and "Russia" count as one answer.
 * General geography, not knowledge of any story.
 */

/** [canonical name, ...aliases (demonyms, capitals, seats of government, abbreviations)] */
const COUNTRIES: readonly (readonly string[])[] = [
  ['Russia', 'Russian', 'Russians', 'Moscow', 'Kremlin', 'Russian Federation'],
  [
    'the United States',
    'United States',
    'US',
    'U.S.',
    'U. S.',
    'USA',
    'America',
    'American',
    'Americans',
    'Washington',
    'White House',
    'Pentagon',
    'United States of America',
  ],
  ['Ukraine', 'Ukrainian', 'Ukrainians', 'Kyiv', 'Kiev'],
  ['the United Kingdom', 'United Kingdom', 'UK', 'U.K.', 'Britain', 'British', 'Great Britain', 'London', 'Downing Street', 'Whitehall'],
  ['France', 'French', 'Paris', 'Élysée', 'Elysee'],
  ['Germany', 'German', 'Germans', 'Berlin'],
  ['China', 'Chinese', 'Beijing'],
  ['Japan', 'Japanese', 'Tokyo'],
  ['India', 'Indian', 'New Delhi'],
  ['Belgium', 'Belgian', 'Belgians', 'Brussels'],
  ['the Netherlands', 'Netherlands', 'Dutch', 'Amsterdam', 'The Hague', 'Holland'],
  ['Italy', 'Italian', 'Italians', 'Rome'],
  ['Spain', 'Spanish', 'Madrid'],
  ['Turkey', 'Turkish', 'Ankara', 'Türkiye'],
  ['Greece', 'Greek', 'Athens'],
  ['Syria', 'Syrian', 'Syrians', 'Damascus'],
  ['Iraq', 'Iraqi', 'Iraqis', 'Baghdad'],
  ['Iran', 'Iranian', 'Iranians', 'Tehran'],
  ['Israel', 'Israeli', 'Israelis', 'Jerusalem'],
  ['Egypt', 'Egyptian', 'Egyptians', 'Cairo'],
  ['Saudi Arabia', 'Saudi', 'Saudis', 'Riyadh'],
  ['Morocco', 'Moroccan', 'Rabat'],
  ['Algeria', 'Algerian', 'Algiers'],
  ['Tunisia', 'Tunisian', 'Tunis'],
  ['Afghanistan', 'Afghan', 'Kabul'],
  ['Pakistan', 'Pakistani', 'Islamabad'],
  ['Malaysia', 'Malaysian', 'Malaysians', 'Kuala Lumpur', 'Putrajaya'],
  ['Australia', 'Australian', 'Australians', 'Canberra'],
  ['New Zealand', 'New Zealander', 'Wellington'],
  ['Indonesia', 'Indonesian', 'Jakarta'],
  ['Vietnam', 'Vietnamese', 'Hanoi'],
  ['Thailand', 'Thai', 'Bangkok'],
  ['Singapore', 'Singaporean'],
  ['South Korea', 'South Korean', 'Seoul', 'Korean'],
  ['North Korea', 'North Korean', 'Pyongyang'],
  ['Canada', 'Canadian', 'Canadians', 'Ottawa'],
  ['Mexico', 'Mexican', 'Mexico City'],
  ['Brazil', 'Brazilian', 'Brasilia'],
  ['Argentina', 'Argentine', 'Argentinian', 'Buenos Aires'],
  ['Poland', 'Polish', 'Warsaw'],
  ['Belarus', 'Belarusian', 'Minsk'],
  ['Switzerland', 'Swiss', 'Bern'],
  ['Austria', 'Austrian', 'Vienna'],
  ['Sweden', 'Swedish', 'Stockholm'],
  ['Norway', 'Norwegian', 'Oslo'],
  ['Denmark', 'Danish', 'Copenhagen'],
  ['Finland', 'Finnish', 'Helsinki'],
  ['Ireland', 'Irish', 'Dublin'],
  ['Portugal', 'Portuguese', 'Lisbon'],
  ['Hungary', 'Hungarian', 'Budapest'],
  ['Romania', 'Romanian', 'Bucharest'],
  ['Georgia', 'Georgian', 'Tbilisi'],
  ['Kazakhstan', 'Kazakh', 'Astana'],
  ['Nigeria', 'Nigerian', 'Abuja'],
  ['South Africa', 'South African', 'Pretoria'],
  ['Kenya', 'Kenyan', 'Nairobi'],
  ['Lebanon', 'Lebanese', 'Beirut'],
  ['Jordan', 'Jordanian', 'Amman'],
  ['Qatar', 'Qatari', 'Doha'],
  ['Libya', 'Libyan', 'Tripoli'],
  ['Cuba', 'Cuban', 'Havana'],
  ['Venezuela', 'Venezuelan', 'Caracas'],
  ['Montenegro', 'Montenegrin', 'Podgorica'],
  ['Serbia', 'Serbian', 'Belgrade'],
  ['Croatia', 'Croatian', 'Zagreb'],
  ['Czech Republic', 'Czech', 'Prague'],
  ['Slovakia', 'Slovak', 'Bratislava'],
  ['Estonia', 'Estonian', 'Tallinn'],
  ['Latvia', 'Latvian', 'Riga'],
  ['Lithuania', 'Lithuanian', 'Vilnius'],
  ['Moldova', 'Moldovan', 'Chisinau'],
  ['Armenia', 'Armenian', 'Yerevan'],
  ['Azerbaijan', 'Azerbaijani', 'Baku'],
  ['Philippines', 'Filipino', 'Manila'],
  ['Taiwan', 'Taiwanese', 'Taipei'],
  ['Maldives', 'Maldivian'],
  ['Sri Lanka', 'Sri Lankan', 'Colombo'],
  ['Bangladesh', 'Bangladeshi', 'Dhaka'],
  ['Myanmar', 'Burmese', 'Burma'],
  ['Cambodia', 'Cambodian', 'Phnom Penh'],
  ['Mauritius', 'Mauritian'],
  ['Madagascar', 'Malagasy'],
  ['Reunion', 'Réunion'],
  ['Turkmenistan', 'Turkmen'],
  ['European Union', 'EU', 'E.U.'],
  ['NATO', 'Nato', 'North Atlantic Treaty Organization'],
  ['the United Nations', 'United Nations', 'UN', 'U.N.'],
];

const ALIAS_TO_COUNTRY = new Map<string, string>();
for (const [canonical, ...aliases] of COUNTRIES) {
  for (const name of [canonical!, ...aliases]) ALIAS_TO_COUNTRY.set(name.toLowerCase(), canonical!);
}

/**
 * The country (or union) a name refers to: "Moscow", "the Kremlin", "Russian" → "Russia".
 * @returns the canonical name, or null when the name is not a known country alias
 * @example countryOf('the Russian side') // 'Russia'
 */
export function countryOf(name: string): string | null {
  const cleaned = name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’']s$/, '')
    .replace(/\s+(side|government|authorities|officials|leadership|administration|capital)$/, '')
    .trim();
  return ALIAS_TO_COUNTRY.get(cleaned) ?? null;
}

/** All aliases of the country a name refers to (for query expansion), lower case. */
export function countryAliases(name: string): string[] {
  const c = countryOf(name);
  if (!c) return [];
  return COUNTRIES.find((row) => row[0] === c)!.map((a) => a.toLowerCase());
}

/**
 * Whether a name is a whole country (its name or abbreviation: "the United States", "US",
 * "Britain"), not one of its cities, capitals or institutions: the broadest answer to "where".
 * @example isCountryName('US') // true
 * @example isCountryName('Moscow') // false
 */
export function isCountryName(name: string): boolean {
  const country = countryOf(name);
  if (!country) return false;
  const plain = name.replace(/^the\s+/i, '').trim();
  const row = COUNTRIES.find((r) => r[0] === country)!;
  // The canonical name, abbreviations and the alternative names listed before any city.
  return (
    plain.toLowerCase() === country.replace(/^the\s+/, '').toLowerCase() ||
    /^[A-Z][A-Z. ]{1,5}$/.test(plain) ||
    COUNTRY_WORDS.has(plain.toLowerCase()) ||
    row.slice(1).some((a) => a.toLowerCase() === plain.toLowerCase() && /\b(United|Republic|Federation|Kingdom|States)\b/.test(a))
  );
}

/** Other names of whole countries that are not abbreviations. */
const COUNTRY_WORDS = new Set(['america', 'britain', 'great britain', 'holland']);
