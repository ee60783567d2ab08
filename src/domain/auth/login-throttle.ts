/**
 * Sign-in throttling (OWASP ASVS 2.2.1): an attempt is counted as a failure *before* the password is
 * checked, so parallel requests cannot check more passwords than the limit; a success takes it back.
 * Two counters: per (user name, client address), which locks that address with a delay doubling at
 * every further failure, and per user name over every address, a higher hourly cap that alerts the
 * administrator. Times are epoch milliseconds.
 */

export interface LoginThrottlePolicy {
  /** Failures allowed per (user name, address) before the first lock. */
  readonly maxFailures: number;
  /** The first lock; each further failure doubles it. */
  readonly baseLockMs: number;
  /** Failures allowed per user name in one window, over every address. */
  readonly accountMaxFailures: number;
  readonly accountWindowMs: number;
}

/** The longest lock, and how long an address's failures are remembered without a new one. */
export const MAX_LOCK_MS = 24 * 3_600_000;

/** Failures of one user name from one client address since the last success. */
export interface AddressCounter {
  readonly failures: number;
  readonly lastFailureAt: number;
  readonly lockedUntil: number | null;
}

/** Failures of one user name over every address in the current window. */
export interface AccountCounter {
  readonly failures: number;
  readonly windowStart: number;
  /** When the administrator was last alerted (once per window). */
  readonly alertedAt: number | null;
}

export type LoginReservation =
  | { readonly granted: true; readonly address: AddressCounter; readonly account: AccountCounter }
  | {
      readonly granted: false;
      readonly reason: 'ADDRESS_LOCKED' | 'ACCOUNT_LIMIT';
      readonly retryAfterMs: number;
      /** ACCOUNT_LIMIT only: the counter with the alert marked, when this refusal raises it. */
      readonly alert: AccountCounter | null;
    };

/** The lock that follows the n-th failure in a row from one address: none before maxFailures, then base × 2^(n − max). */
export function lockAfterFailure(n: number, policy: LoginThrottlePolicy): number | null {
  if (n < policy.maxFailures) return null;
  const doublings = Math.min(n - policy.maxFailures, 30);
  return Math.min(policy.baseLockMs * 2 ** doublings, MAX_LOCK_MS);
}

/**
 * Reserves one attempt: refused while the address is locked or the account's hourly cap is reached
 * (a refused attempt counts nowhere, so hammering a locked address cannot use up the account's cap);
 * otherwise both counters take one failure, and the address gets the lock that failure would bring.
 */
export function reserveLoginAttempt(
  address: AddressCounter | null,
  account: AccountCounter | null,
  now: number,
  policy: LoginThrottlePolicy,
): LoginReservation {
  if (address?.lockedUntil != null && address.lockedUntil > now)
    return {
      granted: false,
      reason: 'ADDRESS_LOCKED',
      retryAfterMs: address.lockedUntil - now,
      alert: null,
    };
  const window =
    account && now - account.windowStart < policy.accountWindowMs
      ? account
      : { failures: 0, windowStart: now, alertedAt: null };
  if (window.failures >= policy.accountMaxFailures) {
    const alerted = window.alertedAt !== null && window.alertedAt >= window.windowStart;
    return {
      granted: false,
      reason: 'ACCOUNT_LIMIT',
      retryAfterMs: window.windowStart + policy.accountWindowMs - now,
      alert: alerted ? null : { ...window, alertedAt: now },
    };
  }
  const remembered = address && now - address.lastFailureAt < MAX_LOCK_MS ? address.failures : 0;
  const failures = remembered + 1;
  const lock = lockAfterFailure(failures, policy);
  return {
    granted: true,
    address: { failures, lastFailureAt: now, lockedUntil: lock === null ? null : now + lock },
    account: { ...window, failures: window.failures + 1 },
  };
}
