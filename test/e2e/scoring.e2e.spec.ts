import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

interface Unit {
  id: number;
  code: string;
  shortName: string;
  provinceId: number;
}

/** A 100-point criteria set: groups A (60) and B (40), one bonus and one penalty item. */
const definition = (over: Record<string, unknown> = {}) => ({
  scale: 100,
  groups: [
    {
      code: 'A',
      title: 'Kinh tế',
      maxPoints: 60,
      criteria: [
        { code: 'A.1', title: 'Tăng trưởng', maxPoints: 30 },
        { code: 'A.2', title: 'Thu ngân sách', maxPoints: 30 },
      ],
    },
    {
      code: 'B',
      title: 'Xã hội',
      maxPoints: 40,
      criteria: [{ code: 'B.1', title: 'Giáo dục', maxPoints: 40 }],
    },
  ],
  bonusItems: [{ code: 'T1', title: 'Sáng kiến', cap: 5 }],
  penaltyItems: [{ code: 'P1', title: 'Chậm báo cáo', cap: 5 }],
  bonusCap: 5,
  penaltyCap: 5,
  tieBreak: [
    { kind: 'GROUP_SCORE', groupCode: 'A' },
    { kind: 'FEWER_PENALTY' },
    { kind: 'DRAW_ORDER' },
  ],
  ...over,
});

