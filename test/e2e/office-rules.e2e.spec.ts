import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

/**
 * Rules a second office found loose (issue 17), on the Hải Dương 2023 bloc through the API: the
 * meeting's quorum comes from its ballots' rules; the invalid-ballot share is the voting rule's;
 * a refused warning names itself; an acknowledgement holds for a correction; answers naming nominees
 * give unit ids; the stages of a nomination keep their dates in order.
 */
interface Unit {
  id: number;
  code: string;
  shortName: string;
}
interface Ballot {
  id: number;
  tierCode: string;
  status: string;
  version: number;
  entries: { entryNo: number; status: string; version: number }[];
  differences: { field: string; unitId: number | null; unitCode: string | null }[];
  revoteCandidates: Unit[];
}
interface Meeting {
  id: number;
  status: string;
  version: number;
  quorum: { present: number; total: number; required: number | null; reached: boolean | null };
  ballots: Ballot[];
}
interface Rule {
  id: number;
  validFrom: string;
  validTo: string | null;
  legalDocument: string;
  legalArticle: string;
  isSample: boolean;
  perBlocQuota: number | null;
  leaderOnly: boolean;
  provinceCap: { numerator: number; denominator: number } | null;
  provinceCapMinOne: boolean;
  votingRules: Record<string, unknown>[];
  version: number;
}

