import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

interface Unit {
  id: number;
  code: string;
  shortName: string;
}
interface Ballot {
  id: number;
  tierCode: string;
  nominees: Unit[];
  status: string;
  version: number;
  entries: { entryNo: number; status: string; version: number }[];
  differences: { field: string; first: number | null; second: number | null }[];
  winners: Unit[];
  tally: {
    lines: { nomineeId: string; percentageText: string; passed: boolean; explanation: string }[];
    minutes: string;
  } | null;
}
interface Meeting {
  id: number;
  status: string;
  version: number;
  quorum: { present: number; total: number; required: number; reached: boolean };
  ballots: Ballot[];
  officerDecisions: { role: string; method: string; text: string; unit: Unit }[];
  nextTerm?: { year: number; created: boolean; message: string };
}

const meetingBody = {
  meetingDate: '2024-03-28',
  startTime: '08:00',
  place: 'Hội trường (ghi địa điểm)',
  chairName: '(ghi họ tên chủ trì)',
  secretaryName: '(ghi họ tên thư ký)',
  countingCommittee: [{ name: '(trưởng ban)', role: 'Trưởng ban' }],
  guests: ['Đồng chí Nguyễn Minh Hùng, Phó Chủ tịch UBND tỉnh'],
  agenda: ['Bình xét, suy tôn'],
};

describe('The seeded Hải Dương 2023 meeting (replayed at first start)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
  });
  afterAll(() => t.close());

  it("is finalized with the seed article's outcome, and the proposals are on their way", async () => {
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    const [m] = (await t.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200))
      .body as Meeting[];
    expect(m).toMatchObject({
      status: 'FINALIZED',
      quorum: { present: 12, total: 12, required: 8, reached: true },
    });
    const won = Object.fromEntries(
      m!.ballots.map((b) => [b.tierCode, b.winners.map((u) => u.shortName)]),
    );
    expect(won).toEqual({
      GOV_FLAG: ['Hải Dương'],
      PROV_FLAG: ['Cẩm Giàng'],
      PROV_MERIT: ['Gia Lộc', 'Kim Thành'],
    });
    const pct = m!.ballots.flatMap((b) => b.tally!.lines.map((l) => l.percentageText));
    expect(pct).toEqual(['100 %', '91,7 %', '83,3 %', '75,0 %']);
    const noms = (await t.http().get(`/api/blocs/${blocId}/terms/2023/nominations`).expect(200))
      .body as { status: string }[];
    expect(noms.map((n) => n.status)).toEqual(['PROPOSED', 'PROPOSED', 'PROPOSED', 'PROPOSED']);
    // a finalized meeting refuses every change
    const before = await rowCounts(t.dataSource);
    const res = await t
      .http()
      .put(`/api/meetings/${m!.id}`)
      .send({ ...meetingBody, version: m!.version })
      .expect(409);
    expect(res.body.code).toBe('MEETING_LOCKED');
    await t
      .http()
      .post(`/api/ballots/${m!.ballots[0]!.id}/entries`)
      .send({
        enteredBy: 'x',
        counts: {
          ballotsIssued: 1,
          ballotsReturned: 1,
          valid: 1,
          invalid: 0,
          nominees: [{ unitId: 1, agree: 1, disagree: 0, noOpinion: 0 }],
        },
      })
      .expect(409);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });
});

