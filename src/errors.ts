/**
 * The error family of newsdesk. Core functions throw a `NewsdeskError` with a stable `code`;
 * the CLI and the adapters catch it, log it, and answer the user plainly with `message`.
 */

/** Stable machine-readable error codes. */
export type NewsdeskErrorCode =
  | 'CONFIG_INVALID'
  | 'CORPUS_NOT_FOUND'
  | 'CORPUS_EMPTY'
  | 'ARTICLE_UNREADABLE'
  | 'SNAPSHOT_INVALID'
  | 'SOURCE_NOT_FOUND'
  | 'SOURCE_AMBIGUOUS'
  | 'INPUT_INVALID'
  | 'STATE_UNAVAILABLE'
  | 'FETCH_FAILED'
  | 'PAGE_UNUSABLE'
  | 'PLATFORM_UNREACHABLE';

/**
 * An error newsdesk expects and can explain to a user.
 * @param message - a sentence a user can read
 * @param code - a stable code callers can switch on
 * @param cause - the underlying error, if any
 * @example throw new NewsdeskError('No corpus folder at ./corpus', 'CORPUS_NOT_FOUND')
 */
export class NewsdeskError extends Error {
  readonly code: NewsdeskErrorCode;

  constructor(message: string, code: NewsdeskErrorCode, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'NewsdeskError';
    this.code = code;
  }
}

/** True when `err` is a NewsdeskError (optionally with the given code). */
export function isNewsdeskError(err: unknown, code?: NewsdeskErrorCode): err is NewsdeskError {
  return err instanceof NewsdeskError && (code === undefined || err.code === code);
}
