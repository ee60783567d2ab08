/**
 * A Swagger response class mirrors an interface the code uses: `InStep<SameShape<View, ViewDto>>`
 * fails to typecheck when a field is missing, renamed or typed differently on either side.
 */
export type SameShape<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

/** Accepts only `true`: `export type XInStep = InStep<SameShape<X, XDto>>`. */
export type InStep<T extends true> = T;
