// Domain errors with a stable code. The core returns them as values at module borders;
// the CLI maps them to exit code 2 and a one-line message, the HTTP layer to a status.

export type ErrorCode =
  | 'bad_input' // a file or request that cannot be read
  | 'too_large'
  | 'unsupported_format'
  | 'no_header' // no recognisable table header
  | 'encrypted' // password-protected office file
  | 'not_found'
  | 'conflict' // optimistic-locking loss, duplicate
  | 'forbidden'
  | 'unauthorized'
  | 'closed_period'
  | 'db_unavailable'
  | 'db_incompatible' // not a duban database, or a newer schema
  | 'internal';

export interface DomainError {
  code: ErrorCode;
  message: string;
}

/** Thrown only where a value cannot be returned (deep inside I/O); carries a DomainError. */
export class DubanError extends Error implements DomainError {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DubanError';
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
