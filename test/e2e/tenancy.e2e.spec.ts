import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';
import { webRoutes } from '../helpers/web-routes';
import { meetingBody, tierRuleBody } from '../builders/api-bodies';

type RoleKey = 'A' | 'S' | 'B' | 'U' | 'V';

/**
 * Issue 21: one deployment, three organizations — Hải Dương's People's Committee (the seeded bloc
 * and meeting), Hải Dương's Fatherland Front (a cụm of three communes of its own), and a second
 * province's People's Committee. Every route of the OpenAPI document is called by every role of the
 * first organization, once on its own records and once on the Front's; a route naming the Front's
 * record must be refused, and no answer may carry a name of the other two organizations (their
 * organizing bodies, blocs, and the units only they have).
 */
describe('tenancy: every route × role × {own, another} organization', () => {
  let t: TestApp;
  const tokens = {} as Record<RoleKey, string>;
  /** An office staff account of the Front (the second organization), for the tests acting as it. */
  let frontStaff: string;
  let routes: { method: string; path: string }[];
  const own: Record<string, string> = {};
  const other: Record<string, string> = {};
  let ids: {
    ubnd: number;
    front: number;
    second: number;
    frontBloc: number;
    secondBloc: number;
    frontUnit: number;
    frontTier: number;
  };
  /** Names only the other two organizations have: none may appear in the first one's answers. */
  const foreignNames = [
    'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương',
    'Cụm thi đua Mặt trận số I',
    'Xã Đoàn Kết Thử',
    'Xã Hòa Bình Thử',
    'Xã Thống Nhất Thử',
    'Ủy ban nhân dân tỉnh Thử Nghiệm',
    'Khối thi đua Thử Nghiệm',
    'Phường Bình Minh Thử',
    'Phường Hoàng Hôn Thử',
    'Cờ thi đua riêng của Mặt trận Thử',
  ];

  async function organization(code: string, name: string): Promise<number> {
    return (
      await t
        .http()
        .post('/api/organizing-bodies')
        .send({
          code,
          name,
          headerLine: name.toUpperCase(),
          place: 'Thử',
          locality: 'tỉnh Thử',
          addressee: `Chủ tịch ${name}`,
          office: 'Văn phòng',
          authorityCodes: ['PROVINCE_CHAIRMAN'],
        })
        .expect(201)
    ).body.id as number;
  }

  /** A commune registered by `token`'s account (by default the test's account bound to none). */
  async function unit(
    code: string,
    name: string,
    provinceId: number,
    { token, validFrom = '2025-07-01' }: { token?: string; validFrom?: string } = {},
  ): Promise<number> {
    return (
      await (token === undefined ? t.http() : t.as(token))
        .post('/api/units')
        .send({
          code,
          shortName: name,
          type: 'XA',
          fullName: name,
          collectiveName: `Nhân dân và cán bộ ${name}`,
          provinceId,
          validFrom,
        })
        .expect(201)
    ).body.id as number;
  }

  async function bloc(
    code: string,
    name: string,
    provinceId: number,
    organizingBodyId: number,
    members: number[],
  ): Promise<number> {
    const id = (
      await t
        .http()
        .post('/api/blocs')
        .send({ code, name, kind: 'CUM', provinceId, organizingBodyId })
        .expect(201)
    ).body.id as number;
    await t
      .http()
      .post(`/api/blocs/${id}/terms`)
      .send({ year: 2025, memberUnitIds: members })
      .expect(201);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
    const bodies = (await t.http().get('/api/organizing-bodies').expect(200)).body as {
      id: number;
      code: string;
    }[];
    const ubnd = bodies.find((b) => b.code === 'UBND-HD')!.id;
    const bloc1 = (await t.http().get('/api/blocs').expect(200)).body.items[0];
    expect(bloc1.organizingBodyId).toBe(ubnd);
    const hd = bloc1.provinceId as number;

    const front = await organization('MTTQ-HD-THU', foreignNames[0]!);
    const frontUnits = [
      await unit('HD-MT-1', foreignNames[2]!, hd),
      await unit('HD-MT-2', foreignNames[3]!, hd),
      await unit('HD-MT-3', foreignNames[4]!, hd),
    ];
    const frontBloc = await bloc('HD-MT-CUM-I', foreignNames[1]!, hd, front, frontUnits);

    const province = (
      await t
        .http()
        .post('/api/provinces')
        .send({
          code: 'ZZ',
          name: 'Thử Nghiệm',
          fullName: 'tỉnh Thử Nghiệm',
          validFrom: '2025-07-01',
        })
        .expect(201)
    ).body.id as number;
    const second = await organization('UBND-TN', foreignNames[5]!);
    const secondBloc = await bloc('TN-KHOI-I', foreignNames[6]!, province, second, [
      await unit('TN-P1', foreignNames[7]!, province),
      await unit('TN-P2', foreignNames[8]!, province),
    ]);
    ids = { ubnd, front, second, frontBloc, secondBloc, frontUnit: 0, frontTier: 0 };

    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    const merit = tiers.find((x) => x.code === 'PROV_MERIT')!.id;
    const frontNomination = (
      await t
        .http()
        .post(`/api/blocs/${frontBloc}/terms/2025/nominations`)
        .send({
          unitId: frontUnits[0],
          tierId: merit,
          achievementSummary: 'x',
          acknowledgements: [{ code: 'RANKING_INCOMPLETE', reason: 'Chưa chấm điểm' }],
        })
    ).body as { id?: number };
    const frontMeeting = (
      await t
        .http()
        .post(`/api/blocs/${frontBloc}/terms/2025/meetings`)
        .send(meetingBody('2026-03-01'))
        .expect(201)
    ).body;
    const frontAdmin = (
      await t
        .http()
        .post(`/api/organizing-bodies/${front}/administrators`)
        .send({
          username: 'qt.mttq',
          displayName: 'Quản trị Mặt trận',
          password: 'mat-khau-rat-dai-1',
        })
        .expect(201)
    ).body;
    expect(frontAdmin).toMatchObject({ role: 'OFFICE_ADMIN', organizationId: front });

    const units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      code: string;
    }[];
    const uid = (c: string) => String(units.find((u) => u.code === c)!.id);
    const meeting1 = (await t.http().get(`/api/blocs/${bloc1.id}/terms/2023/meetings`).expect(200))
      .body[0];
    const noms1 = (await t.http().get(`/api/blocs/${bloc1.id}/terms/2023/nominations`).expect(200))
      .body as { id: number; unit: { code: string } }[];
    const set1 = (
      await t.http().get(`/api/blocs/${bloc1.id}/terms/2023/criteria-sets/current`).expect(200)
    ).body;
    const doc1 = (
      await t
        .http()
        .post(`/api/meetings/${meeting1.id}/documents`)
        .send({ kind: 'MINUTES' })
        .expect(201)
    ).body;

    tokens.A = await t.login({ username: 'o.admin', role: 'OFFICE_ADMIN', organizationId: ubnd });
    tokens.S = await t.login({ username: 'o.staff', role: 'OFFICE_STAFF', organizationId: ubnd });
    tokens.B = await t.login({
      username: 'o.secretary',
      role: 'BLOC_SECRETARY',
      blocIds: [bloc1.id],
      organizationId: ubnd,
    });
    tokens.U = await t.login({
      username: 'o.unit',
      role: 'UNIT_REP',
      unitId: Number(uid('HD-CG')),
      organizationId: ubnd,
    });
    tokens.V = await t.login({ username: 'o.viewer', role: 'VIEWER', organizationId: ubnd });

    // each organization's own award tier with its rule; the shared (State's) tiers are both's
    const ownTier = async (token: string, code: string, name: string, rank: number) => {
      const tier = (
        await t
          .as(token)
          .post('/api/award-tiers')
          .send({ code, name, decidingAuthority: 'PROVINCE_CHAIRMAN', rank })
          .expect(201)
      ).body as { id: number };
      const rule = (
        await t.as(token).post(`/api/award-tiers/${tier.id}/rules`).send(tierRuleBody()).expect(201)
      ).body as { id: number };
      return { tier: String(tier.id), ruleId: String(rule.id) };
    };
    const frontToken = await t.login({
      username: 'f.admin',
      role: 'OFFICE_ADMIN',
      organizationId: front,
    });
    frontStaff = await t.login({
      username: 'f.staff',
      role: 'OFFICE_STAFF',
      organizationId: front,
    });
    const ubndTier = await ownTier(tokens.A, 'UBND_HD_THU', 'Giấy khen riêng của Ủy ban Thử', 60);
    const frontTier = await ownTier(frontToken, 'MTTQ_HD_THU', foreignNames[9]!, 61);
    ids.frontUnit = frontUnits[0]!;
    ids.frontTier = Number(frontTier.tier);

    const users = (await t.http().get('/api/users').expect(200)).body as {
      id: number;
      username: string;
    }[];
    Object.assign(own, {
      bloc: String(bloc1.id),
      unit: uid('HD-CG'),
      organization: String(ubnd),
      year: '2023',
      unitId: uid('HD-CG'),
      stage: 'AGREED',
      mid: String(meeting1.id),
      bid: String(meeting1.ballots[0].id),
      nid: String(noms1.find((n) => n.unit.code === 'HD-CG')!.id),
      setId: String(set1.id),
      did: String(doc1.id),
      uid: String(users.find((u) => u.username === 'o.viewer')!.id),
      province: String(hd),
      ...ubndTier,
    });
    Object.assign(other, {
      ...own,
      bloc: String(frontBloc),
      unit: String(frontUnits[0]),
      organization: String(front),
      year: '2025',
      unitId: String(frontUnits[0]),
      mid: String(frontMeeting.id),
      nid: String(frontNomination.id ?? 999999),
      uid: String(frontAdmin.id),
      // records the Front does not have: an unknown id is refused as another's would be
      bid: '999999',
      setId: '999999',
      did: '999999',
      evidenceId: '999999',
      ...frontTier,
    });

    const spec = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method, path })),
    );
  }, 120_000);
  afterAll(() => t.close());

  /** The record an `{id}` names depends on the route: a bloc, a unit, an organization or a province. */
  function fill(path: string, p: Record<string, string>): string {
    return path.replace(/\{(\w+)\}/g, (_m, k: string) => {
      if (k === 'id') {
        if (path.startsWith('/api/blocs/')) return p.bloc!;
        if (path.startsWith('/api/units/')) return p.unit!;
        if (path.startsWith('/api/organizing-bodies/')) return p.organization!;
        if (path.startsWith('/api/provinces/')) return p.province!;
        if (path.startsWith('/api/award-tiers/')) return p.tier!;
        return '1';
      }
      return p[k] ?? '1';
    });
  }

  /** Whether the route names a record that belongs to one organization (not shared reference data). */
  const namesOrganizationRecord = (path: string): boolean =>
    /^\/api\/(blocs|units|organizing-bodies|award-tiers)\/\{id\}/.test(path) ||
    /\{(unitId|mid|bid|nid|setId|did|uid|evidenceId)\}/.test(path);

  const PUBLIC = new Set([
    'post /api/auth/login',
    'post /api/auth/logout',
    'get /api/health',
    'post /api/document-checks',
    'post /api/voting/{bid}/check',
    'post /api/voting/{bid}/cast',
    'get /api/voting/{bid}/receipts',
  ]);

  it("refuses every route naming another organization's record, and no answer names another organization", async () => {
    const unexpected: string[] = [];
    let tried = 0;
    let reachedOwn = 0;
    for (const r of routes) {
      if (PUBLIC.has(`${r.method} ${r.path}`)) continue;
      for (const [which, params] of [
        ['own', own],
        ['other', other],
      ] as const) {
        const url = fill(r.path, params);
        for (const role of ['A', 'S', 'B', 'U', 'V'] as RoleKey[]) {
          const res = await t.as(tokens[role])[r.method as 'get'](url).send({});
          tried += 1;
          if (res.status >= 500)
            unexpected.push(`${role} ${r.method.toUpperCase()} ${url} → ${res.status}`);
          if (which === 'other' && namesOrganizationRecord(r.path) && res.status !== 403)
            unexpected.push(
              `${role} other ${r.method.toUpperCase()} ${r.path} → ${res.status} (expected 403)`,
            );
          if (which === 'own' && res.status < 300) reachedOwn += 1;
          const body =
            JSON.stringify(res.body ?? '') + (typeof res.text === 'string' ? res.text : '');
          for (const name of foreignNames)
            if (body.includes(name))
              unexpected.push(`${role} ${r.method.toUpperCase()} ${url} shows "${name}"`);
          // every organization id an answer carries is the caller's own
          const shown = [...body.matchAll(/"(?:organizationId|organizingBodyId)":(\d+)/g)].map(
            (m) => Number(m[1]),
          );
          if (shown.some((o) => o !== ids.ubnd))
            unexpected.push(
              `${role} ${r.method.toUpperCase()} ${url} shows another organization id`,
            );
        }
      }
    }
    console.log(
      `tenancy: ${routes.length} routes × 5 roles × 2 organizations = ${tried} requests; reached on its own: ${reachedOwn}; unexpected: ${unexpected.length}`,
    );
    expect(unexpected).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
    expect(reachedOwn).toBeGreaterThan(150);
  }, 600_000);

  it("refuses the web pages and forms of another organization's records, and no page names it", async () => {
    /** The web route's `:param` filled from a set of records (`:id` is always a bloc there). */
    const webUrl = (path: string, p: Record<string, string>) =>
      path.replace(/:([A-Za-z]+)/g, (_m, k: string) => (k === 'id' ? p.bloc! : (p[k] ?? '1')));
    const namesRecord = (path: string) =>
      /\/blocs\/:id|:(unitId|mid|bid|nid|did|uid|setId)\b/.test(path);
    // open to everyone, or ending the session the loop runs in
    const open = /^\/web\/(login|logout|kiem-tra-van-ban|bp\/|huong-dan\/)/;
    const pages = webRoutes(t).filter((r) => !open.test(r.path));
    const unexpected: string[] = [];
    let pagesRead = 0;
    for (const username of ['o.staff', 'o.secretary']) {
      const login = await t
        .anon()
        .post('/web/login')
        .type('form')
        .send({ username, password: 'mat-khau-thu-nghiem-2024' });
      expect(login.status).toBe(303);
      const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      const home = await t.anon().get('/web').set('Cookie', cookie).expect(200);
      const csrf = /name="csrf-token" content="([^"]+)"/.exec(home.text)?.[1];
      expect(csrf).toBeDefined();
      const before = await rowCounts(t.dataSource);
      for (const r of pages)
        for (const [which, params] of [
          ['own', own],
          ['other', other],
        ] as const) {
          if (r.method !== 'GET' && which === 'own') continue;
          const url = webUrl(r.path, params);
          const res =
            r.method === 'GET'
              ? await t.anon().get(url).set('Cookie', cookie)
              : await t.anon().post(url).set('Cookie', cookie).type('form').send({ _csrf: csrf });
          if (r.method === 'GET') pagesRead += 1;
          if (res.status >= 500) unexpected.push(`${username} ${r.method} ${url} → ${res.status}`);
          if (which === 'other' && namesRecord(r.path) && res.status !== 403)
            unexpected.push(
              `${username} other ${r.method} ${r.path} → ${res.status} (expected 403)`,
            );
          for (const name of foreignNames)
            if (res.text.includes(name))
              unexpected.push(`${username} ${r.method} ${url} shows "${name}"`);
        }
      // the refused forms wrote nothing
      expect(await rowCounts(t.dataSource)).toEqual(before);
    }
    console.log(
      `tenancy (web): ${pages.length} routes, ${pagesRead} pages read by two accounts; unexpected: ${unexpected.length}`,
    );
    expect(unexpected).toEqual([]);
    expect(pagesRead).toBeGreaterThan(100);
  }, 600_000);

  it('works on its own records as before', async () => {
    await t.as(tokens.S).get(`/api/blocs/${own.bloc}/terms/2023/ranking`).expect(200);
    await t.as(tokens.B).get(`/api/meetings/${own.mid}`).expect(200);
    await t.as(tokens.U).get(`/api/nominations/${own.nid}`).expect(200);
    await t.as(tokens.V).get(`/api/documents/${own.did}/van-ban.html`).expect(200);
    await t.as(tokens.A).get(`/api/organizing-bodies/${own.organization}`).expect(200);
    await t.as(tokens.S).get(`/api/provinces/${own.province}/nominations?year=2023`).expect(200);
  });

  it("keeps an organization's own tiers its own, and the shared tiers read-only to it", async () => {
    type Tier = { id: number; code: string; rank: number; organizingBodyId: number | null };
    const listed = (await t.as(tokens.S).get('/api/award-tiers').expect(200)).body as Tier[];
    const merit = listed.find((x) => x.code === 'PROV_MERIT')!;
    expect(merit.organizingBodyId).toBeNull();
    expect(listed.find((x) => x.code === 'UBND_HD_THU')?.organizingBodyId).toBe(ids.ubnd);
    expect(listed.map((x) => x.code)).not.toContain('MTTQ_HD_THU');
    const resolved = (
      await t.as(tokens.V).get('/api/award-tiers/resolved-rules?year=2025').expect(200)
    ).body as { tier: Tier }[];
    expect(resolved.map((r) => r.tier.code)).toContain('UBND_HD_THU');
    expect(resolved.map((r) => r.tier.code)).not.toContain('MTTQ_HD_THU');
    // an account bound to none (a single office, the seeding) sees every tier
    const all = (await t.http().get('/api/award-tiers').expect(200)).body as Tier[];
    expect(all.length).toBe(listed.length + 1);

    // the shared tiers: read, never changed, by an organization's office
    await t.as(tokens.A).get(`/api/award-tiers/${merit.id}/rules`).expect(200);
    const before = await rowCounts(t.dataSource);
    for (const [method, url] of [
      ['patch', `/api/award-tiers/${merit.id}`],
      ['post', `/api/award-tiers/${merit.id}/rules`],
    ] as const)
      expect((await t.as(tokens.A)[method](url).send({ version: 1, name: 'Đổi' })).status).toBe(
        403,
      );
    // naming another organization for a new tier is refused; its own is made in its organization
    const named = await t
      .as(tokens.S)
      .post('/api/award-tiers')
      .send({
        code: 'UBND_HD_KHAC',
        name: 'Thử',
        decidingAuthority: 'PROVINCE_CHAIRMAN',
        rank: 70,
        organizingBodyId: ids.front,
      })
      .expect(422);
    expect(named.body.code).toBe('TIER_ORGANIZATION_NOT_OWN');
    // codes and ranks are unique among the tiers it sees: a shared tier's are taken, the Front's
    // own are not (nothing tells it they exist)
    const tierBody = (code: string, rank: number) => ({
      code,
      name: 'Thử',
      decidingAuthority: 'PROVINCE_CHAIRMAN',
      rank,
    });
    const taken = await t.as(tokens.S).post('/api/award-tiers').send(tierBody('PROV_MERIT', 71));
    expect([taken.status, taken.body.code]).toEqual([409, 'TIER_CODE_TAKEN']);
    const rankTaken = await t
      .as(tokens.S)
      .post('/api/award-tiers')
      .send(tierBody('UBND_HD_HANG', merit.rank));
    expect([rankTaken.status, rankTaken.body.code]).toEqual([409, 'TIER_RANK_TAKEN']);
    expect(await rowCounts(t.dataSource)).toEqual(before);
    const sameAsFront = await t
      .as(tokens.S)
      .post('/api/award-tiers')
      .send(tierBody('MTTQ_HD_THU', 61))
      .expect(201);
    expect(sameAsFront.body.organizingBodyId).toBe(ids.ubnd);

    // a bloc proposes the shared tiers and its organization's own; another's does not exist for it
    const ack = [{ code: 'RANKING_INCOMPLETE', reason: 'Chưa chấm điểm' }];
    const refused = await t
      .as(tokens.A)
      .post(`/api/blocs/${own.bloc}/terms/2023/nominations`)
      .send({ unitId: Number(own.unit), tierId: ids.frontTier, achievementSummary: 'x' })
      .expect(404);
    expect(refused.body.code).toBe('TIER_NOT_FOUND');
    expect(JSON.stringify(refused.body)).not.toContain(foreignNames[9]);
    const proposed = await t
      .as(frontStaff)
      .post(`/api/blocs/${ids.frontBloc}/terms/2025/nominations`)
      .send({
        unitId: ids.frontUnit + 1,
        tierId: ids.frontTier,
        achievementSummary: 'x',
        acknowledgements: ack,
      })
      .expect(201);
    expect(proposed.body.tierCode).toBe('MTTQ_HD_THU');
    // its own tier, though the People's Committee now has one of the same code
    expect(proposed.body.tierName).toBe(foreignNames[9]);
    // the Front's tier is not the People's Committee's to propose, even for an account bound to none
    await t
      .http()
      .post(`/api/blocs/${own.bloc}/terms/2023/nominations`)
      .send({ unitId: Number(own.unit), tierId: ids.frontTier, achievementSummary: 'x' })
      .expect(404);
    // nor offered on its nomination page, to an account bound to none
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'test.admin', password: 'mat-khau-thu-nghiem-2024' });
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const page = await t
      .anon()
      .get(`/web/blocs/${own.bloc}/terms/2023/nominations`)
      .set('Cookie', cookie)
      .expect(200);
    expect(page.text).toContain('Giấy khen riêng của Ủy ban Thử');
    expect(page.text).not.toContain(foreignNames[9]);
  });

  it('lists only its own blocs, units, organizations, accounts and audit rows', async () => {
    const blocs = (await t.as(tokens.S).get('/api/blocs').expect(200)).body.items as {
      organizingBodyId: number;
    }[];
    expect(blocs.length).toBeGreaterThan(0);
    expect(blocs.every((b) => b.organizingBodyId === ids.ubnd)).toBe(true);
    const all = (await t.http().get('/api/blocs').expect(200)).body.items as unknown[];
    expect(all.length).toBe(blocs.length + 2);

    const units = (await t.as(tokens.V).get('/api/units?pageSize=100').expect(200)).body;
    expect(units.items.map((u: { code: string }) => u.code)).not.toContain('HD-MT-1');
    expect(units.items.map((u: { code: string }) => u.code)).toContain('HD-CG');

    const bodies = (await t.as(tokens.S).get('/api/organizing-bodies').expect(200)).body as {
      id: number;
    }[];
    expect(bodies.map((b) => b.id)).toEqual([ids.ubnd]);

    const users = (await t.as(tokens.A).get('/api/users').expect(200)).body as {
      organizationId: number | null;
    }[];
    expect(users.length).toBe(5);
    expect(users.every((u) => u.organizationId === ids.ubnd)).toBe(true);

    // a change made by the organization is its own audit row; another's rows are not listed
    await t.as(tokens.S).get('/api/units').expect(200);
    const registered = await unit('HD-MT-4', 'Xã Mới Thử', Number(own.province), {
      token: frontStaff,
    });
    // a unit just registered by the Front, in no bloc yet: the Front's to see, not the other's
    const codes = async (token: string) =>
      (
        (await t.as(token).get('/api/units?pageSize=200').expect(200)).body.items as {
          code: string;
        }[]
      ).map((u) => u.code);
    expect(await codes(frontStaff)).toContain('HD-MT-4');
    expect(await codes(tokens.S)).not.toContain('HD-MT-4');
    await t.as(frontStaff).get(`/api/units/${registered}`).expect(200);
    await t.as(tokens.S).get(`/api/units/${registered}`).expect(403);
    const audit = (await t.as(tokens.A).get('/api/audit?pageSize=500').expect(200)).body.items as {
      organizingBodyId: number | null;
      entityId: string;
    }[];
    expect(audit.every((a) => a.organizingBodyId === ids.ubnd)).toBe(true);
    expect(audit.some((a) => a.entityId === String(registered))).toBe(false);
    // the chain is checked whole; the answer counts the organization's rows only
    const total = (await t.as(tokens.A).get('/api/audit?pageSize=1').expect(200)).body
      .total as number;
    const verified = (await t.as(tokens.A).get('/api/audit/verify').expect(200)).body;
    expect(verified).toMatchObject({ ok: true, checked: total, firstBrokenId: null });
    // its administrator pins the organization's own last row, and checks the log against it later
    const last = (await t.as(tokens.A).get('/api/audit?pageSize=1').expect(200)).body.items[0] as {
      id: number;
    };
    const pinned = (await t.as(tokens.A).post('/api/audit/checkpoints').expect(201)).body;
    expect(pinned.auditId).toBe(last.id);
    await t.as(tokens.S).post('/api/audit/checkpoints').expect(403);
    const query = new URLSearchParams(
      Object.fromEntries(
        ['auditId', 'headHash', 'at', 'keyId', 'signature'].map((k) => [k, String(pinned[k])]),
      ),
    ).toString();
    expect((await t.as(tokens.A).get(`/api/audit/verify?${query}`).expect(200)).body).toMatchObject(
      { ok: true, checkpoint: { auditId: last.id, ok: true } },
    );
    const frontAudit = (await t.as(frontStaff).get('/api/audit?pageSize=500').expect(200)).body
      .items as {
      organizingBodyId: number | null;
      entityId: string;
    }[];
    expect(frontAudit.some((a) => a.entityId === String(registered))).toBe(true);
    expect(frontAudit.every((a) => a.organizingBodyId === ids.front)).toBe(true);
    // the Front's later rows do not move the People's Committee's latest checkpoint
    expect((await t.as(tokens.A).get('/api/audit/checkpoints/latest').expect(200)).body).toEqual(
      pinned,
    );
  });

  it('lets a unit sit in one bloc a year of each organization, not two of the same', async () => {
    const cg = Number(own.unit);
    // Cẩm Giàng, in the People's Committee's bloc in 2023, also joins the Front's cụm that year
    const cum = (
      await t
        .as(frontStaff)
        .post('/api/blocs')
        .send({
          code: 'HD-MT-CUM-II',
          name: 'Cụm Mặt trận II',
          kind: 'CUM',
          provinceId: Number(own.province),
        })
        .expect(201)
    ).body;
    await t
      .as(frontStaff)
      .post(`/api/blocs/${cum.id}/terms`)
      .send({ year: 2023, memberUnitIds: [cg] })
      .expect(201);
    // but not a second bloc of the People's Committee that year
    const second = (
      await t
        .as(tokens.S)
        .post('/api/blocs')
        .send({
          code: 'HD-KHOI-II',
          name: 'Khối II',
          kind: 'KHOI',
          provinceId: Number(own.province),
        })
        .expect(201)
    ).body;
    const refused = await t
      .as(tokens.S)
      .post(`/api/blocs/${second.id}/terms`)
      .send({ year: 2023, memberUnitIds: [cg] })
      .expect(409);
    expect(refused.body.code).toBe('BLOC_MEMBER_IN_OTHER_BLOC');
    // and the database refuses it too, whatever path writes it
    const other = await unit('HD-XA-THU', 'Xã Thử Khối II', Number(own.province), {
      token: tokens.S,
      validFrom: '2020-01-01',
    });
    await t
      .as(tokens.S)
      .post(`/api/blocs/${second.id}/terms`)
      .send({ year: 2023, memberUnitIds: [other] })
      .expect(201);
    const rows: { id: number }[] = await t.dataSource.query(
      `SELECT "id" FROM "bloc_term" WHERE "bloc_id" = ${Number(second.id)} AND "year" = 2023`,
    );
    await expect(
      t.dataSource.query(
        `INSERT INTO "bloc_member" ("term_id", "unit_id", "year") VALUES (${Number(rows[0]!.id)}, ${cg}, 2023)`,
      ),
    ).rejects.toThrow(/bloc_member/);
  });

  it("does not change by file a unit of another organization's blocs", async () => {
    const csv = Buffer.from(
      [
        '\uFEFFMã đơn vị,Loại,Tên,Hiệu lực từ,Hiệu lực đến,Mã đơn vị tiền thân',
        'HD-XA-THU,xã,Xã Thử Đổi Tên,01/01/2020,30/06/2025,',
        'HD-MT-9,xã,Xã Mới Của Mặt Trận,01/01/2024,30/06/2025,',
      ].join('\r\n'),
      'utf8',
    );
    const before = await rowCounts(t.dataSource);
    const preview = (
      await t
        .as(frontStaff)
        .post(`/api/provinces/${own.province}/units-import/preview`)
        .attach('file', csv, 'don-vi.csv')
        .expect(200)
    ).body as { ok: boolean; rows: { rowNumber: number; errors: { code: string }[] }[] };
    expect(preview.ok).toBe(false);
    expect(preview.rows.find((r) => r.rowNumber === 2)!.errors.map((e) => e.code)).toContain(
      'UNIT_ROW_NOT_OWN',
    );
    const refused = await t
      .as(frontStaff)
      .post(`/api/provinces/${own.province}/units-import`)
      .attach('file', csv, 'don-vi.csv')
      .expect(422);
    expect(refused.body.code).toBe('UNIT_IMPORT_REJECTED');
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('creates only in its own organization, and hands nothing to another', async () => {
    const res = await t
      .as(tokens.A)
      .post('/api/users')
      .send({
        username: 'o.lac',
        displayName: 'x',
        role: 'VIEWER',
        password: 'mat-khau-rat-dai-2',
        organizationId: ids.front,
      })
      .expect(422);
    expect(res.body.code).toBe('ORGANIZATION_NOT_OWN');
    const scope = await t
      .as(tokens.A)
      .post('/api/users')
      .send({
        username: 'o.lac2',
        displayName: 'x',
        role: 'BLOC_SECRETARY',
        password: 'mat-khau-rat-dai-2',
        blocIds: [ids.frontBloc],
      })
      .expect(422);
    expect(scope.body.code).toBe('USER_SCOPE_OUTSIDE_ORGANIZATION');
    const bloc = await t
      .as(tokens.S)
      .post('/api/blocs')
      .send({
        code: 'HD-LAC',
        name: 'x',
        kind: 'CUM',
        provinceId: Number(own.province),
        organizingBodyId: ids.front,
      })
      .expect(422);
    expect(bloc.body.code).toBe('BLOC_ORGANIZATION_NOT_OWN');
    const mine = (
      await t
        .as(tokens.S)
        .post('/api/blocs')
        .send({ code: 'HD-MOI', name: 'Cụm mới', kind: 'CUM', provinceId: Number(own.province) })
        .expect(201)
    ).body;
    expect(mine.organizingBodyId).toBe(ids.ubnd);
    const moved = await t
      .as(tokens.S)
      .patch(`/api/blocs/${mine.id}`)
      .send({ version: mine.version, organizingBodyId: ids.second })
      .expect(422);
    expect(moved.body.code).toBe('BLOC_ORGANIZATION_NOT_OWN');
    // nothing of the refusals was written
    const names = (
      (await t.http().get('/api/users').expect(200)).body as { username: string }[]
    ).map((u) => u.username);
    expect(names).not.toContain('o.lac');
    expect(names).not.toContain('o.lac2');
  });

  it("gives the host's administrator organizations and their first administrators, and no business data", async () => {
    const host = await (async () => {
      const { UsersService } = await import('../../src/auth/users.service');
      const { AuthService } = await import('../../src/auth/auth.service');
      await t.app.get(UsersService).create(
        {
          username: 'host.admin',
          displayName: 'Quản trị hệ thống',
          role: 'HOST_ADMIN',
          password: 'mat-khau-rat-dai-3',
        },
        false,
        true,
      );
      return (
        await t.app.get(AuthService).login('host.admin', 'mat-khau-rat-dai-3', 'BEARER', 'test')
      ).token;
    })();
    const bodies = (await t.as(host).get('/api/organizing-bodies').expect(200)).body as unknown[];
    expect(bodies.length).toBe(3);
    const org = await t
      .as(host)
      .post('/api/organizing-bodies')
      .send({
        code: 'BO-THU',
        name: 'Bộ Thử',
        headerLine: 'BỘ THỬ',
        place: 'Hà Nội',
        locality: 'Bộ Thử',
        addressee: 'Bộ trưởng Bộ Thử',
        office: 'Vụ Thi đua',
        authorityCodes: ['MINISTER'],
      })
      .expect(201);
    await t
      .as(host)
      .post(`/api/organizing-bodies/${org.body.id}/administrators`)
      .send({
        username: 'qt.bothu',
        displayName: 'Quản trị Bộ Thử',
        password: 'mat-khau-rat-dai-4',
      })
      .expect(201);
    for (const url of [
      '/api/units',
      '/api/blocs',
      '/api/users',
      '/api/audit',
      `/api/meetings/${own.mid}`,
    ])
      expect((await t.as(host).get(url)).status).toBe(403);
    // the web pages: signed in, the host's administrator gets pages, never a business one nor a 500
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'host.admin', password: 'mat-khau-rat-dai-3' });
    expect(login.status).toBe(303);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    for (const url of ['/web', '/web/units', '/web/blocs', `/web/meetings/${own.mid}`]) {
      const page = await t.anon().get(url).set('Cookie', cookie);
      expect({ url, status: page.status < 500 }).toEqual({ url, status: true });
      for (const name of ['Cẩm Giàng', 'Gia Lộc']) expect(page.text).not.toContain(name);
    }
    // and the API cannot make another host administrator, nor an organization's office make one
    const made = await t
      .http()
      .post('/api/users')
      .send({
        username: 'host.two',
        displayName: 'x',
        role: 'HOST_ADMIN',
        password: 'mat-khau-rat-dai-5',
      })
      .expect(422);
    expect(made.body.code).toBe('HOST_ADMIN_COMMAND_LINE_ONLY');
    expect(
      (await t.as(tokens.A).post(`/api/organizing-bodies/${ids.second}/administrators`).send({}))
        .status,
    ).toBe(403);
  });

  it("gives the host's administrator web pages for organizations and their first administrators", async () => {
    /** A signed-in web session: its cookie and CSRF token. */
    const session = async (username: string, password: string) => {
      const login = await t.anon().post('/web/login').type('form').send({ username, password });
      expect(login.status).toBe(303);
      const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      const home = await t.anon().get('/web').set('Cookie', cookie).expect(200);
      const csrf = /name="csrf-token" content="([^"]+)"/.exec(home.text)![1]!;
      return { cookie, csrf };
    };
    type Session = Awaited<ReturnType<typeof session>>;
    const postForm = (as: Session, url: string, fields: Record<string, unknown>) =>
      t
        .anon()
        .post(url)
        .set('Cookie', as.cookie)
        .type('form')
        .send({ _csrf: as.csrf, ...fields });
    const host = await session('host.admin', 'mat-khau-rat-dai-3');
    const page = await t.anon().get('/web/organizations').set('Cookie', host.cookie).expect(200);
    expect(page.text).toContain(foreignNames[0]);
    expect(page.text).toContain('Thêm tổ chức');
    expect(page.text).toContain('Tạo quản trị viên đầu tiên');
    expect(page.text).toContain('href="/web/organizations"');

    // a form missing its fields comes back with the messages, nothing written
    const before = await rowCounts(t.dataSource);
    const refused = await postForm(host, '/web/organizations', { code: 'SO-THU' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Vui lòng nhập trường này.');
    expect(refused.text).toContain('value="SO-THU"');
    expect(await rowCounts(t.dataSource)).toEqual(before);

    const created = await postForm(host, '/web/organizations', {
      code: 'SO-THU',
      name: 'Sở Thử Nghiệm',
      headerLine: 'UBND TỈNH THỬ',
      place: 'Thử',
      locality: 'tỉnh Thử',
      addressee: 'Giám đốc Sở Thử Nghiệm',
      office: 'Văn phòng Sở',
      authorityCodes: ['PROVINCE_CHAIRMAN'],
    });
    expect(created.status).toBe(303);
    const bodies = (await t.http().get('/api/organizing-bodies').expect(200)).body as {
      id: number;
      code: string;
      authorityCodes: string[];
    }[];
    const so = bodies.find((b) => b.code === 'SO-THU')!;
    expect(so.authorityCodes).toEqual(['PROVINCE_CHAIRMAN']);
    const noOrganization = await postForm(host, '/web/organizations/administrators', {
      username: 'qt.so',
      displayName: 'x',
      password: 'mat-khau-rat-dai-6',
    });
    expect(noOrganization.status).toBe(400);
    expect(noOrganization.text).toContain('Vui lòng chọn tổ chức.');
    expect(noOrganization.text).not.toContain('mat-khau-rat-dai-6');
    for (const organizationId of ['99999999999999999999', 'abc', '0'])
      expect(
        (
          await postForm(host, '/web/organizations/administrators', {
            organizationId,
            username: 'qt.so',
            displayName: 'x',
            password: 'mat-khau-rat-dai-6',
          })
        ).status,
      ).toBe(400);
    // an organization that does not exist
    expect(
      (
        await postForm(host, '/web/organizations/administrators', {
          organizationId: '999999',
          username: 'qt.so',
          displayName: 'x',
          password: 'mat-khau-rat-dai-6',
        })
      ).status,
    ).toBe(404);
    const admin = await postForm(host, '/web/organizations/administrators', {
      organizationId: String(so.id),
      username: 'qt.so',
      displayName: 'Quản trị Sở Thử',
      password: 'mat-khau-rat-dai-6',
    });
    expect(admin.status).toBe(303);
    // the new administrator belongs to the new organization and sees only it
    const own = await session('qt.so', 'mat-khau-rat-dai-6');
    const ownPage = await t.anon().get('/web/organizations').set('Cookie', own.cookie).expect(200);
    expect(ownPage.text).toContain('Sở Thử Nghiệm');
    for (const name of [foreignNames[0], foreignNames[5]]) expect(ownPage.text).not.toContain(name);
    expect(ownPage.text).not.toContain('Thêm tổ chức');
    expect(ownPage.text).not.toContain('Tạo quản trị viên đầu tiên');
    // and cannot use the host's forms
    const before2 = await rowCounts(t.dataSource);
    for (const url of ['/web/organizations', '/web/organizations/administrators'])
      expect((await postForm(own, url, {})).status).toBe(403);
    expect(await rowCounts(t.dataSource)).toEqual(before2);
  });

  it("counts a province cap in the nomination's own organization, whoever reads it", async () => {
    // a second People's Committee cụm in Hải Dương for 2025, next to the Front's
    const made = (code: string, name: string) =>
      unit(code, name, Number(own.province), { token: tokens.A });
    const members = [
      await made('HD-UB-1', 'Xã Ủy Ban Một'),
      await made('HD-UB-2', 'Xã Ủy Ban Hai'),
    ];
    const bloc = (
      await t
        .as(tokens.A)
        .post('/api/blocs')
        .send({
          code: 'HD-UB-CUM-2025',
          name: 'Cụm Ủy ban 2025',
          kind: 'CUM',
          provinceId: Number(own.province),
        })
        .expect(201)
    ).body as { id: number; organizingBodyId: number };
    expect(bloc.organizingBodyId).toBe(ids.ubnd);
    await t
      .as(tokens.A)
      .post(`/api/blocs/${bloc.id}/terms`)
      .send({ year: 2025, memberUnitIds: members })
      .expect(201);

    // a shared tier capped at 1/5 of the province's bloc leaders, at least one
    const flag = (
      await t
        .http()
        .post('/api/award-tiers')
        .send({
          code: 'CAP_THU',
          name: 'Cờ có trần thử',
          decidingAuthority: 'PROVINCE_CHAIRMAN',
          rank: 80,
        })
        .expect(201)
    ).body.id as number;
    await t
      .http()
      .post(`/api/award-tiers/${flag}/rules`)
      .send({
        ...tierRuleBody(),
        provinceCap: { numerator: 1, denominator: 5 },
        provinceCapMinOne: true,
      })
      .expect(201);
    const ack = [{ code: 'RANKING_INCOMPLETE', reason: 'Chưa chấm điểm' }];
    // the Front's cụm proposes its one provincial flag (cap 1/5 of its leaders, at least one)
    await t
      .as(frontStaff)
      .post(`/api/blocs/${ids.frontBloc}/terms/2025/nominations`)
      .send({
        unitId: ids.frontUnit + 2,
        tierId: flag,
        achievementSummary: 'x',
        acknowledgements: ack,
      })
      .expect(201);
    // the People's Committee's cụm proposes its own: the Front's is not counted against it
    const nominated = (
      await t
        .as(tokens.A)
        .post(`/api/blocs/${bloc.id}/terms/2025/nominations`)
        .send({ unitId: members[0], tierId: flag, achievementSummary: 'x', acknowledgements: ack })
        .expect(201)
    ).body as { id: number; eligibility: { errors: { code: string }[]; checkedRules: string[] } };
    const codes = (e: { errors: { code: string }[] }) => e.errors.map((x) => x.code);
    expect(nominated.eligibility.checkedRules).toContain('PROVINCE_CAP');
    expect(codes(nominated.eligibility)).not.toContain('PROVINCE_CAP');
    // read by an account bound to no organization, the verdict is the same (before: counted both)
    const asHost = (await t.http().get(`/api/nominations/${nominated.id}`).expect(200)).body;
    expect(asHost.eligibility).toEqual(nominated.eligibility);
  });

  it('gives a bloc of no organization one only where none of its members sits in that one’s blocs', async () => {
    const bloc = (
      await t
        .http()
        .post('/api/blocs')
        .send({
          code: 'HD-CU-2025',
          name: 'Cụm chưa có tổ chức',
          kind: 'CUM',
          provinceId: Number(own.province),
        })
        .expect(201)
    ).body as { id: number; organizingBodyId: number | null; version: number };
    expect(bloc.organizingBodyId).toBeNull();
    // a Front commune, in the Front's cụm of 2025, also in this bloc of no organization
    await t
      .http()
      .post(`/api/blocs/${bloc.id}/terms`)
      .send({ year: 2025, memberUnitIds: [ids.frontUnit] })
      .expect(201);
    const before = await rowCounts(t.dataSource);
    const refused = await t
      .http()
      .patch(`/api/blocs/${bloc.id}`)
      .send({ version: bloc.version, organizingBodyId: ids.front })
      .expect(409);
    expect(refused.body.code).toBe('BLOC_MEMBER_IN_OTHER_BLOC');
    expect(await rowCounts(t.dataSource)).toEqual(before);
    // the People's Committee has no bloc holding it that year: given to it
    const given = await t
      .http()
      .patch(`/api/blocs/${bloc.id}`)
      .send({ version: bloc.version, organizingBodyId: ids.ubnd })
      .expect(200);
    expect(given.body.organizingBodyId).toBe(ids.ubnd);
  });
});
