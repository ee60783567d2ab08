import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';
import { tierRuleBody } from '../builders/api-bodies';

interface ErrorBody {
  code: string;
  message: string;
  details: { field: string; code: string; message: string }[];
  [key: string]: unknown;
}

interface UnitBody {
  id: number;
  code: string;
  shortName: string;
  type: string;
  provinceId: number;
  version: number;
}

describe('Registry API on the Hải Dương 2023 reference data', () => {
  let t: TestApp;
  let units: UnitBody[];
  let blocId: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  const unit = (shortName: string): UnitBody => {
    const u = units.find((x) => x.shortName === shortName);
    if (!u) throw new Error(`no unit ${shortName}`);
    return u;
  };

  /** Runs a request that must be refused and checks that no table changed. */
  async function refusedWithoutWrites(
    send: () => Promise<{ status: number; body: ErrorBody }>,
    status: number,
    code: string,
  ) {
    const before = await rowCounts(t.dataSource);
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await rowCounts(t.dataSource)).toEqual(before);
    return res;
  }

  it('serves health, the OpenAPI page and its JSON', async () => {
    expect((await t.http().get('/api/health').expect(200)).body).toMatchObject({ status: 'ok' });
    await t.http().get('/api/docs').expect(200);
    const spec = (await t.http().get('/api/docs-json').expect(200)).body;
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/units',
        '/api/blocs/{id}/terms/{year}',
        '/api/award-tiers/resolved-rules',
      ]),
    );
  });

  it('lists the 12 district-level units: 2 thành phố, 1 thị xã, 9 huyện', async () => {
    const res = await t.http().get('/api/units?pageSize=100').expect(200);
    expect(res.body.total).toBe(12);
    const byType: Record<string, number> = {};
    for (const u of res.body.items as UnitBody[]) byType[u.type] = (byType[u.type] ?? 0) + 1;
    expect(byType).toEqual({ THANH_PHO: 2, THI_XA: 1, HUYEN: 9 });
    expect(res.body.items.find((u: UnitBody) => u.shortName === 'Cẩm Giàng')).toMatchObject({
      fullName: 'huyện Cẩm Giàng',
      typeLabel: 'huyện',
      collectiveName: 'Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng',
      validTo: '2025-06-30',
    });
  });

  it('filters and pages the unit list', async () => {
    const huyen = await t.http().get('/api/units?type=HUYEN&pageSize=4&page=2').expect(200);
    expect(huyen.body).toMatchObject({ total: 9, page: 2, pageSize: 4 });
    expect(huyen.body.items).toHaveLength(4);
    const search = await t
      .http()
      .get(`/api/units?q=${encodeURIComponent('giàng')}`)
      .expect(200);
    expect(search.body.items.map((u: UnitBody) => u.shortName).sort()).toEqual(
      ['Bình Giang', 'Cẩm Giàng'].filter((n) => n.toLowerCase().includes('giàng')),
    );
    expect((await t.http().get('/api/units?activeOn=2025-07-01').expect(200)).body.total).toBe(0);
    expect((await t.http().get('/api/units?activeOn=2024-03-28').expect(200)).body.total).toBe(12);
  });

  it('returns the 2023 bloc term with its 12 members and no invented head or deputy', async () => {
    const res = await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200);
    expect(res.body).toMatchObject({
      year: 2023,
      memberCount: 12,
      blocName: 'Khối thi đua các huyện, thị xã, thành phố',
      headUnit: null,
      deputyUnit: null,
    });
    expect(res.body.members).toHaveLength(12);
  });

  it('resolves the tiers rules for award year 2023 with their legal basis', async () => {
    const res = await t.http().get('/api/award-tiers/resolved-rules?year=2023').expect(200);
    expect(res.body.map((r: { tier: { code: string } }) => r.tier.code)).toEqual([
      'GOV_FLAG',
      'PROV_FLAG',
      'PROV_MERIT',
      // the Fatherland Front's own awards (seeded with their sources; their blocs propose only these)
      'FRONT_CENTRAL_FLAG',
      'FRONT_PROV_FLAG',
      'FRONT_CENTRAL_MERIT',
      'FRONT_PROV_MERIT',
    ]);
    const gov = res.body[0];
    expect(gov.referenceDate).toBe('2024-01-01');
    expect(gov.rule).toMatchObject({
      leaderOnly: true,
      perBlocQuota: 1,
      provinceCap: { numerator: 1, denominator: 5 },
      legalArticle: 'Điều 25',
      isSample: true,
    });
    expect(res.body[1].rule.leaderOnly).toBe(false);
    const after = await t
      .http()
      .get('/api/award-tiers/resolved-rules?year=2025&on=2025-09-01')
      .expect(200);
    expect(after.body[0].rule.legalDocument).toContain('152/2025/NĐ-CP');
    const before = await t.http().get('/api/award-tiers/resolved-rules?year=2019').expect(200);
    expect(before.body[0].rule).toBeNull();
  });

  describe('bad input gets its status and code, and writes nothing', () => {
    it('400 for malformed JSON', async () => {
      const res = await refusedWithoutWrites(
        () =>
          t.http().post('/api/units').set('content-type', 'application/json').send('{"code": "X",'),
        400,
        'MALFORMED_REQUEST',
      );
      expect(res.body).toMatchObject({
        statusCode: 400,
        details: [],
        requestId: expect.any(String),
      });
    });

    it('400 with Vietnamese field errors for unknown fields, wrong types and missing fields', async () => {
      const res = await refusedWithoutWrites(
        () =>
          t
            .http()
            .post('/api/units')
            .send({ code: 'HD-NEW', shortName: 5, type: 'TINH', extra: true, provinceId: '1' }),
        400,
        'VALIDATION_FAILED',
      );
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'extra',
          'shortName',
          'type',
          'provinceId',
          'fullName',
          'validFrom',
        ]),
      );
      expect(res.body.details.find((d: { field: string }) => d.field === 'extra')?.message).toBe(
        'Trường "extra" không được phép gửi lên.',
      );
      expect(res.body.details.find((d: { field: string }) => d.field === 'fullName')?.message).toBe(
        'Thiếu trường bắt buộc "fullName".',
      );
    });

    it('400 for a prototype-polluting body', async () => {
      await refusedWithoutWrites(
        () =>
          t
            .http()
            .post('/api/units')
            .set('content-type', 'application/json')
            .send('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
        400,
        'VALIDATION_FAILED',
      );
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });

    it('400 for a bad id or year in the path, 404 for an unknown id or route', async () => {
      await refusedWithoutWrites(() => t.http().get('/api/units/abc'), 400, 'INVALID_ID');
      await refusedWithoutWrites(() => t.http().get('/api/units/0'), 400, 'INVALID_ID');
      await refusedWithoutWrites(
        () => t.http().get(`/api/blocs/${blocId}/terms/23`),
        400,
        'VALIDATION_FAILED',
      );
      await refusedWithoutWrites(() => t.http().get('/api/units/999999'), 404, 'UNIT_NOT_FOUND');
      await refusedWithoutWrites(
        () => t.http().get(`/api/blocs/${blocId}/terms/2030`),
        404,
        'BLOC_TERM_NOT_FOUND',
      );
      await refusedWithoutWrites(() => t.http().get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
      await refusedWithoutWrites(
        () => t.http().patch('/api/units/999999').send({ version: 1, shortName: 'X' }),
        404,
        'UNIT_NOT_FOUND',
      );
    });

    it('409 for a duplicate code, a referenced unit and a stale version', async () => {
      const cg = unit('Cẩm Giàng');
      await refusedWithoutWrites(
        () =>
          t.http().post('/api/units').send({
            code: cg.code,
            shortName: 'Trùng',
            type: 'HUYEN',
            fullName: 'huyện Trùng',
            collectiveName: 'Đảng bộ, chính quyền và nhân dân huyện Trùng',
            provinceId: cg.provinceId,
            validFrom: '2023-01-01',
          }),
        409,
        'UNIT_CODE_TAKEN',
      );
      await refusedWithoutWrites(() => t.http().delete(`/api/units/${cg.id}`), 409, 'UNIT_IN_USE');
      await refusedWithoutWrites(
        () =>
          t
            .http()
            .patch(`/api/units/${cg.id}`)
            .send({ version: cg.version + 5, shortName: 'X' }),
        409,
        'VERSION_CONFLICT',
      );
      await refusedWithoutWrites(
        () =>
          t
            .http()
            .post('/api/award-tiers')
            .send({ code: 'GOV_FLAG', name: 'x', decidingAuthority: 'PRIME_MINISTER', rank: 9 }),
        409,
        'TIER_CODE_TAKEN',
      );
    });

    it('422 for broken rules: reversed dates, a member outside its validity, overlapping tier rules', async () => {
      const cg = unit('Cẩm Giàng');
      await refusedWithoutWrites(
        () =>
          t
            .http()
            .patch(`/api/units/${cg.id}`)
            .send({ version: cg.version, validTo: '2020-01-01' }),
        422,
        'UNIT_DATES_REVERSED',
      );
      const res = await refusedWithoutWrites(
        () =>
          t
            .http()
            .post(`/api/blocs/${blocId}/terms`)
            .send({ year: 2026, memberUnitIds: [cg.id] }),
        422,
        'BLOC_TERM_INVALID',
      );
      expect(res.body.details[0]).toMatchObject({
        code: 'BLOC_MEMBER_NOT_ACTIVE',
        field: 'memberUnitIds.0',
      });
      const tiers = (await t.http().get('/api/award-tiers').expect(200)).body;
      const overlap = await refusedWithoutWrites(
        () =>
          t
            .http()
            .post(`/api/award-tiers/${tiers[0].id}/rules`)
            // a rule from 2025 overlapping the seeded one in force (no quota: it is not what is tested)
            .send({
              ...tierRuleBody(),
              validFrom: '2025-01-01',
              leaderOnly: true,
              perBlocQuota: null,
            }),
        422,
        'TIER_RULE_INVALID',
      );
      expect(overlap.body.details.map((d: { code: string }) => d.code)).toContain(
        'TIER_RULE_OVERLAP',
      );
    });

    it('409 when a unit already sits in another bloc of the same organization that year', async () => {
      const province = unit('Cẩm Giàng').provinceId;
      // the seeded bloc's organization (a bloc of another organization may take the unit: tenancy spec)
      const seeded = (await t.http().get('/api/blocs').expect(200)).body.items[0] as {
        organizingBodyId: number | null;
      };
      const other = (
        await t
          .http()
          .post('/api/blocs')
          .send({
            code: 'HD-CUM-2',
            name: 'Cụm thử',
            kind: 'CUM',
            provinceId: province,
            organizingBodyId: seeded.organizingBodyId,
          })
          .expect(201)
      ).body;
      const res = await refusedWithoutWrites(
        () =>
          t
            .http()
            .post(`/api/blocs/${other.id}/terms`)
            .send({ year: 2023, memberUnitIds: [unit('Gia Lộc').id] }),
        409,
        'BLOC_MEMBER_IN_OTHER_BLOC',
      );
      expect(res.body.details[0]?.message).toContain('Khối thi đua các huyện, thị xã, thành phố');
      await t.http().delete(`/api/blocs/${other.id}`).expect(204);
    });
  });

  describe('writes', () => {
    it('creates a unit, edits it with its version, links it as a successor and refuses to delete it while linked', async () => {
      const hp = (await t.http().get('/api/provinces').expect(200)).body.find(
        (p: { code: string }) => p.code === 'HP',
      );
      const created = await t
        .http()
        .post('/api/units')
        .send({
          code: 'HP-PHUONG-X',
          shortName: 'Phường Thử',
          type: 'PHUONG',
          fullName: 'phường Thử',
          collectiveName: 'Đảng bộ, chính quyền và nhân dân phường Thử',
          provinceId: hp.id,
          validFrom: '2025-07-01',
        })
        .expect(201);
      const edited = await t
        .http()
        .patch(`/api/units/${created.body.id}`)
        .send({ version: created.body.version, shortName: 'Thử Mới' })
        .expect(200);
      expect(edited.body).toMatchObject({
        shortName: 'Thử Mới',
        version: created.body.version + 1,
      });
      await t
        .http()
        .patch(`/api/units/${created.body.id}`)
        .send({ version: created.body.version, shortName: 'Cũ' })
        .expect(409);
      const kt = unit('Kim Thành');
      const linked = await t
        .http()
        .post(`/api/units/${kt.id}/successors`)
        .send({ successorId: created.body.id, kind: 'MERGED_INTO', effectiveDate: '2025-07-01' })
        .expect(201);
      expect(linked.body.successors).toEqual([
        expect.objectContaining({ successorId: created.body.id, kind: 'MERGED_INTO' }),
      ]);
      await t
        .http()
        .post(`/api/units/${kt.id}/successors`)
        .send({ successorId: created.body.id, kind: 'MERGED_INTO', effectiveDate: '2025-07-01' })
        .expect(409);
      await t
        .http()
        .post(`/api/units/${kt.id}/successors`)
        .send({ successorId: created.body.id, kind: 'MERGED_INTO', effectiveDate: '2025-06-01' })
        .expect(422);
      await t.http().delete(`/api/units/${created.body.id}`).expect(409);
    });

    it('creates and replaces a bloc term, keeping one bloc per unit per year', async () => {
      const hp = (await t.http().get('/api/provinces').expect(200)).body.find(
        (p: { code: string }) => p.code === 'HD',
      );
      const bloc = (
        await t
          .http()
          .post('/api/blocs')
          .send({ code: 'HD-KTD-2', name: 'Khối thử', kind: 'KHOI', provinceId: hp.id })
          .expect(201)
      ).body;
      const ids = [unit('Chí Linh').id, unit('Kinh Môn').id];
      const term = await t
        .http()
        .post(`/api/blocs/${bloc.id}/terms`)
        .send({
          year: 2024,
          memberUnitIds: ids,
          headUnitId: ids[0],
          deputyUnitId: ids[1],
          secretaryName: 'Nguyễn Văn A',
        })
        .expect(201);
      expect(term.body).toMatchObject({
        memberCount: 2,
        headUnit: { id: ids[0] },
        deputyUnit: { id: ids[1] },
      });
      await t
        .http()
        .post(`/api/blocs/${bloc.id}/terms`)
        .send({ year: 2024, memberUnitIds: ids })
        .expect(409);
      const bad = await t
        .http()
        .put(`/api/blocs/${bloc.id}/terms/2024`)
        .send({ version: term.body.version, memberUnitIds: [ids[0]], headUnitId: ids[1] })
        .expect(422);
      expect(bad.body.details[0].code).toBe('BLOC_OFFICER_NOT_MEMBER');
      const replaced = await t
        .http()
        .put(`/api/blocs/${bloc.id}/terms/2024`)
        .send({ version: term.body.version, memberUnitIds: [ids[0]] })
        .expect(200);
      expect(replaced.body).toMatchObject({
        memberCount: 1,
        headUnit: null,
        version: term.body.version + 1,
      });
      expect(
        (await t.http().get(`/api/blocs?year=2024`).expect(200)).body.items.map(
          (b: { code: string }) => b.code,
        ),
      ).toEqual(['HD-KTD-2']);
    });
  });
});
