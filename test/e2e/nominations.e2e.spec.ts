import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

interface Unit {
  id: number;
  code: string;
  shortName: string;
  provinceId: number;
}
interface Tier {
  id: number;
  code: string;
}

describe('Nominations of the Hải Dương 2023 bloc, from proposal to decision', () => {
  let t: TestApp;
  let units: Unit[];
  let tiers: Tier[];
  let blocId: number;
  const base = () => `/api/blocs/${blocId}/terms/2023`;
  const unit = (name: string) => units.find((u) => u.shortName === name)!;
  const tier = (code: string) => tiers.find((x) => x.code === code)!;
  const summary = 'Hoàn thành xuất sắc nhiệm vụ năm 2023; dẫn đầu các phong trào thi đua của khối.';
  /** POST a nomination of the 2023 term for a unit (by short name) and a tier (by code). */
  const nominate = (name: string, code: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`${base()}/nominations`)
      .send({
        unitId: unit(name).id,
        tierId: tier(code).id,
        achievementSummary: summary,
        ...extra,
      });

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
    tiers = (await t.http().get('/api/award-tiers').expect(200)).body;
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  async function refused(
    send: () => Promise<{ status: number; body: { code: string; details: { code: string }[] } }>,
    status: number,
    code: string,
  ) {
    const before = await rowCounts(t.dataSource);
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await rowCounts(t.dataSource)).toEqual(before);
    return res.body;
  }

  it("suggests the seed article's proposals, and they pass every rule", async () => {
    const s = (await t.http().get(`${base()}/nomination-suggestions`).expect(200)).body;
    expect(s.rankingComplete).toBe(true);
    expect(
      s.suggestions.map((x: { unit: Unit; tierCode: string }) => [x.unit.shortName, x.tierCode]),
    ).toEqual([
      ['Hải Dương', 'GOV_FLAG'],
      ['Cẩm Giàng', 'PROV_FLAG'],
      ['Gia Lộc', 'PROV_MERIT'],
      ['Kim Thành', 'PROV_MERIT'],
    ]);
    for (const x of s.suggestions) expect(x.eligibility.errors).toEqual([]);
    const cg = s.suggestions[1];
    expect(cg.eligibility.warnings.map((w: { code: string }) => w.code)).toEqual(['NOT_LEADER']);
  });

  it('refuses a warning without acknowledgement, then records the four proposals', async () => {
    const body = await refused(
      () => nominate('Cẩm Giàng', 'PROV_FLAG'),
      422,
      'WARNING_NOT_ACKNOWLEDGED',
    );
    // each detail names the warning it refuses (not WARNING_NOT_ACKNOWLEDGED for all)
    expect(body.details[0]).toMatchObject({
      code: 'NOT_LEADER',
      params: { warningCode: 'NOT_LEADER' },
    });
    const made = [
      await nominate('Hải Dương', 'GOV_FLAG').expect(201),
      await nominate('Cẩm Giàng', 'PROV_FLAG', {
        acknowledgements: [
          {
            code: 'NOT_LEADER',
            reason: 'Đơn vị dẫn đầu (TP Hải Dương) được đề nghị Cờ thi đua của Chính phủ',
          },
        ],
      }).expect(201),
      await nominate('Gia Lộc', 'PROV_MERIT').expect(201),
      await nominate('Kim Thành', 'PROV_MERIT').expect(201),
    ];
    for (const m of made)
      expect(m.body).toMatchObject({
        status: 'DRAFT',
        eligibility: { eligible: true, unacknowledged: [] },
      });
    expect(made[1]!.body.acknowledgements[0]).toMatchObject({ code: 'NOT_LEADER' });
    expect(made[0]!.body.eligibility.checkedRules).toEqual(
      expect.arrayContaining([
        'LEADER_ONLY',
        'PROVINCE_CAP',
        'BLOC_QUOTA',
        'ONE_TIER_PER_UNIT',
        'UNIT_DISSOLVED',
      ]),
    );
  });

  it('answers each broken rule with 422 and its code, writing nothing', async () => {
    await refused(() => nominate('Chí Linh', 'GOV_FLAG'), 422, 'LEADER_ONLY');
    await refused(() => nominate('Chí Linh', 'PROV_MERIT'), 422, 'BLOC_QUOTA');
    await refused(() => nominate('Gia Lộc', 'PROV_FLAG'), 422, 'ONE_TIER_PER_UNIT');
  });

  it('refuses a nomination for a unit whose valid-to date falls before the decision date (TT 15/2025)', async () => {
    const all = units.map((u) => u.id);
    await t
      .http()
      .post(`/api/blocs/${blocId}/terms`)
      .send({ year: 2024, memberUnitIds: all })
      .expect(201);
    const body = await refused(
      () =>
        t
          .http()
          .post(`/api/blocs/${blocId}/terms/2024/nominations`)
          .send({
            unitId: unit('Cẩm Giàng').id,
            tierId: tier('PROV_MERIT').id,
            achievementSummary: summary,
            referenceDate: '2025-09-01',
          }),
      422,
      'UNIT_DISSOLVED',
    );
    expect(body.details[0]).toMatchObject({ code: 'UNIT_DISSOLVED' });
  });

  it('goes through proposal, submission, the council and the decision, and the award becomes history', async () => {
    const list = (await t.http().get(`${base()}/nominations`).expect(200)).body as {
      id: number;
      unit: Unit;
      version: number;
      status: string;
    }[];
    const step = async (
      n: { id: number },
      path: string,
      body: Record<string, unknown>,
      status = 200,
    ) => {
      const current = (await t.http().get(`/api/nominations/${n.id}`).expect(200)).body;
      return t
        .http()
        .post(`/api/nominations/${n.id}/${path}`)
        .send({ version: current.version, ...body })
        .expect(status);
    };
    for (const n of list) {
      await step(n, 'transitions', { to: 'PROPOSED' });
      await step(n, 'transitions', { to: 'SUBMITTED' });
    }
    const [hd, cg, gl, kt] = list as [
      (typeof list)[0],
      (typeof list)[0],
      (typeof list)[0],
      (typeof list)[0],
    ];
    // council: 15 members, 14 present; flags need ≥ 70 % of all members (11), certificates > 50 % (8)
    const passed = (
      await step(cg, 'council-vote', {
        members: 15,
        present: 14,
        valid: 14,
        agree: 13,
        councilDate: '2024-03-20',
      })
    ).body;
    expect(passed.status).toBe('PASSED');
    expect(passed.history.at(-1).reason).toContain('13/15');
    const cut = (
      await step(kt, 'council-vote', {
        members: 15,
        present: 14,
        valid: 14,
        agree: 7,
        councilDate: '2024-03-20',
      })
    ).body;
    expect(cut.status).toBe('CUT');
    await step(
      gl,
      'council-vote',
      { members: 15, present: 9, valid: 9, agree: 9, councilDate: '2024-03-20' },
      422,
    );
    await step(
      gl,
      'council-vote',
      { members: 15, present: 14, valid: 15, agree: 9, councilDate: '2024-03-20' },
      422,
    );
    await step(hd, 'transitions', { to: 'DECIDED' }, 409);

    const decided = (
      await step(cg, 'decision', {
        decisionNumber: '512/QĐ-UBND',
        decisionDate: '2024-03-25',
        decider: 'Chủ tịch UBND tỉnh Hải Dương',
      })
    ).body;
    expect(decided).toMatchObject({ status: 'DECIDED', decision: { number: '512/QĐ-UBND' } });
    await step(cg, 'transitions', { to: 'WITHDRAWN', reason: 'x' }, 409);
    const again = await t.dataSource.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM "award_history" WHERE "source" = 'DECISION'`,
    );
    expect(Number(again[0]!.n)).toBe(1);

    await step(gl, 'council-vote', {
      members: 15,
      present: 14,
      valid: 14,
      agree: 12,
      councilDate: '2024-03-20',
    });
    const late = await step(
      gl,
      'decision',
      { decisionNumber: '9/QĐ-UBND', decisionDate: '2025-08-01', decider: 'Chủ tịch UBND tỉnh' },
      422,
    );
    expect(late.body.code).toBe('UNIT_DISSOLVED');
  });

  it('shows the provincial stage against the province-wide cap', async () => {
    const hd = units[0]!.provinceId;
    const p = (await t.http().get(`/api/provinces/${hd}/nominations?year=2023`).expect(200)).body;
    const gov = p.tiers.find((x: { tier: Tier }) => x.tier.code === 'GOV_FLAG');
    expect(gov.cap).toMatchObject({ allowed: 1, used: 1 });
    expect(gov.nominations.map((n: { unit: Unit }) => n.unit.shortName)).toEqual(['Hải Dương']);
    const flag = p.tiers.find((x: { tier: Tier }) => x.tier.code === 'PROV_FLAG');
    expect(flag.nominations[0]).toMatchObject({
      status: 'DECIDED',
      statusLabel: 'đã có quyết định khen thưởng',
    });
  });

  it('lists the provincial stage in short by default, with the rule-by-rule detail on request', async () => {
    const hd = units[0]!.provinceId;
    const url = `/api/provinces/${hd}/nominations?year=2023`;
    const short = (await t.http().get(url).expect(200)).body;
    const full = (await t.http().get(`${url}&detail=full`).expect(200)).body;
    const first = (p: { tiers: { nominations: Record<string, unknown>[] }[] }) =>
      p.tiers.flatMap((x) => x.nominations)[0]!;
    expect(Object.keys(first(short)).sort()).toEqual(
      [
        'blocId',
        'blocName',
        'id',
        'status',
        'statusLabel',
        'tierId',
        'unit',
        'verdict',
        'version',
      ].sort(),
    );
    const detail = first(full) as {
      id: number;
      eligibility: {
        eligible: boolean;
        errors: unknown[];
        warnings: unknown[];
        unacknowledged: unknown[];
      };
    };
    expect(first(short)).toMatchObject({
      id: detail.id,
      verdict: {
        eligible: detail.eligibility.eligible,
        errors: detail.eligibility.errors.length,
        warnings: detail.eligibility.warnings.length,
        unacknowledged: detail.eligibility.unacknowledged.length,
      },
    });
    expect(detail).toHaveProperty('history');
    // the same caps either way
    expect(short.tiers.map((x: { cap: unknown }) => x.cap)).toEqual(
      full.tiers.map((x: { cap: unknown }) => x.cap),
    );
    await t.http().get(`${url}&detail=everything`).expect(400);
  });
});
