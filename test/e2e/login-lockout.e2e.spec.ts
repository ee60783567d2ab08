import type { Response } from 'supertest';
import { AuthService } from '../../src/auth/auth.service';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** The module object the app calls `verify` on (an `import *` copy cannot be spied on). */
const argon2 = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');

const PASSWORD = 'mat-khau-thu-nghiem-2024';
const ATTACKER = '203.0.113.7';
const OWNER = '198.51.100.4';

/** Sign-in attempts for one account, from one client address (X-Forwarded-For behind a trusted proxy). */
function attempt(t: TestApp, username: string, password: string, address: string) {
  return t
    .anon()
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .send({ username, password });
}

const statuses = (rs: Response[]): Record<number, number> => {
  const out: Record<number, number> = {};
  for (const r of rs) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

/** The Retry-After header in seconds (a positive integer on every 429). */
function retryAfter(r: Response): number {
  const v = r.headers['retry-after'];
  expect(v).toMatch(/^\d+$/);
  return Number(v);
}

describe('sign-in lockout per user name and client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY=loopback: supertest connects from 127.0.0.1, as a reverse proxy would, so the
    // client address is the one in X-Forwarded-For.
    t = await createTestApp({
      seed: false,
      config: { LOGIN_MAX_FAILURES: 5, LOGIN_LOCK_MINUTES: 15, TRUST_PROXY: 'loopback' },
    });
    for (const username of ['ketoan', 'thuky', 'vanthu'])
      await t.login({ username, role: 'OFFICE_STAFF' });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('verifies at most LOGIN_MAX_FAILURES passwords out of 100 parallel attempts, and refuses the right password sent after them', async () => {
    const verify = jest.spyOn(argon2, 'verify');
    const passwords = Array.from({ length: 100 }, (_, i) => (i === 99 ? PASSWORD : `sai-${i}`));
    const rs = await Promise.all(passwords.map((p) => attempt(t, 'ketoan', p, ATTACKER)));
    expect(verify.mock.calls.length).toBeLessThanOrEqual(5);
    expect(statuses(rs)).toEqual({
      401: verify.mock.calls.length,
      429: 100 - verify.mock.calls.length,
    });
    expect(rs[99]!.status).toBe(429);
    for (const r of rs.filter((x) => x.status === 429)) {
      expect(r.body.code).toBe('AUTH_TEMPORARILY_LOCKED');
      expect(retryAfter(r)).toBeGreaterThan(14 * 60);
    }
    // still locked for this address, the right password included
    const again = await attempt(t, 'ketoan', PASSWORD, ATTACKER).expect(429);
    expect(retryAfter(again)).toBeLessThanOrEqual(15 * 60);
  });

  it('lets the owner sign in from another address while an attacker hammers the account from one', async () => {
    const verify = jest.spyOn(argon2, 'verify');
    const wrong = (from: number) =>
      Array.from({ length: 60 }, (_, i) => attempt(t, 'thuky', `sai-${from + i}`, ATTACKER));
    await Promise.all(wrong(0));
    // the owner signs in in the middle of the next burst (and after it, again)
    const during = await Promise.all([
      ...wrong(100),
      attempt(t, 'thuky', PASSWORD, OWNER),
      ...wrong(200),
    ]);
    expect(during[60]!.status).toBe(200);
    expect(during[60]!.body.user.username).toBe('thuky');
    expect(statuses(during)).toEqual({ 200: 1, 429: 120 });
    await attempt(t, 'thuky', PASSWORD, OWNER).expect(200);
    // 180 attempts from the attacker, five passwords checked; the refused ones count nowhere
    expect(verify.mock.calls.length).toBe(5 + 2);
    await attempt(t, 'thuky', PASSWORD, ATTACKER).expect(429);
  });

  it('doubles the lock at every further failure once the free attempts are spent, and forgets them after a success', async () => {
    const address = '192.0.2.55';
    for (let i = 0; i < 4; i++) await attempt(t, 'vanthu', `sai-${i}`, address).expect(401);
    const first = await attempt(t, 'vanthu', 'sai-5', address).expect(401);
    expect(first.headers['retry-after']).toBeUndefined();
    const locked = await attempt(t, 'vanthu', PASSWORD, address).expect(429);
    expect(retryAfter(locked)).toBeGreaterThan(15 * 60 - 30);
    expect(retryAfter(locked)).toBeLessThanOrEqual(15 * 60);
    const expectedLocks = [30, 60, 120];
    for (const lockMinutes of expectedLocks) {
      await endLock(t, 'vanthu', address);
      await attempt(t, 'vanthu', 'sai-tiep', address).expect(401);
      const r = await attempt(t, 'vanthu', PASSWORD, address).expect(429);
      expect(retryAfter(r)).toBeGreaterThan(lockMinutes * 60 - 30);
      expect(retryAfter(r)).toBeLessThanOrEqual(lockMinutes * 60);
    }
    // the lock over, the right password is accepted and the count starts again
    await endLock(t, 'vanthu', address);
    await attempt(t, 'vanthu', PASSWORD, address).expect(200);
    for (let i = 0; i < 4; i++) await attempt(t, 'vanthu', `sai-lai-${i}`, address).expect(401);
    await attempt(t, 'vanthu', PASSWORD, address).expect(200);
  });

  it('sends Retry-After with the lockout page of the web sign-in form', async () => {
    const address = '192.0.2.66';
    for (let i = 0; i < 5; i++) await attempt(t, 'vanthu', `sai-${i}`, address).expect(401);
    const page = await t
      .anon()
      .post('/web/login')
      .set('X-Forwarded-For', address)
      .type('form')
      .send({ username: 'vanthu', password: PASSWORD })
      .expect(429);
    expect(page.headers['content-type']).toContain('text/html');
    expect(retryAfter(page)).toBeGreaterThan(14 * 60);
  });
});

