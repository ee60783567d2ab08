/**
 * Expected outcomes are values (vxsuite `Result`): a rule that is "not met" returns `err`,
 * it does not throw. Exceptions are kept for programming errors and infrastructure faults.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** A finding of a rule check: errors block, warnings need an acknowledgement with a reason. */
export interface Finding {
  /** Stable machine code, e.g. `SCORE_ABOVE_MAX`. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Vietnamese message shown to the user. */
  readonly message: string;
  /** Optional pointer to the offending field or row. */
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
}