describe('Scoring API', () => {
  let t: TestApp;
  let units: Unit[];
  let hdBloc: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
    hdBloc = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  const unit = (name: string) => units.find((u) => u.shortName === name)!;

  describe('the seeded Hải Dương 2023 bloc', () => {
    it('ranks TP Hải Dương first, then Cẩm Giàng, Gia Lộc and Kim Thành, with the brief totals', async () => {
      const r = (await t.http().get(`/api/blocs/${hdBloc}/terms/2023/ranking`).expect(200)).body;
      expect(r).toMatchObject({
        complete: true,
        phase: 'AGREED',
        final: false,
        leader: { shortName: 'Hải Dương' },
      });
      expect(r.entries.slice(0, 4).map((e: { unit: Unit }) => e.unit.shortName)).toEqual([
        'Hải Dương',
        'Cẩm Giàng',
        'Gia Lộc',
        'Kim Thành',
      ]);
      expect(r.entries.map((e: { totals: { grandTotal: number } }) => e.totals.grandTotal)).toEqual(
        [968, 955, 941, 936, 930, 927, 921, 915, 910, 904, 898, 890],
      );
      expect(r.entries[0].isLeader).toBe(true);
      expect(r.tieBreakRules[1]).toContain('nhóm I');
      // read again: the same JSON with the same content type as res.json, and an ETag that answers
      // If-None-Match (the kept value itself is tested in test/integration/read-cache.spec.ts)
      const again = await t.http().get(`/api/blocs/${hdBloc}/terms/2023/ranking`).expect(200);
      expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(again.body).toEqual(r);
      const etag = String(again.headers.etag);
      expect(etag.startsWith(`W/"${Buffer.byteLength(again.text).toString(16)}-`)).toBe(true);
      await t
        .http()
        .get(`/api/blocs/${hdBloc}/terms/2023/ranking`)
        .set('If-None-Match', etag)
        .expect(304);
      expect(r.statusText).toContain('thành phố Hải Dương');
    });

    it('serves the signed 1.000-point criteria set, marked as sample', async () => {
      const s = (
        await t.http().get(`/api/blocs/${hdBloc}/terms/2023/criteria-sets/current`).expect(200)
      ).body;
      expect(s).toMatchObject({
        status: 'LOCKED',
        statusLabel: 'đã ký giao ước',
        isSample: true,
        versionNo: 1,
      });
      expect(s.definition.scale).toBe(1000);
      expect(s.definition.groups.map((g: { maxPoints: number }) => g.maxPoints)).toEqual([
        400, 200, 150, 150, 100,
      ]);
    });
  });

  describe('a new bloc through the whole year', () => {
    let blocId: number;
    let members: Unit[];

    beforeAll(async () => {
      const province = unit('Cẩm Giàng').provinceId;
      blocId = (
        await t
          .http()
          .post('/api/blocs')
          .send({ code: 'T-CUM', name: 'Cụm thử nghiệm', kind: 'CUM', provinceId: province })
          .expect(201)
      ).body.id;
      members = [unit('Nam Sách'), unit('Thanh Hà'), unit('Tứ Kỳ')];
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms`)
        .send({ year: 2024, memberUnitIds: members.map((m) => m.id) })
        .expect(201);
    });

    const url = (path: string) => `/api/blocs/${blocId}/terms/2024${path}`;

    it('refuses a criteria set whose groups do not add up to the scale, with the arithmetic, and writes nothing', async () => {
      const before = await rowCounts(t.dataSource);
      const bad = definition({
        groups: [
          {
            code: 'A',
            title: 'Kinh tế',
            maxPoints: 50,
            criteria: [{ code: 'A.1', title: 'x', maxPoints: 50 }],
          },
        ],
      });
      const res = await t.http().post(url('/criteria-sets')).send({ definition: bad }).expect(422);
      expect(res.body.code).toBe('CRITERIA_SET_INVALID');
      expect(res.body.details.map((d: { code: string }) => d.code)).toContain(
        'CRITERIA_GROUP_SUM_MISMATCH',
      );
      expect(res.body.message).toMatch(/50.*100/);
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });

    it('creates a draft, edits it, signs it (lock), and refuses edits of the signed set', async () => {
      await t
        .http()
        .put(url('/scores/' + members[0]!.id + '/SELF'))
        .send({ lines: [{ code: 'A.1', value: 1 }] })
        .expect(409);
      const draft = (
        await t.http().post(url('/criteria-sets')).send({ definition: definition() }).expect(201)
      ).body;
      expect(draft).toMatchObject({
        status: 'DRAFT',
        versionNo: 1,
        allowedActions: ['EDIT', 'LOCK', 'DELETE'],
      });
      await t.http().post(url('/criteria-sets')).send({ definition: definition() }).expect(409);
      const edited = (
        await t
          .http()
          .put(`/api/criteria-sets/${draft.id}`)
          .send({ version: draft.version, definition: definition({ bonusCap: 10 }) })
          .expect(200)
      ).body;
      expect(edited.definition.bonusCap).toBe(10);
      await t
        .http()
        .put(`/api/criteria-sets/${draft.id}`)
        .send({ version: draft.version, definition: definition() })
        .expect(409);
      const locked = (
        await t
          .http()
          .post(`/api/criteria-sets/${draft.id}/lock`)
          .send({ version: edited.version, signedOn: '2024-02-20' })
          .expect(200)
      ).body;
      expect(locked).toMatchObject({ status: 'LOCKED', signedOn: '2024-02-20' });
      const res = await t
        .http()
        .put(`/api/criteria-sets/${draft.id}`)
        .send({ version: locked.version, definition: definition() })
        .expect(409);
      expect(res.body.code).toBe('CRITERIA_SET_LOCKED');
      expect((await t.http().get(url('/scoring')).expect(200)).body).toMatchObject({
        phase: 'SELF',
        allowedTransitions: ['REVIEW'],
      });
    });

    it('versions a signed set: a new version needs a reason and the old one is kept', async () => {
      const noReason = await t
        .http()
        .post(url('/criteria-sets'))
        .send({ definition: definition() })
        .expect(422);
      expect(noReason.body.code).toBe('CRITERIA_SET_REASON_REQUIRED');
      const v2 = (
        await t
          .http()
          .post(url('/criteria-sets'))
          .send({
            definition: definition({ bonusCap: 5 }),
            reason: 'Khối thống nhất lại mức cộng điểm',
          })
          .expect(201)
      ).body;
      expect(v2).toMatchObject({
        versionNo: 2,
        status: 'DRAFT',
        reason: 'Khối thống nhất lại mức cộng điểm',
      });
      await t
        .http()
        .post(`/api/criteria-sets/${v2.id}/lock`)
        .send({ version: v2.version, signedOn: '2024-03-01' })
        .expect(200);
      const list = (await t.http().get(url('/criteria-sets')).expect(200)).body;
      expect(
        list.map((s: { versionNo: number; status: string }) => [s.versionNo, s.status]),
      ).toEqual([
        [1, 'SUPERSEDED'],
        [2, 'LOCKED'],
      ]);
    });

    it('takes scores through self-assessment, review and agreement, refusing closed stages and out-of-range values', async () => {
      const [a, b, c] = members as [Unit, Unit, Unit];
      const over = await t
        .http()
        .put(url(`/scores/${a.id}/SELF`))
        .send({ lines: [{ code: 'A.1', value: 30.01 }] })
        .expect(422);
      expect(over.body.details[0]).toMatchObject({
        code: 'SCORE_ABOVE_MAX',
        field: 'lines.A.1.value',
      });
      await t
        .http()
        .put(url(`/scores/${a.id}/SELF`))
        .send({ lines: [{ code: 'A.1', value: 1.005 }] })
        .expect(400);
      const self = (
        await t
          .http()
          .put(url(`/scores/${a.id}/SELF`))
          .send({
            lines: [
              { code: 'A.1', value: 28 },
              { code: 'A.2', value: 27.5 },
              { code: 'B.1', value: 35 },
            ],
          })
          .expect(200)
      ).body;
      expect(self.totals.grandTotal).toBe(90.5);
      expect(self.missing).toEqual([]);
      // editing an existing line requires the version that was read
      const conflict = await t
        .http()
        .put(url(`/scores/${a.id}/SELF`))
        .send({ lines: [{ code: 'A.1', value: 29 }] })
        .expect(409);
      expect(conflict.body.code).toBe('SCORE_VERSION_CONFLICT');
      await t
        .http()
        .put(url(`/scores/${a.id}/SELF`))
        .send({ lines: [{ code: 'A.1', value: 29, version: 1 }] })
        .expect(200);
      await t
        .http()
        .put(url(`/scores/${a.id}/REVIEW`))
        .send({ lines: [{ code: 'A.1', value: 29 }] })
        .expect(409);

      await t.http().post(url('/scoring/advance')).send({ to: 'AGREED' }).expect(409);
      await t
        .http()
        .post(url('/scoring/advance'))
        .send({ to: 'REVIEW', reason: 'Hết hạn tự chấm' })
        .expect(200);
      const closed = await t
        .http()
        .put(url(`/scores/${a.id}/SELF`))
        .send({ lines: [{ code: 'B.1', value: 36, version: 1 }] })
        .expect(409);
      expect(closed.body.code).toBe('SCORE_STAGE_CLOSED');

      const noReason = await t
        .http()
        .put(url(`/scores/${a.id}/REVIEW`))
        .send({ lines: [{ code: 'A.1', value: 27 }] })
        .expect(422);
      expect(noReason.body.details[0].code).toBe('REVIEW_REASON_REQUIRED');
      await t
        .http()
        .put(url(`/scores/${a.id}/REVIEW`))
        .send({
          lines: [
            { code: 'A.1', value: 27, reason: 'Chưa đạt chỉ tiêu quý IV' },
            { code: 'A.2', value: 27.5 },
            { code: 'B.1', value: 35 },
          ],
        })
        .expect(200);
      await t.http().post(url('/scoring/advance')).send({ to: 'AGREED' }).expect(200);

      const agreed = (lines: [string, number][]) => ({
        lines: lines.map(([code, value]) => ({ code, value, reason: 'Thống nhất tại hội nghị' })),
      });
      await t
        .http()
        .put(url(`/scores/${a.id}/AGREED`))
        .send(
          agreed([
            ['A.1', 27],
            ['A.2', 27.5],
            ['B.1', 35],
          ]),
        )
        .expect(200);
      await t
        .http()
        .put(url(`/scores/${b.id}/AGREED`))
        .send(
          agreed([
            ['A.1', 26],
            ['A.2', 28.5],
            ['B.1', 35],
            ['P1', 0],
          ]),
        )
        .expect(200);

      const partial = (await t.http().get(url('/ranking')).expect(200)).body;
      expect(partial).toMatchObject({ complete: false, leader: null });
      expect(partial.statusText).toContain('chưa đầy đủ');
      expect(partial.incompleteUnits).toEqual([
        { unit: expect.objectContaining({ id: c.id }), missingCriteria: ['A.1', 'A.2', 'B.1'] },
      ]);
      const refused = await t
        .http()
        .post(url('/scoring/advance'))
        .send({ to: 'CLOSED' })
        .expect(422);
      expect(refused.body.code).toBe('SCORING_INCOMPLETE');

      // c equals a in total (89.5) and in group A (54.5): the penalty key cannot split them, the draw does
      await t
        .http()
        .put(url(`/scores/${c.id}/AGREED`))
        .send(
          agreed([
            ['A.1', 28],
            ['A.2', 26.5],
            ['B.1', 35],
          ]),
        )
        .expect(200);
      const tied = (await t.http().get(url('/ranking')).expect(200)).body;
      expect(tied.complete).toBe(true);
      expect(tied.leader).toBeNull();
      expect(tied.entries.filter((e: { unresolvedTie: boolean }) => e.unresolvedTie)).toHaveLength(
        3,
      );
      const drawn = (
        await t
          .http()
          .put(url('/draw-numbers'))
          .send({
            draws: [
              { unitId: a.id, drawNumber: 2 },
              { unitId: b.id, drawNumber: 3 },
              { unitId: c.id, drawNumber: 1 },
            ],
          })
          .expect(200)
      ).body;
      expect(drawn.entries.map((e: { unit: Unit }) => e.unit.id)).toEqual([c.id, a.id, b.id]);
      expect(drawn.leader.id).toBe(c.id);
      expect(drawn.entries[0].tieBreakExplanation).toMatch(/bốc thăm/);
      await t
        .http()
        .put(url('/draw-numbers'))
        .send({ draws: [{ unitId: a.id, drawNumber: 1 }] })
        .expect(422);

      await t.http().post(url('/scoring/advance')).send({ to: 'CLOSED' }).expect(200);
      const frozen = await t
        .http()
        .put(url(`/scores/${a.id}/AGREED`))
        .send({ lines: [{ code: 'B.1', value: 1, version: 1 }] })
        .expect(409);
      expect(frozen.body.code).toBe('SCORE_STAGE_CLOSED');
      expect((await t.http().get(url('/ranking')).expect(200)).body.final).toBe(true);
      const phase = (await t.http().get(url('/scoring')).expect(200)).body;
      expect(phase.history.map((h: { to: string }) => h.to)).toEqual([
        'SELF',
        'REVIEW',
        'AGREED',
        'CLOSED',
      ]);
    });

    it("copies last year's signed set into a new year", async () => {
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms`)
        .send({ year: 2025, memberUnitIds: members.map((m) => m.id) })
        .expect(201);
      const copy = (
        await t
          .http()
          .post(`/api/blocs/${blocId}/terms/2025/criteria-sets`)
          .send({ copyFromYear: 2024 })
          .expect(201)
      ).body;
      expect(copy).toMatchObject({ status: 'DRAFT', versionNo: 1 });
      expect(copy.definition.groups).toEqual(definition().groups);
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2025/criteria-sets`)
        .send({ copyFromYear: 2020 })
        .expect(409);
    });
  });

  describe('evidence', () => {
    const base = () => `/api/blocs/${hdBloc}/terms/2023/scores/${unit('Gia Lộc').id}`;

    it('attaches a note and a PDF to a line and serves the file back unchanged', async () => {
      await t
        .http()
        .post(`${base()}/evidence/I.1/note`)
        .send({ note: 'Báo cáo số 12/BC-UBND' })
        .expect(201);
      const pdf = Buffer.from('%PDF-1.4\n% thử\n');
      const up = (
        await t
          .http()
          .post(`${base()}/evidence/I.1/file`)
          .attach('file', pdf, 'Báo cáo "quý" IV.pdf')
          .expect(201)
      ).body;
      expect(up).toMatchObject({
        kind: 'FILE',
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        fileName: 'Báo cáo _quý_ IV.pdf',
      });
      const list = (await t.http().get(`${base()}/evidence`).expect(200)).body;
      expect(list).toHaveLength(2);
      expect(JSON.stringify(list)).not.toContain('contentBase64');
      const dl = await t
        .http()
        .get(`/api/blocs/${hdBloc}/terms/2023/evidence/${up.id}/content`)
        .buffer(true)
        .expect(200);
      expect(Buffer.compare(dl.body as Buffer, pdf)).toBe(0);
      expect(dl.headers['content-disposition']).toMatch(
        /^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/,
      );
    });

    it('refuses an executable renamed to .pdf, an unknown criterion and a missing file', async () => {
      const before = await rowCounts(t.dataSource);
      const exe = await t
        .http()
        .post(`${base()}/evidence/I.1/file`)
        .attach('file', Buffer.from('MZ\x90\x00fake'), 'bao-cao.pdf')
        .expect(400);
      expect(exe.body.code).toBe('EVIDENCE_FILE_TYPE');
      await t.http().post(`${base()}/evidence/X.9/note`).send({ note: 'x' }).expect(404);
      await t.http().post(`${base()}/evidence/I.1/file`).expect(400);
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });
  });
});
