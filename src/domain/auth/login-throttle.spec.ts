import {
  lockAfterFailure,
  MAX_LOCK_MS,
  reserveLoginAttempt,
  type AccountCounter,
  type AddressCounter,
  type LoginThrottlePolicy,
} from './login-throttle';

const MIN = 60_000;
const HOUR = 60 * MIN;
const policy: LoginThrottlePolicy = {
  maxFailures: 5,
  baseLockMs: 15 * MIN,
  accountMaxFailures: 100,
  accountWindowMs: HOUR,
};
const NOW = Date.parse('2026-03-28T08:00:00Z');

describe('lockAfterFailure', () => {
  it.each([
    [1, null],
    [4, null],
    [5, 15 * MIN],
    [6, 30 * MIN],
    [7, 60 * MIN],
    [9, 240 * MIN],
    [11, 960 * MIN],
    [12, MAX_LOCK_MS],
    [1000, MAX_LOCK_MS],
  ])('after failure %i in a row: lock %p ms', (n, lock) => {
    expect(lockAfterFailure(n, policy)).toBe(lock);
  });
});

describe('reserveLoginAttempt', () => {
  const address = (over: Partial<AddressCounter> = {}): AddressCounter => ({
    failures: 0,
    lastFailureAt: 0,
    lockedUntil: null,
    ...over,
  });
  const account = (over: Partial<AccountCounter> = {}): AccountCounter => ({
    failures: 0,
    windowStart: NOW - 10 * MIN,
    alertedAt: null,
    ...over,
  });

  it('grants the first attempt and counts it as a failure on both counters', () => {
    expect(reserveLoginAttempt(null, null, NOW, policy)).toEqual({
      granted: true,
      address: { failures: 1, lastFailureAt: NOW, lockedUntil: null },
      account: { failures: 1, windowStart: NOW, alertedAt: null },
    });
  });

  it('locks the address with the reservation of its last free attempt, before the password is known', () => {
    const r = reserveLoginAttempt(
      address({ failures: 4, lastFailureAt: NOW - MIN }),
      account(),
      NOW,
      policy,
    );
    expect(r).toMatchObject({
      granted: true,
      address: { failures: 5, lockedUntil: NOW + 15 * MIN },
    });
  });

  it('refuses a locked address without counting it on the account', () => {
    const r = reserveLoginAttempt(
      address({ failures: 5, lastFailureAt: NOW - MIN, lockedUntil: NOW + 14 * MIN }),
      account({ failures: 99 }),
      NOW,
      policy,
    );
    expect(r).toEqual({
      granted: false,
      reason: 'ADDRESS_LOCKED',
      retryAfterMs: 14 * MIN,
      alert: null,
    });
  });

  it('after the lock, grants one attempt and doubles the next lock', () => {
    const r = reserveLoginAttempt(
      address({ failures: 5, lastFailureAt: NOW - 16 * MIN, lockedUntil: NOW - MIN }),
      account(),
      NOW,
      policy,
    );
    expect(r).toMatchObject({
      granted: true,
      address: { failures: 6, lockedUntil: NOW + 30 * MIN },
    });
  });

  it('forgets the failures of an address after a day without one', () => {
    const r = reserveLoginAttempt(
      address({ failures: 9, lastFailureAt: NOW - MAX_LOCK_MS - 1, lockedUntil: NOW - MIN }),
      account(),
      NOW,
      policy,
    );
    expect(r).toMatchObject({ granted: true, address: { failures: 1, lockedUntil: null } });
  });

  it('refuses every address once the account reached its hourly cap, alerting once per window', () => {
    const full = account({ failures: 100, windowStart: NOW - 20 * MIN });
    const first = reserveLoginAttempt(null, full, NOW, policy);
    expect(first).toEqual({
      granted: false,
      reason: 'ACCOUNT_LIMIT',
      retryAfterMs: 40 * MIN,
      alert: { ...full, alertedAt: NOW },
    });
    const again = reserveLoginAttempt(null, { ...full, alertedAt: NOW }, NOW + MIN, policy);
    expect(again).toMatchObject({ granted: false, reason: 'ACCOUNT_LIMIT', alert: null });
  });

  it('starts a new account window after an hour (and alerts again in it)', () => {
    const old = account({ failures: 100, windowStart: NOW - HOUR, alertedAt: NOW - 50 * MIN });
    expect(reserveLoginAttempt(null, old, NOW, policy)).toMatchObject({
      granted: true,
      account: { failures: 1, windowStart: NOW, alertedAt: null },
    });
  });
});
