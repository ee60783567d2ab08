import fc from 'fast-check';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

/**
 * RELIABILITY B-group figure: malformed requests never produce a 5xx, and a refused request
 * writes nothing. Every write route of the OpenAPI document is sent random JSON bodies and
 * hostile path ids; every response must be < 500, and 4xx responses must leave the tables alone.
 */
describe('malformed input across every write route', () => {
  let t: TestApp;
  let routes: { method: 'post' | 'put' | 'patch' | 'delete'; path: string }[];

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
    const spec = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m): m is 'post' | 'put' | 'patch' | 'delete' =>
          ['post', 'put', 'patch', 'delete'].includes(m),
        )
        .map((method) => ({ method, path })),
    );
  });
  afterAll(() => t.close());

  const value = fc.letrec((tie) => ({
    any: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(1e308, -0, 2 ** 53, 0.005, 12.5),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '2024-02-30',
        '__proto__',
        '{{constructor.constructor}}',
        '<script>x</script>',
        'SELF',
        'GOV_FLAG',
      ),
      fc.array(tie('any'), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'version',
          'code',
          'unitId',
          'tierId',
          'year',
          'lines',
          'counts',
          'rows',
          'to',
          'value',
          'seats',
          '__proto__',
        ),
        tie('any'),
        { maxKeys: 4 },
      ),
    ),
  })).any;

  const idSeg = fc.constantFrom(
    '1',
    '2',
    '0',
    '-1',
    '999999',
    'abc',
    '1e3',
    '2023',
    '9999999999999999999',
  );

  it('answers 2xx/4xx (never 5xx) to random bodies and ids, and 4xx writes nothing', async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(idSeg, { minLength: 4, maxLength: 4 }),
        value,
        async (pick, ids, body) => {
          const r = routes[pick % routes.length]!;
          let i = 0;
          const path = r.path.replace(/\{[^}]+\}/g, (seg) =>
            seg === '{year}'
              ? ids[i++] === '2023'
                ? '2023'
                : ids[i - 1]!
              : seg === '{stage}'
                ? 'AGREED'
                : ids[i++]!,
          );
          const before = await rowCounts(t.dataSource);
          const agent = t.http();
          const call = agent[r.method].bind(agent);
          const res = await call(path)
            .set('content-type', 'application/json')
            .send(JSON.stringify(body));
          sent += 1;
          if (res.status >= 500)
            throw new Error(
              `${r.method.toUpperCase()} ${path} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`,
            );
          expect(typeof res.body.code === 'string' || res.status < 300).toBe(true);
          if (res.status >= 400) expect(await rowCounts(t.dataSource)).toEqual(before);
          expect(JSON.stringify(res.body)).not.toMatch(
            /SQLITE_|QueryFailedError|at .*\.ts:|node_modules/,
          );
        },
      ),
      { numRuns: 5000, seed: 4242 },
    );
    expect(sent).toBe(5000);
    expect(routes.length).toBeGreaterThan(30);
    // 5,000 requests: about 30 s alone, more on a shared machine; this is not a timing test.
  }, 300_000);
});
