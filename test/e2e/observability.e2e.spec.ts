import { createTestApp, type TestApp } from '../helpers/test-app';

const TOKEN = 'metrics-token-for-the-tests-0123456789';
const PASSWORD = 'mat-khau-thu-nghiem-2024';

/** pino's request lines (JSON objects) among the captured log lines. */
const requestLines = (logs: string[]) =>
  logs
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => 'durationMs' in l);

describe('structured logs and /metrics (issue 19)', () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({
      seed: true,
      seedMeeting: true,
      logs,
      config: { METRICS_TOKEN: TOKEN },
    });
  });
  afterAll(() => t.close());

  it('logs one JSON line per request: request id, method, route pattern, status, duration; no secret', async () => {
    const login = await t
      .anon()
      .post('/api/auth/login?next=%2Fweb')
      .send({ username: 'test.admin', password: PASSWORD })
      .expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    await t.anon().get('/api/auth/me').set('Cookie', cookie).expect(200);
    const me = await t.http().get('/api/auth/me').expect(200);
    await t.http().get('/api/meetings/987654').expect(404);
    await t.http().post('/api/provinces').send({ code: 42 }).expect(400);

    const lines = requestLines(logs);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    // each key once per line (a JSON reader keeping the first of two keys would read a wrong route)
    for (const raw of logs.filter((l) => l.includes('"durationMs"'))) {
      expect(raw.match(/"requestId":/g)).toHaveLength(1);
      expect(raw.match(/"route":/g)).toHaveLength(1);
    }
    const ofMe = lines.find((l) => l.requestId === me.headers['x-request-id']);
    expect(ofMe).toMatchObject({
      level: 30,
      route: '/api/auth/me',
      req: { method: 'GET', path: '/api/auth/me' },
      res: { statusCode: 200 },
      msg: 'GET /api/auth/me → 200',
    });
    expect(typeof ofMe!.durationMs).toBe('number');
    const missing = lines.find((l) => (l.req as { path: string }).path === '/api/meetings/987654');
    expect(missing).toMatchObject({ route: '/api/meetings/:mid', res: { statusCode: 404 } });
    const loginLine = lines.find((l) => l.route === '/api/auth/login');
    expect(loginLine).toMatchObject({ req: { method: 'POST', path: '/api/auth/login' } });

    const all = logs.join('\n');
    const sessionValue = cookie.split('=')[1]!;
    for (const secret of [PASSWORD, t.adminToken, sessionValue, String(login.body.csrfToken)])
      expect(all).not.toContain(secret);
    // no headers, no query string, no body, no stack of a handled 4xx
    expect(all).not.toMatch(/authorization|cookie|"headers"|"body"|next=|"stack"|\n\s+at /i);
  });

  it('serves /metrics only with the configured token, in the Prometheus format, by route pattern', async () => {
    await t.anon().get('/metrics').expect(404);
    const wrong = await t.anon().get('/metrics').set('Authorization', 'Bearer nope').expect(404);
    expect(wrong.body.code).toBe('ROUTE_NOT_FOUND');
    await t.http().get('/api/meetings/987654').expect(404); // a signed-in account is no scraper
    await t.http().get('/api/meetings/987654').expect(404);

    const r = await t.anon().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = r.text;
    expect(text).toMatch(
      /thidua_http_request_duration_seconds_count\{method="GET",route="\/api\/meetings\/:mid",status_code="404"\} [1-9]/,
    );
    expect(text).not.toContain('987654'); // route patterns, never raw URLs
    // the demo meeting's counts were entered at start: 2 entries per ballot
    expect(text).toMatch(/thidua_count_entries_total [1-9]\d*/);
    expect(text).toMatch(/thidua_count_entry_duration_seconds_count [1-9]/);
    expect(text).toMatch(/thidua_kept_reads_total\{result="(hit|miss)"\} \d+/);
    expect(text).toMatch(
      t.db.config.DATABASE_URL.startsWith('postgres')
        ? /thidua_db_pool_connections\{state="total"\} \d+/
        : /thidua_db_write_queue_length \d+/,
    );
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
  });

  it('refuses a METRICS_TOKEN shorter than 32 characters', async () => {
    const { loadConfig } = await import('../../src/config/app-config');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({}).METRICS_TOKEN).toBe('');
  });
});
