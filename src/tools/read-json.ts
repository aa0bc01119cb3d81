import fs from 'node:fs';
import type { z } from 'zod';
import { NewsdeskError } from '../errors.ts';

/**
 * Reads a JSON file and validates it with a schema (question sets, bank stories).
 * @param what - what the file is, for the message ("question set")
 * @throws NewsdeskError INPUT_INVALID naming the file and the first problem
 * @example readJsonFile('bank/dev/x.json', bankStorySchema, 'question bank file')
 */
export function readJsonFile<T extends z.ZodType>(file: string, schema: T, what: string): z.infer<T> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new NewsdeskError(`Cannot read ${what} ${file}: ${(err as Error).message}`, 'INPUT_INVALID', err);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NewsdeskError(`Invalid ${what} ${file}: ${issue?.path.join('.')}: ${issue?.message}`, 'INPUT_INVALID');
  }
  return parsed.data;
}
