/**
 * Building long regular expressions from named parts: word lists stay readable, one word per item,
 * and the pattern reads as the sentence shape it matches.
 */

/**
 * A non-capturing alternation of words or phrases, escaped ("prime minister" matches those words).
 * @example new RegExp(`\\b${oneOf(['mr', 'dr'])}\\b`).test('dr') // true
 */
export function oneOf(words: readonly string[]): string {
  return `(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}
