import { InvalidArgumentError } from 'commander';

/**
 * Parses a command-line option that must be a whole number of at least 1 (commander argParser):
 * "abc", "0", "-2" and "1.5" are refused with a message naming the value, before the command runs.
 * @example program.option('--limit <n>', 'at most n', positiveInteger, 50)
 */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}