describe('Replaying the Hải Dương 2023 meeting through the API', () => {
  let t: TestApp;
  let units: Unit[];
  let blocId: number;
  let secretary: string;
  let counter: string;
  let m: Meeting;
  const unit = (n: string) => units.find((u) => u.shortName === n)!;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: false });
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    secretary = await t.login({
      username: 'thuky.khoi',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    counter = await t.login({ username: 'kiemphieu', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    const tier = (c: string) => tiers.find((x) => x.code === c)!.id;
    const add = (name: string, code: string, acks?: unknown[]) =>
      t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/nominations`)
        .send({
          unitId: unit(name).id,
          tierId: tier(code),
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
          acknowledgements: acks,
        })
        .expect(201);
    await add('Hải Dương', 'GOV_FLAG');
    await add('Cẩm Giàng', 'PROV_FLAG', [
      { code: 'NOT_LEADER', reason: 'Đơn vị dẫn đầu được đề nghị Cờ thi đua của Chính phủ' },
    ]);
    await add('Gia Lộc', 'PROV_MERIT');
    await add('Kim Thành', 'PROV_MERIT');
  });
  afterAll(() => t.close());

  const counts = (
    rows: [string, number, number, number][],
    extra: Record<string, number> = {},
  ) => ({
    ballotsIssued: 12,
    ballotsReturned: 12,
    valid: 12,
    invalid: 0,
    ...extra,
    nominees: rows.map(([n, agree, disagree, noOpinion]) => ({
      unitId: unit(n).id,
      agree,
      disagree,
      noOpinion,
    })),
  });

  it('records the meeting and the roll; a ballot cannot open without quorum', async () => {
    m = (
      await t.http().post(`/api/blocs/${blocId}/terms/2023/meetings`).send(meetingBody).expect(201)
    ).body;
    await t.http().post(`/api/blocs/${blocId}/terms/2023/meetings`).send(meetingBody).expect(409);
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: Unit[];
    };
    // only 7 of 12 present: below 2/3 (8)
    m = (
      await t
        .http()
        .put(`/api/meetings/${m.id}/attendance`)
        .send({
          version: m.version,
          rows: term.members.map((u, i) => ({
            unitId: u.id,
            present: i < 7,
            absenceReason: i < 7 ? undefined : 'Bận công tác',
          })),
        })
        .expect(200)
    ).body;
    expect(m.quorum).toMatchObject({ present: 7, total: 12, required: 8, reached: false });
    m = (await t.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/ballots`)
        .send({
          tierId: (await t.http().get('/api/award-tiers')).body[0].id,
          seats: 1,
          method: 'SECRET',
        })
        .expect(201)
    ).body;
    const before = await rowCounts(t.dataSource);
    const refused = await t
      .http()
      .post(`/api/ballots/${m.ballots[0]!.id}/open`)
      .send({ version: m.ballots[0]!.version })
      .expect(422);
    expect(refused.body.code).toBe('BALLOT_NO_QUORUM');
    expect(refused.body.message).toContain('8');
    expect(await rowCounts(t.dataSource)).toEqual(before);
    // everyone arrives: 12 of 12
    m = (
      await t
        .http()
        .put(`/api/meetings/${m.id}/attendance`)
        .send({
          version: m.version,
          rows: term.members.map((u) => ({ unitId: u.id, present: true })),
        })
        .expect(200)
    ).body;
    expect(m.quorum).toMatchObject({ present: 12, reached: true });
  });

  it('takes each ballot through two entries, with a mismatch corrected and the same person refused', async () => {
    const tiers = (await t.http().get('/api/award-tiers')).body as { id: number; code: string }[];
    for (const code of ['PROV_FLAG', 'PROV_MERIT']) {
      m = (
        await t
          .http()
          .post(`/api/meetings/${m.id}/ballots`)
          .send({
            tierId: tiers.find((x) => x.code === code)!.id,
            seats: code === 'PROV_MERIT' ? 2 : 1,
            method: 'SECRET',
          })
          .expect(201)
      ).body;
    }
    for (const b of m.ballots)
      m = (
        await t.http().post(`/api/ballots/${b.id}/open`).send({ version: b.version }).expect(200)
      ).body;
    expect(m.status).toBe('VOTING');
    const [gov, flag, merit] = ['GOV_FLAG', 'PROV_FLAG', 'PROV_MERIT'].map((c) =>
      m.ballots.find((b) => b.tierCode === c)!,
    ) as [Ballot, Ballot, Ballot];

    // coded checks: valid + invalid must equal returned
    const bad = await t
      .as(secretary)
      .post(`/api/ballots/${gov.id}/entries`)
      .send({ enteredBy: 'Thư ký', counts: counts([['Hải Dương', 12, 0, 0]], { valid: 11 }) })
      .expect(422);
    expect(bad.body.code).toBe('BALLOT_COUNTS_INVALID');
    expect(bad.body.details.map((d: { code: string }) => d.code)).toContain(
      'COUNT_VALID_INVALID_NE_RETURNED',
    );

    await t
      .as(secretary)
      .post(`/api/ballots/${gov.id}/entries`)
      .send({ enteredBy: 'Thư ký', counts: counts([['Hải Dương', 12, 0, 0]]) })
      .expect(201);
    const same = await t
      .as(secretary)
      .post(`/api/ballots/${gov.id}/entries`)
      .send({ enteredBy: 'thư ký', counts: counts([['Hải Dương', 12, 0, 0]]) })
      .expect(409);
    expect(same.body.code).toBe('DOUBLE_ENTRY_SAME_USER');
    m = (
      await t
        .as(counter)
        .post(`/api/ballots/${gov.id}/entries`)
        .send({ enteredBy: 'Ban kiểm phiếu', counts: counts([['Hải Dương', 12, 0, 0]]) })
        .expect(201)
    ).body;
    expect(m.ballots.find((b) => b.id === gov.id)).toMatchObject({
      status: 'DECIDED',
      winners: [expect.objectContaining({ shortName: 'Hải Dương' })],
    });

    await t
      .as(secretary)
      .post(`/api/ballots/${flag.id}/entries`)
      .send({ enteredBy: 'Thư ký', counts: counts([['Cẩm Giàng', 11, 1, 0]]) })
      .expect(201);
    // the second person typed 10 instead of 11: the entries differ and go back for correction
    m = (
      await t
        .as(counter)
        .post(`/api/ballots/${flag.id}/entries`)
        .send({ enteredBy: 'Ban kiểm phiếu', counts: counts([['Cẩm Giàng', 10, 2, 0]]) })
        .expect(201)
    ).body;
    const mismatch = m.ballots.find((b) => b.id === flag.id)!;
    expect(mismatch.status).toBe('OPEN');
    expect(mismatch.entries.map((e) => e.status)).toEqual(['MISMATCH', 'MISMATCH']);
    expect(mismatch.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ first: 11, second: 10 }),
        expect.objectContaining({ first: 1, second: 2 }),
      ]),
    );
    await t
      .as(secretary)
      .put(`/api/ballots/${flag.id}/entries/2`)
      .send({
        enteredBy: 'Thư ký',
        version: mismatch.entries[1]!.version,
        counts: counts([['Cẩm Giàng', 11, 1, 0]]),
      })
      .expect(409);
    m = (
      await t
        .as(counter)
        .put(`/api/ballots/${flag.id}/entries/2`)
        .send({
          enteredBy: 'Ban kiểm phiếu',
          version: mismatch.entries[1]!.version,
          counts: counts([['Cẩm Giàng', 11, 1, 0]]),
        })
        .expect(200)
    ).body;
    const flagDone = m.ballots.find((b) => b.id === flag.id)!;
    expect(flagDone.status).toBe('DECIDED');
    expect(flagDone.tally!.lines[0]!.explanation).toContain('91,7 %');

    const meritCounts = counts([
      ['Gia Lộc', 10, 2, 0],
      ['Kim Thành', 9, 2, 1],
    ]);
    await t
      .as(secretary)
      .post(`/api/ballots/${merit.id}/entries`)
      .send({ enteredBy: 'Thư ký', counts: meritCounts })
      .expect(201);
    m = (
      await t
        .as(counter)
        .post(`/api/ballots/${merit.id}/entries`)
        .send({ enteredBy: 'Ban kiểm phiếu', counts: meritCounts })
        .expect(201)
    ).body;
    expect(m.status).toBe('COUNTED');
    expect(m.ballots.find((b) => b.id === merit.id)!.winners.map((u) => u.shortName)).toEqual([
      'Gia Lộc',
      'Kim Thành',
    ]);
  });

  it("refuses next year's officers picked without the meeting's decision, and writes nothing", async () => {
    const finalize = (body: object) =>
      t
        .http()
        .post(`/api/meetings/${m.id}/finalize`)
        .send({ version: m.version, ...body });
    const before = await rowCounts(t.dataSource);
    // only picked from a list: the field is gone, the decision is asked for
    expect((await finalize({ nextHeadUnitId: unit('Cẩm Giàng').id }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const noBasis = await finalize({
      nextHead: { unitId: unit('Cẩm Giàng').id, method: 'ACCLAMATION' },
    }).expect(422);
    expect(noBasis.body.code).toBe('MEETING_OFFICER_DECISION_INVALID');
    expect(noBasis.body.details).toEqual([
      expect.objectContaining({ field: 'nextHead.basis', code: 'OFFICER_BASIS_REQUIRED' }),
    ]);
    const vote = {
      ballotsIssued: 11,
      ballotsReturned: 11,
      valid: 11,
      invalid: 0,
      agree: 6,
      disagree: 5,
      noOpinion: 0,
    };
    const notPassed = await finalize({
      nextDeputy: { unitId: unit('Gia Lộc').id, method: 'VOTE', vote },
    }).expect(422);
    expect(notPassed.body.details).toEqual([
      expect.objectContaining({
        field: 'nextDeputy.vote.agree',
        code: 'OFFICER_VOTE_NOT_PASSED',
        message:
          'Phó khối năm sau không được bầu: 6/12 phiếu tán thành, cần quá nửa tổng số thành viên (ít nhất 7).',
      }),
    ]);
    const badCounts = await finalize({
      nextDeputy: { unitId: unit('Gia Lộc').id, method: 'VOTE', vote: { ...vote, invalid: 1 } },
    }).expect(422);
    expect(badCounts.body.details[0].code).toBe('COUNT_VALID_INVALID_NE_RETURNED');
    expect(await rowCounts(t.dataSource)).toEqual(before);
    expect((await t.http().get(`/api/meetings/${m.id}`).expect(200)).body.status).toBe('COUNTED');
  });

  it("finalizes with next year's head and deputy as the meeting decided them, and refuses later changes", async () => {
    const res = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/finalize`)
        .send({
          version: m.version,
          nextHead: {
            unitId: unit('Cẩm Giàng').id,
            method: 'ACCLAMATION',
            basis:
              'Luân phiên theo Quy chế hoạt động của Khối; biểu quyết giơ tay, 11/11 đại biểu có mặt nhất trí',
          },
          nextDeputy: {
            unitId: unit('Gia Lộc').id,
            method: 'VOTE',
            vote: {
              ballotsIssued: 11,
              ballotsReturned: 11,
              valid: 11,
              invalid: 0,
              agree: 9,
              disagree: 1,
              noOpinion: 1,
            },
          },
          endTime: '11:30',
        })
        .expect(200)
    ).body as Meeting;
    m = res;
    expect(m.status).toBe('FINALIZED');
    // the answer says that next year's term was created
    expect(res.nextTerm).toEqual({
      year: 2024,
      created: true,
      message:
        'Đã lập danh sách thành viên năm 2024 với Trưởng khối huyện Cẩm Giàng, Phó khối huyện Gia Lộc do hội nghị quyết định.',
    });
    expect(res.officerDecisions.map((d) => d.text)).toEqual([
      'Hội nghị thống nhất suy tôn huyện Cẩm Giàng làm Trưởng khối năm 2024, không bỏ phiếu; căn cứ: Luân phiên theo Quy chế hoạt động của Khối; biểu quyết giơ tay, 11/11 đại biểu có mặt nhất trí.',
      'Hội nghị bầu huyện Gia Lộc làm Phó khối năm 2024: 11 phiếu phát ra, 11 phiếu thu về, 11 phiếu hợp lệ, 0 phiếu không hợp lệ; 9 phiếu tán thành (75,0 % tổng số 12 thành viên), 1 không tán thành, 1 không có ý kiến.',
    ]);
    // the decision stays with the meeting
    const again = (await t.http().get(`/api/meetings/${m.id}`).expect(200)).body as Meeting;
    expect(again.officerDecisions.map((d) => [d.role, d.method, d.unit.shortName])).toEqual([
      ['HEAD', 'ACCLAMATION', 'Cẩm Giàng'],
      ['DEPUTY', 'VOTE', 'Gia Lộc'],
    ]);
    expect(again.nextTerm).toBeUndefined();
    // and in the minutes and the resolution
    const docText = async (kind: string) => {
      const doc = (
        await t.http().post(`/api/meetings/${m.id}/documents`).send({ kind }).expect(201)
      ).body as { id: number };
      return (await t.http().get(`/api/documents/${doc.id}/van-ban.html`).expect(200)).text;
    };
    const minutes = await docText('MINUTES');
    for (const sentence of res.officerDecisions.map((d) => d.text))
      expect(minutes).toContain(sentence);
    expect(minutes).not.toContain('Hội nghị suy tôn huyện Cẩm Giàng');
    expect(await docText('RESOLUTION')).toContain(
      'Suy tôn huyện Cẩm Giàng làm Trưởng khối năm 2024; bầu huyện Gia Lộc làm Phó khối năm 2024 (9/12 thành viên tán thành).',
    );
    const next = (await t.http().get(`/api/blocs/${blocId}/terms/2024`).expect(200)).body;
    expect(next).toMatchObject({
      memberCount: 12,
      headUnit: { shortName: 'Cẩm Giàng' },
      deputyUnit: { shortName: 'Gia Lộc' },
    });
    const noms = (await t.http().get(`/api/blocs/${blocId}/terms/2023/nominations`).expect(200))
      .body as { status: string; history: { reason: string }[] }[];
    expect(noms.map((n) => n.status)).toEqual(['PROPOSED', 'PROPOSED', 'PROPOSED', 'PROPOSED']);
    // A sentence a person reads: dates as dd/mm/yyyy, the time as HH:mm, never ISO.
    expect(noms[0]!.history.at(-1)!.reason).toMatch(
      /^Hội nghị bình xét ngày 28\/03\/2024 đề nghị \(biên bản chốt lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)$/,
    );
    const locked = await t
      .http()
      .put(`/api/meetings/${m.id}/attendance`)
      .send({ version: m.version, rows: [{ unitId: unit('Gia Lộc').id, present: true }] })
      .expect(409);
    expect(locked.body.code).toBe('MEETING_LOCKED');
  });

  it('corrects a finalized meeting as a new version and keeps the old one', async () => {
    const res = await t
      .http()
      .post(`/api/meetings/${m.id}/corrections`)
      .send({ version: m.version, reason: 'Ghi sai tên thư ký' })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'COUNTED',
      versionNo: 2,
      supersedesId: m.id,
      correctionReason: 'Ghi sai tên thư ký',
    });
    expect(res.body.ballots.map((b: Ballot) => b.status)).toEqual([
      'DECIDED',
      'DECIDED',
      'DECIDED',
    ]);
    const old = (await t.http().get(`/api/meetings/${m.id}`).expect(200)).body;
    expect(old.status).toBe('CORRECTED');
    const fixed = (
      await t
        .http()
        .put(`/api/meetings/${res.body.id}`)
        .send({ ...meetingBody, secretaryName: 'Nguyễn Văn B', version: res.body.version })
        .expect(200)
    ).body;
    const done = (
      await t
        .http()
        .post(`/api/meetings/${fixed.id}/finalize`)
        .send({ version: fixed.version })
        .expect(200)
    ).body;
    expect(done).toMatchObject({ status: 'FINALIZED', secretaryName: 'Nguyễn Văn B' });
  });

  it('runs a rehearsal on the year whose nominations are already proposed, changing none of them', async () => {
    const before = (await t.http().get(`/api/blocs/${blocId}/terms/2023/nominations`).expect(200))
      .body as { id: number; status: string }[];
    expect(before.every((n) => n.status === 'PROPOSED')).toBe(true);
    const tiers = (await t.http().get('/api/award-tiers')).body as { id: number; code: string }[];
    let r = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send({ ...meetingBody, isRehearsal: true })
        .expect(201)
    ).body as Meeting;
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: Unit[];
    };
    r = (
      await t
        .http()
        .put(`/api/meetings/${r.id}/attendance`)
        .send({
          version: r.version,
          rows: term.members.map((u) => ({ unitId: u.id, present: true })),
        })
        .expect(200)
    ).body;
    r = (await t.http().post(`/api/meetings/${r.id}/open`).send({ version: r.version }).expect(200))
      .body;
    // The ballot takes the year's proposals (before the fix: "no unit nominated", 422).
    r = (
      await t
        .http()
        .post(`/api/meetings/${r.id}/ballots`)
        .send({
          tierId: tiers.find((x) => x.code === 'PROV_MERIT')!.id,
          seats: 2,
          method: 'SECRET',
        })
        .expect(201)
    ).body;
    expect(r.ballots[0]!.nominees.map((u) => u.shortName).sort()).toEqual(['Gia Lộc', 'Kim Thành']);
    const after = (await t.http().get(`/api/blocs/${blocId}/terms/2023/nominations`).expect(200))
      .body as { id: number; status: string }[];
    expect(after).toEqual(before);
  });
});
