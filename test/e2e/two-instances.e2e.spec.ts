import { createSecondInstance, createTestApp, type TestApp } from '../helpers/test-app';
import { onPostgres } from '../helpers/test-db';
import { meetingBody } from '../builders/api-bodies';

/**
 * Issue 9: two stateless instances on one PostgreSQL database. Sessions, counts and document
 * numbers live in the database: a token signed in on one works on the other, a vote recorded on one
 * is read on the other, and concurrent document requests on both never share or reuse a number.
 */
(onPostgres ? describe : describe.skip)('two instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof createSecondInstance>>;
  let blocId: number;

  beforeAll(async () => {
    a = await createTestApp({ seed: true, seedMeeting: true });
    b = await createSecondInstance(a);
    blocId = (await a.http().get('/api/blocs').expect(200)).body.items[0].id;
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('shares sessions and reads on one what was recorded on the other', async () => {
    await b.http().get('/api/auth/me').expect(200);
    const s1 = await a.login({ username: 'tk.mot', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    const s2 = await a.login({ username: 'tk.hai', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    const units = (await a.http().get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      code: string;
    }[];
    const term = (await a.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: { id: number }[];
    };
    let m = (
      await a
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send(meetingBody('2024-03-20', { isRehearsal: true }))
        .expect(201)
    ).body;
    m = (
      await b
        .http()
        .put(`/api/meetings/${m.id}/attendance`)
        .send({
          version: m.version,
          rows: term.members.map((u) => ({ unitId: u.id, present: true })),
        })
        .expect(200)
    ).body;
    m = (await a.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;
    const tiers = (await a.http().get('/api/award-tiers').expect(200)).body as { id: number }[];
    const nominee = units.find((u) => u.code === 'HD-CG')!.id;
    m = (
      await b
        .http()
        .post(`/api/meetings/${m.id}/ballots`)
        .send({ tierId: tiers[1]!.id, seats: 1, method: 'SECRET', nomineeUnitIds: [nominee] })
        .expect(201)
    ).body;
    await a
      .http()
      .post(`/api/ballots/${m.ballots[0].id}/open`)
      .send({ version: m.ballots[0].version })
      .expect(200);
    const counts = {
      ballotsIssued: 12,
      ballotsReturned: 12,
      valid: 12,
      invalid: 0,
      nominees: [{ unitId: nominee, agree: 11, disagree: 1, noOpinion: 0 }],
    };
    // Both instances keep the meeting's view (Db.readCached) before the counts are entered: the
    // entry on one must discard what the other kept.
    for (const app of [a, b]) {
      const seen = (await app.http().get(`/api/meetings/${m.id}`).expect(200)).body;
      expect(seen.ballots[0]).toMatchObject({ status: 'OPEN', entries: [] });
    }
    await a.as(s1).post(`/api/ballots/${m.ballots[0].id}/entries`).send({ counts }).expect(201);
    const firstOnB = (await b.http().get(`/api/meetings/${m.id}`).expect(200)).body;
    expect(firstOnB.ballots[0].entries).toEqual([expect.objectContaining({ enteredBy: 'tk.mot' })]);
    await b.as(s2).post(`/api/ballots/${m.ballots[0].id}/entries`).send({ counts }).expect(201);
    const onA = (await a.http().get(`/api/meetings/${m.id}`).expect(200)).body;
    expect(onA.ballots[0]).toMatchObject({
      status: 'DECIDED',
      entries: [{ enteredBy: 'tk.mot' }, { enteredBy: 'tk.hai' }],
    });
    expect(onA.ballots[0].tally.lines[0].percentageText).toBe('91,7 %');
  });

  it('never issues a document number twice under concurrent requests on both instances', async () => {
    const meetingId = (
      await a.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200)
    ).body.find((x: { isRehearsal: boolean }) => !x.isRehearsal).id;
    const kinds = ['MINUTES', 'VOTE_COUNT', 'PROPOSAL', 'RESOLUTION', 'SCORE_TABLE'];
    const calls = kinds.flatMap((kind, i) =>
      [0, 1, 2].map((j) =>
        ((i + j) % 2 === 0 ? a.http() : b.http())
          .post(`/api/meetings/${meetingId}/documents`)
          .send({ kind }),
      ),
    );
    const res = await Promise.all(calls);
    expect(res.filter((r) => r.status >= 500)).toEqual([]);
    expect(res.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const docs = (await b.http().get(`/api/meetings/${meetingId}/documents`).expect(200)).body as {
      kind: string;
      numberText: string;
    }[];
    const numberOfKind = new Map<string, Set<string>>();
    for (const d of docs)
      numberOfKind.set(d.kind, (numberOfKind.get(d.kind) ?? new Set()).add(d.numberText));
    for (const kind of kinds) expect(numberOfKind.get(kind)?.size).toBe(1);
    const numbers = [...numberOfKind.values()].map((s) => [...s][0]!.split('/')[0]);
    expect(new Set(numbers).size).toBe(kinds.length);
    expect(numbers.map(Number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
  });
  it('keeps two organizations apart while each writes on its own instance at the same time (issue 21)', async () => {
    const hd = (await a.http().get(`/api/blocs/${blocId}`).expect(200)).body.provinceId as number;
    const ubnd = (await a.http().get(`/api/blocs/${blocId}`).expect(200)).body
      .organizingBodyId as number;
    const front = (
      await a
        .http()
        .post('/api/organizing-bodies')
        .send({
          code: 'MTTQ-HD-HAI',
          name: 'Ủy ban MTTQ Việt Nam tỉnh Hải Dương',
          headerLine: 'ỦY BAN MTTQ VIỆT NAM TỈNH HẢI DƯƠNG',
          place: 'Hải Dương',
          locality: 'tỉnh Hải Dương',
          addressee: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Hải Dương',
          office: 'Ban Phong trào',
          authorityCodes: ['PROVINCE_CHAIRMAN'],
        })
        .expect(201)
    ).body.id as number;
    const staffU = await a.login({
      username: 'o2.ubnd',
      role: 'OFFICE_STAFF',
      organizationId: ubnd,
    });
    const staffF = await a.login({
      username: 'o2.front',
      role: 'OFFICE_STAFF',
      organizationId: front,
    });
    // each organization, on its own instance, registers units and a bloc with a term of them while
    // reading its lists, all at once; the other's reads run between its writes
    const work = async (
      app: { as: (token: string) => import('supertest').Agent },
      token: string,
      prefix: string,
    ) => {
      const ids: number[] = [];
      for (let i = 1; i <= 6; i++) {
        const [created] = await Promise.all([
          app
            .as(token)
            .post('/api/units')
            .send({
              code: `${prefix}-${i}`,
              shortName: `Xã ${prefix} ${i}`,
              type: 'XA',
              fullName: `Xã ${prefix} ${i}`,
              collectiveName: `Nhân dân và cán bộ xã ${prefix} ${i}`,
              provinceId: hd,
              validFrom: '2025-07-01',
            }),
          app.as(token).get('/api/units?pageSize=200'),
          app.as(token).get('/api/blocs'),
        ]);
        expect(created.status).toBe(201);
        ids.push(created.body.id as number);
      }
      const bloc = (
        await app
          .as(token)
          .post('/api/blocs')
          .send({ code: `${prefix}-CUM`, name: `Cụm ${prefix}`, kind: 'CUM', provinceId: hd })
          .expect(201)
      ).body;
      await app
        .as(token)
        .post(`/api/blocs/${bloc.id}/terms`)
        .send({ year: 2026, memberUnitIds: ids })
        .expect(201);
      return { blocId: bloc.id as number, organizingBodyId: bloc.organizingBodyId as number };
    };
    const [u, f] = await Promise.all([work(a, staffU, 'UB'), work(b, staffF, 'MT')]);
    expect(u.organizingBodyId).toBe(ubnd);
    expect(f.organizingBodyId).toBe(front);
    for (const [app, token, mine, theirs] of [
      [b, staffU, 'UB', 'MT'],
      [a, staffF, 'MT', 'UB'],
    ] as const) {
      const units = (
        (await app.as(token).get('/api/units?pageSize=200').expect(200)).body.items as {
          code: string;
        }[]
      ).map((x) => x.code);
      expect(units.filter((c) => c.startsWith(`${mine}-`))).toHaveLength(6);
      expect(units.filter((c) => c.startsWith(`${theirs}-`))).toEqual([]);
      const blocs = (
        (await app.as(token).get('/api/blocs').expect(200)).body.items as {
          code: string;
        }[]
      ).map((x) => x.code);
      expect(blocs).toContain(`${mine}-CUM`);
      expect(blocs).not.toContain(`${theirs}-CUM`);
    }
    // and each instance refuses the other organization's bloc to the one
    await b.as(staffU).get(`/api/blocs/${f.blocId}/terms/2026`).expect(403);
    await a.as(staffF).get(`/api/blocs/${u.blocId}/terms/2026`).expect(403);
    await a.as(staffU).get(`/api/blocs/${u.blocId}/terms/2026`).expect(200);
  });
});
