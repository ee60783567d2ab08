import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * A second real office, driven only through the API: a cụm of the Vietnam Fatherland Front of Đồng
 * Nai (Cụm II, 6 members, 2022: all rated "hoàn thành xuất sắc nhiệm vụ", 1 proposed for the flag,
 * 3 for Bằng khen, next head Vĩnh Cửu and deputy Tân Phú — brief §2.2 [C, S38]). The three other
 * members, the votes and the people are synthetic. The cụm has its own organising body and proposes
 * the Front's own awards; nothing of the Hải Dương seed may leak into its documents.
 */
interface Unit {
  id: number;
  code: string;
  shortName: string;
}
interface Meeting {
  id: number;
  status: string;
  version: number;
  quorum: { present: number; total: number; required: number | null; reached: boolean | null };
  ballots: { id: number; tierCode: string; version: number; status: string }[];
}

const MEMBERS = ['Cẩm Mỹ', 'Vĩnh Cửu', 'Tân Phú', 'Định Quán', 'Xuân Lộc', 'Thống Nhất'];

describe('a Fatherland Front cụm of Đồng Nai with its own organising body', () => {
  let t: TestApp;
  let units: Unit[];
  let blocId: number;
  let m: Meeting;
  const unit = (n: string) => units.find((u) => u.shortName === n)!;
  const html: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: false });
    const provinces = (await t.http().get('/api/provinces').expect(200)).body as {
      id: number;
      name: string;
    }[];
    const provinceId =
      provinces.find((p) => p.name === 'Đồng Nai')?.id ??
      (
        await t
          .http()
          .post('/api/provinces')
          .send({
            code: 'DN-TEST',
            name: 'Đồng Nai',
            fullName: 'tỉnh Đồng Nai',
            validFrom: '1976-01-01',
          })
          .expect(201)
      ).body.id;
    const body = (
      await t
        .http()
        .post('/api/organizing-bodies')
        .send({
          code: 'MTTQ-DN',
          name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai',
          headerLine: 'ỦY BAN MTTQ VIỆT NAM TỈNH ĐỒNG NAI',
          place: 'Đồng Nai',
          locality: 'tỉnh Đồng Nai',
          addressee: 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai',
          office: 'Ban Phong trào, Ủy ban MTTQ Việt Nam tỉnh Đồng Nai',
          authorityCodes: ['FRONT_PROVINCE_CHAIRMAN', 'FRONT_CENTRAL_CHAIRMAN'],
        })
        .expect(201)
    ).body;
    units = [];
    for (const [i, name] of MEMBERS.entries()) {
      units.push(
        (
          await t
            .http()
            .post('/api/units')
            .send({
              code: `DN-MT-${i + 1}`,
              shortName: name,
              type: 'HUYEN',
              fullName: `huyện ${name}`,
              collectiveName: `Ủy ban Mặt trận Tổ quốc Việt Nam huyện ${name}`,
              provinceId,
              validFrom: '2004-01-01',
            })
            .expect(201)
        ).body,
      );
    }
    blocId = (
      await t
        .http()
        .post('/api/blocs')
        .send({
          code: 'DN-MTTQ-CUM-II',
          name: 'Cụm thi đua số II',
          kind: 'CUM',
          provinceId,
          organizingBodyId: body.id,
        })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post(`/api/blocs/${blocId}/terms`)
      .send({
        year: 2022,
        memberUnitIds: units.map((u) => u.id),
        headUnitId: unit('Cẩm Mỹ').id,
        deputyUnitId: unit('Định Quán').id,
      })
      .expect(201);
  });
  afterAll(() => t.close());

  it("proposes the Front's own awards, decided by the Front's chairman", async () => {
    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
      decidingAuthority: string;
      decidingAuthorityLabel: string;
    }[];
    const tier = (c: string) => tiers.find((x) => x.code === c)!;
    expect(tier('FRONT_PROV_FLAG')).toMatchObject({
      decidingAuthority: 'FRONT_PROVINCE_CHAIRMAN',
      decidingAuthorityLabel: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam',
    });
    const add = (name: string, code: string) =>
      t
        .http()
        .post(`/api/blocs/${blocId}/terms/2022/nominations`)
        .send({
          unitId: unit(name).id,
          tierId: tier(code).id,
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2022.',
          acknowledgements: [
            { code: 'RANKING_INCOMPLETE', reason: 'Cụm bình xét, suy tôn; không chấm điểm' },
          ],
        });
    // the People's Committee's certificate is not the Front cụm's to propose
    const refused = await add('Cẩm Mỹ', 'PROV_MERIT').expect(422);
    expect(refused.body.code).toBe('NOMINATION_TIER_NOT_FOR_BLOC');
    const suggested = (
      await t.http().get(`/api/blocs/${blocId}/terms/2022/nomination-suggestions`).expect(200)
    ).body as { suggestions: { tierCode: string }[] };
    expect(suggested.suggestions.every((x) => x.tierCode.startsWith('FRONT_'))).toBe(true);
    await add('Cẩm Mỹ', 'FRONT_PROV_FLAG').expect(201);
    for (const n of ['Vĩnh Cửu', 'Tân Phú', 'Xuân Lộc'])
      await add(n, 'FRONT_PROV_MERIT').expect(201);
  });

  it("shows the quorum from the rules of the meeting's ballots (the 2022 rules of the Front's tiers)", async () => {
    m = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2022/meetings`)
        .send({
          meetingDate: '2023-01-12',
          startTime: '08:00',
          place: 'Hội trường Ủy ban MTTQ Việt Nam huyện Cẩm Mỹ',
          chairName: '(chủ trì, Trưởng cụm)',
          secretaryName: '(thư ký)',
          countingCommittee: [{ name: '(trưởng ban)', role: 'Trưởng ban' }],
          guests: [],
          agenda: ['Bình xét, suy tôn thi đua năm 2022'],
        })
        .expect(201)
    ).body;
    m = (
      await t
        .http()
        .put(`/api/meetings/${m.id}/attendance`)
        .send({ version: m.version, rows: units.map((u) => ({ unitId: u.id, present: true })) })
        .expect(200)
    ).body;
    // the first-ranked tier (Government flag) has no rule for 2022: the Front's tiers do (2/3 of 6)
    expect(m.quorum).toMatchObject({ present: 6, total: 6, required: 4, reached: true });
  });

  it('votes the flag and the certificates, and finalizes with next year’s Trưởng cụm and Phó cụm', async () => {
    const tiers = (await t.http().get('/api/award-tiers')).body as { id: number; code: string }[];
    m = (await t.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;
    for (const [code, seats] of [
      ['FRONT_PROV_FLAG', 1],
      ['FRONT_PROV_MERIT', 3],
    ] as const)
      m = (
        await t
          .http()
          .post(`/api/meetings/${m.id}/ballots`)
          .send({ tierId: tiers.find((x) => x.code === code)!.id, seats, method: 'SECRET' })
          .expect(201)
      ).body;
    for (const b of m.ballots)
      m = (
        await t.http().post(`/api/ballots/${b.id}/open`).send({ version: b.version }).expect(200)
      ).body;
    const secretary = await t.login({
      username: 'thuky.cum',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    const counter = await t.login({
      username: 'kiemphieu.cum',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    const counts = (rows: [string, number][]) => ({
      ballotsIssued: 6,
      ballotsReturned: 6,
      valid: 6,
      invalid: 0,
      nominees: rows.map(([n, agree]) => ({
        unitId: unit(n).id,
        agree,
        disagree: 6 - agree,
        noOpinion: 0,
      })),
    });
    const votes: Record<string, [string, number][]> = {
      FRONT_PROV_FLAG: [['Cẩm Mỹ', 6]],
      FRONT_PROV_MERIT: [
        ['Vĩnh Cửu', 6],
        ['Tân Phú', 5],
        ['Xuân Lộc', 5],
      ],
    };
    for (const b of m.ballots) {
      for (const [who, by] of [
        [secretary, 'Thư ký'],
        [counter, 'Ban kiểm phiếu'],
      ] as const)
        m = (
          await t
            .as(who)
            .post(`/api/ballots/${b.id}/entries`)
            .send({ enteredBy: by, counts: counts(votes[b.tierCode]!) })
            .expect(201)
        ).body;
    }
    expect(m.status).toBe('COUNTED');
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/finalize`)
        .send({
          version: m.version,
          nextHead: {
            unitId: unit('Vĩnh Cửu').id,
            method: 'VOTE',
            vote: {
              ballotsIssued: 6,
              ballotsReturned: 6,
              valid: 6,
              invalid: 0,
              agree: 5,
              disagree: 1,
              noOpinion: 0,
            },
          },
          nextDeputy: {
            unitId: unit('Tân Phú').id,
            method: 'ACCLAMATION',
            basis: 'Luân phiên theo Quy chế hoạt động của Cụm',
          },
          endTime: '11:00',
        })
        .expect(200)
    ).body;
    expect(m.status).toBe('FINALIZED');
    for (const kind of ['MINUTES', 'VOTE_COUNT', 'PROPOSAL', 'RESOLUTION']) {
      const doc = (
        await t.http().post(`/api/meetings/${m.id}/documents`).send({ kind }).expect(201)
      ).body as { id: number; numberText: string };
      expect(doc.numberText).toMatch(/-CTĐ$/);
      html[kind] = (await t.http().get(`/api/documents/${doc.id}/van-ban.html`).expect(200)).text;
    }
  });

  it('heads every document with the organising body and the cụm, never with a provincial People’s Committee', () => {
    for (const text of Object.values(html)) {
      expect(text).toContain('ỦY BAN MTTQ VIỆT NAM TỈNH ĐỒNG NAI');
      expect(text).toContain('CỤM THI ĐUA SỐ II');
      expect(text).toContain('Đồng Nai, ngày 12 tháng 01 năm 2023');
      expect(text).toContain('Lưu: Cụm.');
      for (const absent of ['UBND', 'Ủy ban nhân dân', 'Hải Dương', 'Sở Nội vụ', 'Khối', 'khối'])
        expect(text).not.toContain(absent);
    }
  });

  it('words the proposals "Đề nghị … tặng …" with the Front’s award and the Front’s chairman', () => {
    const flag =
      'Đề nghị Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai tặng Cờ thi đua của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh cho: Ủy ban Mặt trận Tổ quốc Việt Nam huyện Cẩm Mỹ.';
    expect(html.MINUTES).toContain(flag);
    expect(html.PROPOSAL).toContain(`1. ${flag}`);
    expect(html.PROPOSAL).toContain(
      '2. Đề nghị Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai tặng Bằng khen của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh cho: Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vĩnh Cửu, Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phú và Ủy ban Mặt trận Tổ quốc Việt Nam huyện Xuân Lộc.',
    );
    expect(html.PROPOSAL).toContain(
      'Kính gửi: Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai',
    );
    expect(html.PROPOSAL).toContain('TM. CỤM THI ĐUA SỐ II');
    expect(html.PROPOSAL).toContain('TRƯỞNG CỤM');
    expect(html.PROPOSAL).toContain('Ban Phong trào, Ủy ban MTTQ Việt Nam tỉnh Đồng Nai;');
    expect(html.MINUTES).toContain(
      'Hội nghị bầu huyện Vĩnh Cửu làm Trưởng cụm năm 2023: 6 phiếu phát ra, 6 phiếu thu về, 6 phiếu hợp lệ, 0 phiếu không hợp lệ; 5 phiếu tán thành (83,3 % tổng số 6 thành viên), 1 không tán thành, 0 không có ý kiến.',
    );
    expect(html.MINUTES).toContain(
      'Hội nghị thống nhất suy tôn huyện Tân Phú làm Phó cụm năm 2023, không bỏ phiếu; căn cứ: Luân phiên theo Quy chế hoạt động của Cụm.',
    );
    expect(html.RESOLUTION).toContain(
      'Bầu huyện Vĩnh Cửu làm Trưởng cụm năm 2023 (5/6 thành viên tán thành); suy tôn huyện Tân Phú làm Phó cụm năm 2023.',
    );
    expect(html.RESOLUTION).toContain('Các đơn vị thành viên của Cụm chịu trách nhiệm');
  });
});
