import { verifyAuditLog, type ChainedRow } from '../../src/audit/audit-chain';
import { readAuditKey } from '../../src/audit/audit-key';
import type { AuditLogEntity } from '../../src/audit/audit-log.entity';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true, config: { LOGIN_MAX_FAILURES: 5 } });
    await t.login({ username: 'ketoan', role: 'OFFICE_STAFF' });
  });
  afterAll(() => t.close());

  it('refuses every API route without credentials, except health and sign-in', async () => {
    await t.anon().get('/api/health').expect(200);
    const r = await t.anon().get('/api/units').expect(401);
    expect(r.body).toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringContaining('đăng nhập'),
    });
    await t.anon().get('/api/units').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('signs in with a cookie (httpOnly, SameSite) and requires the CSRF token on writes', async () => {
    const login = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: 'KeToan', password: 'mat-khau-thu-nghiem-2024' })
      .expect(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/thidua_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const csrf = login.body.csrfToken as string;
    expect(JSON.stringify(login.body)).not.toMatch(/passwordHash|\$argon2/);
    await t.anon().get('/api/units').set('Cookie', cookie).expect(200);
    const body = { code: 'HD-NEW', name: 'Cụm mới', kind: 'CUM', provinceId: 1 };
    const noToken = await t.anon().post('/api/blocs').set('Cookie', cookie).send(body).expect(403);
    expect(noToken.body.code).toBe('CSRF_REJECTED');
    await t
      .anon()
      .post('/api/blocs')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .set('Sec-Fetch-Site', 'cross-site')
      .send(body)
      .expect(403);
    await t
      .anon()
      .post('/api/blocs')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send(body)
      .expect(201);
    // logout: the old cookie no longer works (session rotated at every sign-in, revoked at logout)
    await t
      .anon()
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect(204);
    await t.anon().get('/api/units').set('Cookie', cookie).expect(401);
    const again = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: 'ketoan', password: 'mat-khau-thu-nghiem-2024' })
      .expect(200);
    expect(String(again.headers['set-cookie']).split(';')[0]).not.toBe(cookie);
  });

  it('answers the same for a wrong password and an unknown user, and locks after 5 failures per user name', async () => {
    const wrong = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: 'ketoan', password: 'sai-mat-khau-1' })
      .expect(401);
    const unknown = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: 'khong-co', password: 'sai-mat-khau-1' })
      .expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    for (let i = 0; i < 4; i++)
      await t
        .anon()
        .post('/api/auth/login')
        .send({ username: 'ketoan', password: `sai-${i}` })
        .expect(401);
    const locked = await t
      .anon()
      .post('/api/auth/login')
      .send({ username: 'ketoan', password: 'mat-khau-thu-nghiem-2024' })
      .expect(429);
    expect(locked.body.code).toBe('AUTH_TEMPORARILY_LOCKED');
    // a spoofed client address changes nothing: the lock is per user name
    await t
      .anon()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.9.8.7')
      .send({ username: 'ketoan', password: 'mat-khau-thu-nghiem-2024' })
      .expect(429);
    // an unknown user name locks the same way (no hint that it does not exist)
    for (let i = 0; i < 5; i++)
      await t
        .anon()
        .post('/api/auth/login')
        .send({ username: 'khong-co-2', password: `x-${i}` });
    await t
      .anon()
      .post('/api/auth/login')
      .send({ username: 'khong-co-2', password: 'x' })
      .expect(429);
  });

  it('never returns a password hash, in any listing', async () => {
    for (const url of ['/api/users', '/api/auth/me', '/api/audit?pageSize=1000']) {
      const res = await t.http().get(url).expect(200);
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$argon2|tokenHash/);
    }
  });
});

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('writes one row per change with who, before and after, and none for a refused change', async () => {
    const units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      shortName: string;
      version: number;
    }[];
    const cg = units.find((u) => u.shortName === 'Cẩm Giàng')!;
    const before = await rowCounts(t.dataSource);
    await t
      .http()
      .patch(`/api/units/${cg.id}`)
      .send({ version: cg.version, shortName: 'Cẩm Giàng (sửa)' })
      .expect(200);
    expect((await rowCounts(t.dataSource)).audit_log).toBe(before.audit_log! + 1);
    const log = (await t.http().get(`/api/audit?entityType=unit&entityId=${cg.id}`).expect(200))
      .body;
    expect(log.items[0]).toMatchObject({
      action: 'unit.update',
      username: 'test.admin',
      role: 'OFFICE_ADMIN',
      before: { shortName: 'Cẩm Giàng' },
      after: { shortName: 'Cẩm Giàng (sửa)' },
    });
    expect(log.items[0].requestId).toMatch(/^[\w-]{8,}$/);
    const mid = await rowCounts(t.dataSource);
    await t
      .http()
      .patch(`/api/units/${cg.id}`)
      .send({ version: 1, shortName: 'Xung đột' })
      .expect(409);
    expect(await rowCounts(t.dataSource)).toEqual(mid);
  });

  it('is append-only in the database itself', async () => {
    await expect(
      t.dataSource.query(`UPDATE "audit_log" SET "username" = 'ke-gian'`),
    ).rejects.toThrow(/append-only|chỉ ghi thêm/);
    await expect(t.dataSource.query(`DELETE FROM "audit_log"`)).rejects.toThrow(
      /append-only|chỉ ghi thêm/,
    );
    const verify = (await t.http().get('/api/audit/verify').expect(200)).body;
    expect(verify).toMatchObject({ ok: true, firstBrokenId: null });
    expect(verify.checked).toBeGreaterThan(0);
  });

  it('has a hash chain that reveals an edited, deleted or reordered row', async () => {
    const rows = await t.dataSource.query<AuditLogEntity[]>(
      `SELECT id, at, user_id AS "userId", username, role, action, entity_type AS "entityType", entity_id AS "entityId", before, after, reason, request_id AS "requestId", disposition, prev_hash AS "prevHash", hash FROM "audit_log" ORDER BY id`,
    );
    const clean = rows.map((r) => ({
      ...r,
      id: Number(r.id),
      userId: r.userId === null ? null : Number(r.userId),
    }));
    const key = readAuditKey(t.db.config.AUDIT_KEY_FILE);
    const verifyChain = (r: ChainedRow[]) => verifyAuditLog(r, key, []);
    expect(verifyChain(clean).ok).toBe(true);
    const edited = clean.map((r, i) => (i === 1 ? { ...r, after: '{"x":1}' } : r));
    expect(verifyChain(edited)).toMatchObject({ ok: false, firstBrokenId: clean[1]!.id });
    expect(verifyChain([clean[0]!, ...clean.slice(2)]).ok).toBe(false);
    expect(verifyChain([clean[1]!, clean[0]!, ...clean.slice(2)]).ok).toBe(false);
  });

  it('exports the log as CSV with formula-looking cells neutralised', async () => {
    // The reason of a scoring phase change is typed by a person and lands in its own CSV cell.
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id as number;
    await t
      .http()
      .post(`/api/blocs/${blocId}/terms/2023/scoring/advance`)
      .send({ to: 'CLOSED', reason: '=HYPERLINK("http://x")' })
      .expect(200);
    const csv = await t.http().get('/api/audit/export.csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('scoring.phase');
    expect(csv.text).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csv.text).not.toMatch(/,"?=HYPERLINK/);
  });
});

