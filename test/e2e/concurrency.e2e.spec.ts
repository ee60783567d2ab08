import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';
import { meetingBody } from '../builders/api-bodies';

/**
 * RELIABILITY D1 and D4: duplicate submissions (double click, retries, two tabs) and two people
 * editing the same record never produce a duplicate, a lost update or a 5xx, on either database.
 */
describe('concurrent submissions', () => {
  let t: TestApp;
  let blocId: number;
  let units: { id: number; code: string; version: number }[];

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
  });
  afterAll(() => t.close());

  it('stores one ballot entry when the same entry is sent 50 times at once', async () => {
    const secretary = await t.login({
      username: 'tk.dup',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: { id: number }[];
    };
    let m = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send(meetingBody('2024-03-28', { isRehearsal: true }))
        .expect(201)
    ).body;
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
    m = (await t.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;
    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as { id: number }[];
    const nominee = units.find((u) => u.code === 'HD-TPHD')!.id;
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/ballots`)
        .send({ tierId: tiers[0]!.id, seats: 1, method: 'SECRET', nomineeUnitIds: [nominee] })
        .expect(201)
    ).body;
    const ballot = m.ballots[0];
    await t
      .http()
      .post(`/api/ballots/${ballot.id}/open`)
      .send({ version: ballot.version })
      .expect(200);
    const counts = {
      ballotsIssued: 12,
      ballotsReturned: 12,
      valid: 12,
      invalid: 0,
      nominees: [{ unitId: nominee, agree: 12, disagree: 0, noOpinion: 0 }],
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.as(secretary).post(`/api/ballots/${ballot.id}/entries`).send({ counts }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    const entries = await t.dataSource.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM "ballot_entry" WHERE "ballot_id" = ${ballot.id}`,
    );
    expect(Number(entries[0]!.n)).toBe(1);
  });

  it('never loses an update when two people edit the same unit from the same version', async () => {
    const u = units.find((x) => x.code === 'HD-NG')!;
    const before = await rowCounts(t.dataSource);
    const [a, b] = await Promise.all([
      t
        .http()
        .patch(`/api/units/${u.id}`)
        .send({ version: u.version, fullName: 'huyện Ninh Giang (A)' }),
      t
        .http()
        .patch(`/api/units/${u.id}`)
        .send({ version: u.version, fullName: 'huyện Ninh Giang (B)' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: expect.any(Number),
    });
    const now = (await t.http().get(`/api/units/${u.id}`).expect(200)).body;
    expect(now.fullName).toBe((a.status === 200 ? a : b).body.fullName);
    expect((await rowCounts(t.dataSource)).audit_log).toBe(before.audit_log! + 1);
  });

  it('keeps one unit per code when 20 creations race', async () => {
    const body = {
      code: 'RACE-1',
      shortName: 'Đua',
      type: 'XA',
      fullName: 'xã Đua',
      collectiveName: 'Đảng bộ, chính quyền và nhân dân xã Đua',
      provinceId: 1,
      validFrom: '2023-01-01',
    };
    const res = await Promise.all(
      Array.from({ length: 20 }, () => t.http().post('/api/units').send(body)),
    );
    expect(res.filter((r) => r.status === 201)).toHaveLength(1);
    expect(res.filter((r) => r.status !== 201).every((r) => r.status === 409)).toBe(true);
  });
});
