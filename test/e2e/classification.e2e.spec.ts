import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

interface Unit {
  id: number;
  code: string;
  shortName: string;
}
interface Classified {
  unit: { id: number; code: string; fullName: string };
  rank: number;
  label: string;
  method: string;
  basisText: string;
  basis: Record<string, unknown>;
}
interface Classification {
  scheme: {
    method: string;
    levels: { rank: number; label: string; minPoints: number | null }[];
  } | null;
  units: Classified[];
  unclassified: { id: number; code: string }[];
}

const HTXS = 'Hoàn thành xuất sắc nhiệm vụ';
const HTT = 'Hoàn thành tốt nhiệm vụ';
const HT = 'Hoàn thành nhiệm vụ';
const KHT = 'Không hoàn thành nhiệm vụ';

const meetingBody = {
  meetingDate: '2025-03-20',
  startTime: '08:00',
  place: 'Hội trường (ghi địa điểm)',
  chairName: '(ghi họ tên chủ trì)',
  secretaryName: '(ghi họ tên thư ký)',
  countingCommittee: [{ name: '(trưởng ban)', role: 'Trưởng ban' }],
  guests: [],
  agenda: ['Xếp loại thi đua năm 2024'],
};

/**
 * Yearly classification (xếp loại thi đua) through the API: the seeded Hải Dương 2023 scale derived
 * from the agreed totals, a 2024 scale voted by the meeting, and a tier rule that requires a level.
 */