describe('rules a second office found loose', () => {
  let t: TestApp;
  let units: Unit[];
  let blocId: number;
  let secretary: string;
  let counter: string;
  let m: Meeting;
  let tiers: { id: number; code: string }[];
  const unit = (n: string) => units.find((u) => u.shortName === n)!;
  const tier = (c: string) => tiers.find((x) => x.code === c)!.id;
  const ballot = (code: string, round = 0) => m.ballots.filter((b) => b.tierCode === code)[round]!;

  /** Changes the BLOC voting rule of a tier's rule in force for the 2023 review. */
  async function setBlocRule(
    code: string,
    change: Record<string, unknown>,
    ruleChange: Record<string, unknown> = {},
  ) {
    const rules = (
      await t
        .http()
        .get(`/api/award-tiers/${tier(code)}/rules`)
        .expect(200)
    ).body as Rule[];
    const r = rules.find((x) => x.validFrom === '2024-01-01')!;
    const { id, ...rest } = r;
    const body: Record<string, unknown> = { ...rest };
    delete body.tierId;
    await t
      .http()
      .put(`/api/award-tiers/${tier(code)}/rules/${id}`)
      .send({
        ...body,
        ...ruleChange,
        votingRules: r.votingRules.map((v) => (v.body === 'BLOC' ? { ...v, ...change } : v)),
      })
      .expect(200);
  }

  const counts = (rows: [string, number, number][], invalid = 0) => ({
    ballotsIssued: 12,
    ballotsReturned: 12,
    valid: 12 - invalid,
    invalid,
    nominees: rows.map(([n, agree, disagree]) => ({
      unitId: unit(n).id,
      agree,
      disagree,
      noOpinion: 12 - invalid - agree - disagree,
    })),
  });

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: false });
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    tiers = (await t.http().get('/api/award-tiers').expect(200)).body;
    secretary = await t.login({
      username: 'thuky.khoi',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    counter = await t.login({ username: 'kiemphieu', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    await setBlocRule(
      'PROV_MERIT',
      {
        quorum: { numerator: 3, denominator: 4 },
        threshold: { numerator: 1, denominator: 3 },
        thresholdComparator: 'GT',
      },
      { perBlocQuota: 3 },
    );
    await setBlocRule('PROV_FLAG', {
      invalidShare: { numerator: 1, denominator: 4 },
      invalidShareBasis: 'Quy chế hoạt động của Khối (mẫu thử)',
    });
  });
  afterAll(() => t.close());

  it("refuses a nomination's reference date before the award year's review date", async () => {
    const add = (name: string, code: string, extra: Record<string, unknown> = {}) =>
      t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/nominations`)
        .send({
          unitId: unit(name).id,
          tierId: tier(code),
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
          ...extra,
        });
    const before = await rowCounts(t.dataSource);
    const early = await add('Nam Sách', 'PROV_MERIT', { referenceDate: '2023-06-30' }).expect(422);
    expect(early.body.code).toBe('NOMINATION_REFERENCE_DATE_TOO_EARLY');
    expect(early.body.message).toContain('01/01/2024');
    expect(await rowCounts(t.dataSource)).toEqual(before);
    await add('Cẩm Giàng', 'PROV_FLAG', {
      acknowledgements: [{ code: 'NOT_LEADER', reason: 'Đơn vị dẫn đầu đề nghị Cờ Chính phủ' }],
    }).expect(201);
    for (const n of ['Gia Lộc', 'Kim Thành']) await add(n, 'PROV_MERIT').expect(201);
    const ns = (await add('Nam Sách', 'PROV_MERIT').expect(201)).body as {
      id: number;
      version: number;
    };
    const moved = await t
      .http()
      .put(`/api/nominations/${ns.id}`)
      .send({ version: ns.version, referenceDate: '2023-12-31' })
      .expect(422);
    expect(moved.body.code).toBe('NOMINATION_REFERENCE_DATE_TOO_EARLY');
  });

  it("shows the quorum of the meeting's ballots, not of the first-ranked tier", async () => {
    m = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send({
          meetingDate: '2024-03-28',
          startTime: '08:00',
          place: 'Hội trường',
          chairName: '(chủ trì)',
          secretaryName: '(thư ký)',
          countingCommittee: [{ name: '(trưởng ban)', role: 'Trưởng ban' }],
          guests: [],
          agenda: [],
        })
        .expect(201)
    ).body;
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: Unit[];
    };
    const attend = async (present: number): Promise<Meeting> =>
      (m = (
        await t
          .http()
          .put(`/api/meetings/${m.id}/attendance`)
          .send({
            version: m.version,
            rows: term.members.map((u, i) => ({
              unitId: u.id,
              present: i < present,
              absenceReason: i < present ? undefined : 'Bận công tác',
            })),
          })
          .expect(200)
      ).body as Meeting);
    await attend(8);
    m = (await t.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/ballots`)
        .send({ tierId: tier('PROV_FLAG'), seats: 1, method: 'SECRET' })
        .expect(201)
    ).body;
    expect(m.quorum).toMatchObject({ present: 8, total: 12, required: 8, reached: true });
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/ballots`)
        .send({ tierId: tier('PROV_MERIT'), seats: 2, method: 'SECRET' })
        .expect(201)
    ).body;
    // the certificate ballot's rule asks for 3/4 of 12 = 9: the meeting shows it
    expect(m.quorum).toMatchObject({ present: 8, total: 12, required: 9, reached: false });
    await attend(12);
    expect(m.quorum).toMatchObject({ present: 12, required: 9, reached: true });
    for (const b of m.ballots)
      m = (
        await t.http().post(`/api/ballots/${b.id}/open`).send({ version: b.version }).expect(200)
      ).body;
  });

  it("judges the invalid share by the ballot's voting rule", async () => {
    // 2 invalid of 12 = 16,7 %: above the default 10 %, within the flag rule's 25 %
    m = (
      await t
        .as(secretary)
        .post(`/api/ballots/${ballot('PROV_FLAG').id}/entries`)
        .send({ enteredBy: 'Thư ký', counts: counts([['Cẩm Giàng', 10, 0]], 2) })
        .expect(201)
    ).body;
    m = (
      await t
        .as(counter)
        .post(`/api/ballots/${ballot('PROV_FLAG').id}/entries`)
        .send({ enteredBy: 'Ban kiểm phiếu', counts: counts([['Cẩm Giàng', 10, 0]], 2) })
        .expect(201)
    ).body;
    expect(ballot('PROV_FLAG').status).toBe('DECIDED');
  });

  it('names the refused warning by its own code, and keeps an acknowledgement for the correction', async () => {
    const b = ballot('PROV_MERIT');
    const first = counts(
      [
        ['Gia Lộc', 8, 2],
        ['Kim Thành', 6, 4],
        ['Nam Sách', 6, 4],
      ],
      2,
    );
    const refused = await t
      .as(secretary)
      .post(`/api/ballots/${b.id}/entries`)
      .send({ enteredBy: 'Thư ký', counts: first })
      .expect(422);
    expect(refused.body.code).toBe('WARNING_NOT_ACKNOWLEDGED');
    expect(refused.body.details).toEqual([
      expect.objectContaining({
        code: 'COUNT_INVALID_SHARE_HIGH',
        params: expect.objectContaining({ warningCode: 'COUNT_INVALID_SHARE_HIGH' }),
      }),
    ]);
    await t
      .as(secretary)
      .post(`/api/ballots/${b.id}/entries`)
      .send({
        enteredBy: 'Thư ký',
        counts: first,
        acknowledgements: [{ code: 'COUNT_INVALID_SHARE_HIGH', reason: '2 phiếu gạch xóa hết' }],
      })
      .expect(201);
    // the second person types 5 for Kim Thành: a mismatch, named by the unit's id and code
    const typo = counts(
      [
        ['Gia Lộc', 8, 2],
        ['Kim Thành', 5, 5],
        ['Nam Sách', 6, 4],
      ],
      2,
    );
    m = (
      await t
        .as(counter)
        .post(`/api/ballots/${b.id}/entries`)
        .send({ enteredBy: 'Ban kiểm phiếu', counts: typo })
        .expect(201)
    ).body;
    const mismatch = ballot('PROV_MERIT');
    expect(mismatch.entries.map((e) => e.status)).toEqual(['MISMATCH', 'MISMATCH']);
    expect(mismatch.differences).toContainEqual(
      expect.objectContaining({
        field: `nominees[${unit('Kim Thành').code}].agree`,
        unitId: unit('Kim Thành').id,
        unitCode: unit('Kim Thành').code,
      }),
    );
    // the correction is accepted without acknowledging the invalid share again
    m = (
      await t
        .as(counter)
        .put(`/api/ballots/${b.id}/entries/2`)
        .send({
          enteredBy: 'Ban kiểm phiếu',
          version: mismatch.entries[1]!.version,
          counts: first,
        })
        .expect(200)
    ).body;
    const tied = ballot('PROV_MERIT');
    expect(tied.status).toBe('TIE_PENDING');
    expect(tied.revoteCandidates.map((u) => [u.id, u.code])).toEqual(
      ['Kim Thành', 'Nam Sách']
        .map((n) => [unit(n).id, unit(n).code])
        .sort((a, c) => String(a[1]).localeCompare(String(c[1]))),
    );
  });

  it('keeps the council vote and the decision after the bloc meeting that proposed the nomination', async () => {
    const tied = ballot('PROV_MERIT');
    m = (await t.http().post(`/api/ballots/${tied.id}/revote`).expect(200)).body;
    const round2 = ballot('PROV_MERIT', 1);
    const c2 = {
      ballotsIssued: 12,
      ballotsReturned: 12,
      valid: 12,
      invalid: 0,
      nominees: [
        { unitId: unit('Kim Thành').id, agree: 8, disagree: 4, noOpinion: 0 },
        { unitId: unit('Nam Sách').id, agree: 4, disagree: 8, noOpinion: 0 },
      ],
    };
    await t
      .as(secretary)
      .post(`/api/ballots/${round2.id}/entries`)
      .send({ enteredBy: 'Thư ký', counts: c2 })
      .expect(201);
    m = (
      await t
        .as(counter)
        .post(`/api/ballots/${round2.id}/entries`)
        .send({ enteredBy: 'Ban kiểm phiếu', counts: c2 })
        .expect(201)
    ).body;
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/finalize`)
        .send({ version: m.version, endTime: '11:00' })
        .expect(200)
    ).body;
    expect(m.status).toBe('FINALIZED');
    const noms = (await t.http().get(`/api/blocs/${blocId}/terms/2023/nominations`).expect(200))
      .body as { id: number; version: number; status: string; unit: { shortName: string } }[];
    let gl = noms.find((n) => n.unit.shortName === 'Gia Lộc')!;
    expect(gl.status).toBe('PROPOSED');
    gl = (
      await t
        .http()
        .post(`/api/nominations/${gl.id}/transitions`)
        .send({ version: gl.version, to: 'SUBMITTED' })
        .expect(200)
    ).body;
    const vote = (councilDate: string) =>
      t
        .http()
        .post(`/api/nominations/${gl.id}/council-vote`)
        .send({ version: gl.version, members: 15, present: 15, valid: 15, agree: 14, councilDate });
    const before = await rowCounts(t.dataSource);
    const early = await vote('2024-03-20').expect(422);
    expect(early.body.code).toBe('NOMINATION_DATE_BEFORE_MEETING');
    expect(early.body.message).toContain('28/03/2024');
    expect(await rowCounts(t.dataSource)).toEqual(before);
    gl = (await vote('2024-04-02').expect(200)).body;
    const decide = (decisionDate: string) =>
      t.http().post(`/api/nominations/${gl.id}/decision`).send({
        version: gl.version,
        decisionNumber: '512/QĐ-UBND',
        decisionDate,
        decider: 'Chủ tịch UBND tỉnh Hải Dương',
      });
    expect((await decide('2024-03-25').expect(422)).body.code).toBe(
      'NOMINATION_DATE_BEFORE_MEETING',
    );
    expect((await decide('2024-04-01').expect(422)).body.code).toBe(
      'NOMINATION_DATE_BEFORE_COUNCIL',
    );
    expect((await decide('2024-04-10').expect(200)).body.status).toBe('DECIDED');
  });
});