describe('sign-in counters that no longer matter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('are deleted: an address without failures for a day, an account whose hour is over', async () => {
    const HOUR = 3_600_000;
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    await t.dataSource.query(
      `INSERT INTO "login_address_lock" ("username", "address", "failures", "last_failure_at", "locked_until") VALUES
        ('cu', '192.0.2.1', 9, '${ago(25 * HOUR)}', '${ago(HOUR)}'),
        ('moi', '192.0.2.1', 9, '${ago(23 * HOUR)}', '${ago(-HOUR)}')`,
    );
    await t.dataSource.query(
      `INSERT INTO "login_account_limit" ("username", "failures", "window_start", "alerted_at") VALUES
        ('cu', 100, '${ago(61 * 60_000)}', NULL),
        ('moi', 100, '${ago(59 * 60_000)}', NULL)`,
    );
    await t.app.get(AuthService).purgeLoginCounters(Date.now());
    const left = async (table: string) =>
      (await t.dataSource.query<{ username: string }[]>(`SELECT "username" FROM "${table}"`))
        .map((r) => r.username)
        .filter((u) => u === 'cu' || u === 'moi');
    expect(await left('login_address_lock')).toEqual(['moi']);
    expect(await left('login_account_limit')).toEqual(['moi']);
  });
});

/** Ends the lock of one (user name, address) pair now, as if its time had run out. */
async function endLock(t: TestApp, username: string, address: string): Promise<void> {
  const past = new Date(Date.now() - 1000).toISOString();
  await t.dataSource.query(
    `UPDATE "login_address_lock" SET "locked_until" = '${past}' WHERE "username" = '${username}' AND "address" = '${address}'`,
  );
}

describe('per-account limit over every address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      seed: false,
      config: {
        LOGIN_MAX_FAILURES: 3,
        LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR: 10,
        TRUST_PROXY: 'loopback',
      },
    });
    await t.login({ username: 'ketoan', role: 'OFFICE_STAFF' });
  });
  afterAll(() => t.close());

  it('refuses the account for the hour after that many failures from rotating addresses, and alerts the administrator once in the audit log', async () => {
    const rs: Response[] = [];
    for (let i = 0; i < 14; i++)
      rs.push(await attempt(t, 'ketoan', `sai-${i}`, `10.0.${Math.floor(i / 2)}.${i}`));
    expect(rs.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(401));
    for (const r of rs.slice(10)) {
      expect(r.status).toBe(429);
      expect(r.body.code).toBe('AUTH_ACCOUNT_RATE_LIMITED');
      expect(retryAfter(r)).toBeGreaterThan(3500);
      expect(retryAfter(r)).toBeLessThanOrEqual(3600);
    }
    // every address is refused for the rest of the hour, the right password included
    await attempt(t, 'ketoan', PASSWORD, '10.9.9.9').expect(429);
    const log = (await t.http().get('/api/audit?pageSize=100').expect(200)).body.items as {
      action: string;
      entityId: string;
      after: Record<string, unknown>;
    }[];
    const alerts = log.filter((r) => r.action === 'auth.login_alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ entityId: 'ketoan', after: { failures: 10 } });
  });

  it('does not count the attempts an address lock refused', async () => {
    await t.login({ username: 'thuky', role: 'OFFICE_STAFF' });
    for (let i = 0; i < 60; i++) await attempt(t, 'thuky', `sai-${i}`, ATTACKER);
    await attempt(t, 'thuky', PASSWORD, OWNER).expect(200);
  });
});

describe('Retry-After on the rate limit of writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, config: { THROTTLE_WRITES_PER_MINUTE: 3 } });
  });
  afterAll(() => t.close());

  it('answers 429 TOO_MANY_REQUESTS with Retry-After once the limit is passed', async () => {
    for (let i = 0; i < 3; i++)
      await t
        .anon()
        .post('/api/auth/login')
        .send({ username: `khong-co-${i}`, password: 'x' })
        .expect(401);
    const r = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: 'khong-co-9', password: 'x' })
      .expect(429);
    expect(r.body.code).toBe('TOO_MANY_REQUESTS');
    expect(retryAfter(r)).toBeGreaterThan(0);
    expect(retryAfter(r)).toBeLessThanOrEqual(60);
  });
});