describe('audit completeness across command types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('leaves exactly one row for each successful single-record command, carrying its request id', async () => {
    const count = async () => (await rowCounts(t.dataSource)).audit_log!;
    const blocs = (await t.http().get('/api/blocs').expect(200)).body.items as {
      id: number;
      provinceId: number;
    }[];
    const provinceId = blocs[0]!.provinceId;
    const steps: [string, () => Promise<{ headers: Record<string, string> }>][] = [
      [
        'province.create',
        () =>
          t
            .http()
            .post('/api/provinces')
            .send({ code: 'TTHU', name: 'Thử', fullName: 'tỉnh Thử', validFrom: '2020-01-01' })
            .expect(201),
      ],
      [
        'unit.create',
        () =>
          t
            .http()
            .post('/api/units')
            .send({
              code: 'TN-1',
              shortName: 'Một',
              type: 'XA',
              fullName: 'xã Một',
              collectiveName: 'Đảng bộ, chính quyền và nhân dân xã Một',
              provinceId,
              validFrom: '2023-01-01',
            })
            .expect(201),
      ],
      [
        'bloc.create',
        () =>
          t
            .http()
            .post('/api/blocs')
            .send({ code: 'TN-B', name: 'Cụm thử', kind: 'CUM', provinceId })
            .expect(201),
      ],
      [
        'tier.create',
        () =>
          t
            .http()
            .post('/api/award-tiers')
            .send({ code: 'TN_T', name: 'Thử', decidingAuthority: 'PROVINCE_CHAIRMAN', rank: 20 })
            .expect(201),
      ],
      [
        'user.create',
        () =>
          t
            .http()
            .post('/api/users')
            .send({
              username: 'nguoi.xem',
              displayName: 'Xem',
              role: 'VIEWER',
              password: 'mot-mat-khau-dai',
            })
            .expect(201),
      ],
    ];
    for (const [action, run] of steps) {
      const before = await count();
      const res = await run();
      expect(await count()).toBe(before + 1);
      const last = (await t.http().get('/api/audit?pageSize=1').expect(200)).body.items[0];
      expect(last).toMatchObject({ action, requestId: res.headers['x-request-id'] });
    }
  });
});
