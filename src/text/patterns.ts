/**
 * Building long regular expressions from named parts: word lists stay readable, one word per item,
 * and the pattern reads as the sentence shape it matches.
 */

/**
 * A non-capturing alternation of words or phrases, escaped ("prime minister" matches those words).
 * @example new RegExp(`\\b${oneOf(['mr', 'dr'])}\\b`).test('dr') // true
 */
export function oneOf(words: readonly string[]): string {
  return `(?:${words.map(escapeRegExp).join('|')})`;
}

/**
 * Text as a pattern that matches it literally (a name inside a built expression).
 * @example escapeRegExp('Dr. (Jr)') // 'Dr\\. \\(Jr\\)'
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