describe('Yearly classification of every unit', () => {
  let t: TestApp;
  let units: Unit[];
  let blocId: number;
  const unit = (name: string) => units.find((u) => u.shortName === name)!;
  const levelOf = (c: Classification, name: string) =>
    c.units.find((u) => u.unit.id === unit(name).id);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  async function refused(send: () => PromiseLike<{ status: number; body: { code: string } }>) {
    const before = await rowCounts(t.dataSource);
    const res = await send();
    expect(await rowCounts(t.dataSource)).toEqual(before);
    return { status: res.status, code: res.body.code };
  }

  it('derives the seeded 2023 levels from the agreed totals, with the total and threshold as basis', async () => {
    const c = (await t.http().get(`/api/blocs/${blocId}/terms/2023/classification`).expect(200))
      .body as Classification;
    expect(c.scheme?.method).toBe('DERIVED');
    expect(c.scheme?.levels.map((l) => [l.label, l.minPoints])).toEqual([
      [HTXS, 950],
      [HTT, 900],
      [HT, 500],
      [KHT, null],
    ]);
    expect(c.unclassified).toEqual([]);
    expect(levelOf(c, 'Hải Dương')).toMatchObject({
      label: HTXS,
      method: 'DERIVED',
      basis: { kind: 'DERIVED', total: 96800, threshold: 95000 },
      basisText: 'Tổng điểm thống nhất 968 ≥ ngưỡng 950 điểm',
    });
    expect(levelOf(c, 'Gia Lộc')?.label).toBe(HTT);
    expect(levelOf(c, 'Thanh Miện')).toMatchObject({
      label: HT,
      basisText: 'Tổng điểm thống nhất 890 ≥ ngưỡng 500 điểm',
    });

    // Deriving again through the API gives the same levels.
    const again = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/classification/derive`)
        .send({ schemeVersion: 1 })
        .expect(200)
    ).body as Classification;
    expect(again.units.map((u) => [u.unit.code, u.label])).toEqual(
      c.units.map((u) => [u.unit.code, u.label]),
    );

    // It shows in the ranking.
    const ranking = (await t.http().get(`/api/blocs/${blocId}/terms/2023/ranking`).expect(200))
      .body as {
      entries: { unit: { shortName: string }; classification: { label: string } | null }[];
    };
    expect(ranking.entries[0]).toMatchObject({
      unit: { shortName: 'Hải Dương' },
      classification: { label: HTXS },
    });
    expect(ranking.entries.every((e) => e.classification !== null)).toBe(true);
  });

  it('refuses a changed scale once units are classified and a vote on a derived scale, writing nothing', async () => {
    const scheme = {
      method: 'DERIVED',
      basis: 'Quy chế (thử)',
      levels: [
        { label: HTXS, minPoints: 960 },
        { label: HT, minPoints: null },
      ],
    };
    expect(
      await refused(() =>
        t.http().put(`/api/blocs/${blocId}/terms/2023/classification/scheme`).send(scheme),
      ),
    ).toEqual({ status: 409, code: 'CLASSIFICATION_SCHEME_IN_USE' });
    expect(
      await refused(() =>
        t
          .http()
          .post(`/api/blocs/${blocId}/terms/2023/classification/votes`)
          .send({
            meetingId: 1,
            levelRank: 1,
            counts: {
              ballotsIssued: 0,
              ballotsReturned: 0,
              valid: 0,
              invalid: 0,
              nominees: [{ unitId: unit('Hải Dương').id, agree: 0, disagree: 0, noOpinion: 0 }],
            },
          }),
      ),
    ).toEqual({ status: 409, code: 'CLASSIFICATION_WRONG_METHOD' });
    expect(
      await refused(() =>
        t
          .http()
          .post(`/api/blocs/${blocId}/terms/2023/classification/derive`)
          .send({ schemeVersion: 99 }),
      ),
    ).toEqual({ status: 409, code: 'VERSION_CONFLICT' });
  });

  it('lets the 2024 meeting vote the classification, counted by the meetings tally', async () => {
    const all = units.map((u) => u.id);
    await t
      .http()
      .post(`/api/blocs/${blocId}/terms`)
      .send({ year: 2024, memberUnitIds: all })
      .expect(201);
    const base = `/api/blocs/${blocId}/terms/2024/classification`;
    // A bad scale first: thresholds under a voted scale.
    const bad = await refused(() =>
      t
        .http()
        .put(`${base}/scheme`)
        .send({
          method: 'VOTED',
          basis: 'Quy chế (thử)',
          levels: [
            { label: HTXS, minPoints: 950 },
            { label: HT, minPoints: null },
          ],
        }),
    );
    expect(bad).toEqual({ status: 422, code: 'CLASSIFICATION_SCHEME_INVALID' });
    const saved = (
      await t
        .http()
        .put(`${base}/scheme`)
        .send({
          method: 'VOTED',
          basis: 'Quy chế hoạt động của Khối thi đua (thử): hội nghị biểu quyết xếp loại',
          levels: [HTXS, HTT, HT, KHT].map((label) => ({ label })),
        })
        .expect(200)
    ).body as Classification & { scheme: { votingRuleText: string } };
    expect(saved.scheme.votingRuleText).toBe(
      'Tán thành > 50 % tổng số thành viên; có mặt ≥ 2/3 tổng số thành viên; bỏ phiếu kín',
    );
    expect(saved.unclassified).toHaveLength(12);

    let m = (
      await t.http().post(`/api/blocs/${blocId}/terms/2024/meetings`).send(meetingBody).expect(201)
    ).body as { id: number; version: number };
    const vote = (counts: Record<string, unknown>) =>
      t.http().post(`${base}/votes`).send({ meetingId: m.id, levelRank: 1, counts });
    const counts = (rows: [string, number, number][]) => ({
      ballotsIssued: 12,
      ballotsReturned: 12,
      valid: 12,
      invalid: 0,
      nominees: rows.map(([n, agree, disagree]) => ({
        unitId: unit(n).id,
        agree,
        disagree,
        noOpinion: 0,
      })),
    });
    // Before the roll is taken the meeting cannot vote.
    expect(await refused(() => vote(counts([['Hải Dương', 12, 0]])))).toEqual({
      status: 409,
      code: 'CLASSIFICATION_MEETING_NOT_OPEN',
    });
    m = (
      await t
        .http()
        .put(`/api/meetings/${m.id}/attendance`)
        .send({ version: m.version, rows: all.map((unitId) => ({ unitId, present: true })) })
        .expect(200)
    ).body;
    m = (await t.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;

    // Inconsistent counts are refused with the tally's own check.
    expect(await refused(() => vote(counts([['Hải Dương', 12, 1]])))).toEqual({
      status: 422,
      code: 'CLASSIFICATION_VOTE_INVALID',
    });

    const after = (
      await vote(
        counts([
          ['Hải Dương', 12, 0],
          ['Cẩm Giàng', 5, 7],
        ]),
      ).expect(200)
    ).body as Classification;
    expect(levelOf(after, 'Hải Dương')).toMatchObject({
      label: HTXS,
      method: 'VOTED',
      basis: { kind: 'VOTED', meetingId: m.id },
      basisText: 'Hội nghị biểu quyết: 12/12 = 100 % > 50 % — đạt',
    });
    expect(levelOf(after, 'Cẩm Giàng')).toBeUndefined();
    // The second ballot, one level lower, takes Cẩm Giàng.
    const lower = (
      await t
        .http()
        .post(`${base}/votes`)
        .send({ meetingId: m.id, levelRank: 2, counts: counts([['Cẩm Giàng', 10, 2]]) })
        .expect(200)
    ).body as Classification;
    expect(levelOf(lower, 'Cẩm Giàng')).toMatchObject({ label: HTT, method: 'VOTED' });
    expect(lower.unclassified).toHaveLength(10);
    // A derive on a voted scale is refused.
    expect(await refused(() => t.http().post(`${base}/derive`).send({ schemeVersion: 1 }))).toEqual(
      {
        status: 409,
        code: 'CLASSIFICATION_WRONG_METHOD',
      },
    );
  });

  it('lets a tier rule require a level: a missing and a too-low classification are refused with their codes', async () => {
    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    const flag = tiers.find((x) => x.code === 'PROV_FLAG')!;
    const rules = (await t.http().get(`/api/award-tiers/${flag.id}/rules`).expect(200))
      .body as Record<string, unknown>[];
    const rule = rules.find((r) => r.validTo === '2025-06-30')!;
    const { id: ruleId, votingRules } = rule as { id: number; votingRules: unknown[] };
    const rest = Object.fromEntries(
      Object.entries(rule).filter(([k]) => !['id', 'tierId', 'votingRules'].includes(k)),
    );
    await t
      .http()
      .put(`/api/award-tiers/${flag.id}/rules/${ruleId}`)
      .send({ ...rest, votingRules, requiredClassificationRank: 1 })
      .expect(200);

    const nominate = (year: number, name: string) =>
      t
        .http()
        .post(`/api/blocs/${blocId}/terms/${year}/nominations`)
        .send({
          unitId: unit(name).id,
          tierId: flag.id,
          achievementSummary: 'Dẫn đầu các phong trào thi đua của khối.',
          acknowledgements: [
            { code: 'NOT_LEADER', reason: 'Đơn vị dẫn đầu được đề nghị Cờ thi đua của Chính phủ.' },
          ],
        });
    // 2023: Gia Lộc is "Hoàn thành tốt nhiệm vụ".
    const low = await nominate(2023, 'Gia Lộc');
    expect(low.status).toBe(422);
    expect(low.body.code).toBe('CLASSIFICATION_TOO_LOW');
    expect(low.body.message).toContain(`"${HTXS}"`);
    // 2024: Gia Lộc has no classification yet.
    const missing = await nominate(2024, 'Gia Lộc');
    expect(missing.status).toBe(422);
    expect((missing.body.details as { code: string }[]).map((d) => d.code)).toContain(
      'CLASSIFICATION_MISSING',
    );
    // Cẩm Giàng is "Hoàn thành xuất sắc nhiệm vụ" in 2023: the rule lets it through.
    const passed = (await nominate(2023, 'Cẩm Giàng').expect(201)).body as {
      eligibility: { checkedRules: string[]; errors: unknown[] };
    };
    expect(passed.eligibility.checkedRules).toContain('CLASSIFICATION_MISSING');
    expect(passed.eligibility.errors).toEqual([]);
  });

  it('shows the classification on the web: its page, the ranking column, the derive button and a refused scale', async () => {
    await t.login({ username: 'web.xeploai', role: 'OFFICE_STAFF' });
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'web.xeploai', password: 'mat-khau-thu-nghiem-2024' });
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const base = `/web/blocs/${blocId}/terms/2023`;
    const page = await t.anon().get(`${base}/classification`).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('xác định theo tổng điểm thống nhất và ngưỡng điểm');
    expect(page.text).toContain('Tổng điểm thống nhất 968 ≥ ngưỡng 950 điểm');
    expect(page.text).toContain('Xếp loại theo tổng điểm');
    const ranking = await t.anon().get(`${base}/ranking`).set('Cookie', cookie).expect(200);
    expect(ranking.text).toContain('<td data-classification>Hoàn thành xuất sắc nhiệm vụ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    await t
      .anon()
      .post(`${base}/classification/derive`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, schemeVersion: '1' })
      .expect(303);
    const refusedScale = await t
      .anon()
      .post(`${base}/classification/scheme`)
      .set('Cookie', cookie)
      .type('form')
      .send({
        _csrf: csrf,
        method: 'DERIVED',
        basis: 'Quy chế',
        'levels.0.label': HTXS,
        'levels.1.label': HT,
      });
    expect(refusedScale.status).toBe(409);
    expect(refusedScale.text).toContain('không đổi thang xếp loại được nữa');
  });
});
