/**
 * The kinds of failure every adapter tells apart, as one small family of error classes. The core throws
 * them for refusals a caller can fix (an unknown id, an input an engine cannot run on); adapters map them by
 * `kind` — HTTP problem details and status, CLI exit codes — never by sniffing fields or messages.
 */
export type ErrorKind = 'not_found' | 'conflict' | 'invalid_input' | 'limit_exceeded' | 'unavailable';

/** One problem in an input, located by a path from its root (src/case/issues.ts `CaseIssue` without text
 * positions). */
export interface InputIssue {
  code: string;
  path: (string | number)[];
  message: string;
  hint?: string;
}

export abstract class RedlineError extends Error {
  abstract readonly kind: ErrorKind;
}

export class NotFoundError extends RedlineError {
  readonly kind = 'not_found' as const;
}

export class ConflictError extends RedlineError {
  readonly kind = 'conflict' as const;
}

/** The input cannot be used as it is; `issues` say where and how to fix it. */
export class InvalidInputError extends RedlineError {
  readonly kind = 'invalid_input' as const;
  constructor(
    message: string,
    readonly issues: readonly InputIssue[] = [],
  ) {
    super(message);
  }
}

/** A reference to something the input does not define (a proposal, scenario or conflict id). */
export class UnknownIdError extends InvalidInputError {
  constructor(
    message: string,
    readonly known: readonly string[],
  ) {
    super(message);
  }
}

export class LimitExceededError extends RedlineError {
  readonly kind = 'limit_exceeded' as const;
}

export class UnavailableError extends RedlineError {
  readonly kind = 'unavailable' as const;
}
