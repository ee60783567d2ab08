import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database on port 3000 with the demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:./data/thidua.sqlite',
      SEED_DEMO: true,
      DB_BUSY_TIMEOUT_MS: 5000,
      AUDIT_KEY_FILE: './data/audit.key',
      AUDIT_CHECKPOINT_EVERY: 100,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR: 100,
    });
  });

  it('reads and converts the environment', () => {
    const c = loadConfig({
      PORT: '8080',
      SEED_DEMO: 'false',
      DATABASE_URL: 'postgres://u@h/db',
      DATABASE_SCHEMA: 's1',
    });
    expect(c).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
      DATABASE_URL: 'postgres://u@h/db',
      DATABASE_SCHEMA: 's1',
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DB_BUSY_TIMEOUT_MS: '10' }, /DB_BUSY_TIMEOUT_MS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ AUDIT_CHECKPOINT_EVERY: '0' }, /AUDIT_CHECKPOINT_EVERY/],
    [{ DATABASE_URL: 'sqlite:/srv/t.sqlite', AUDIT_KEY_FILE: '/srv/t.sqlite' }, /AUDIT_KEY_FILE/],
    [
      { DATABASE_URL: 'sqlite:/srv/t.sqlite', AUDIT_KEY_FILE: '/srv/t.sqlite-wal' },
      /AUDIT_KEY_FILE/,
    ],
    [{ LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR: '1000' }, /LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR/],
    [{ LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR: 'x' }, /LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR/],
    [
      { LOGIN_MAX_FAILURES: '20', LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR: '20' },
      /LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR/,
    ],
  ])('refuses %j with a message naming the variable', (env, re) => {
    expect(() => loadConfig(env)).toThrow(re);
  });
});
