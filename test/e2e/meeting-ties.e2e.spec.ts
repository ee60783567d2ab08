import { createTestApp, type TestApp } from '../helpers/test-app';
import { tierRuleBody } from '../builders/api-bodies';

interface Unit {
  id: number;
  shortName: string;
}
interface Ballot {
  id: number;
  tierCode: string;
  roundNo: number;
  status: string;
  version: number;
  winners: Unit[];
  tally: { status: string; minutes: string; revoteCandidates: string[] } | null;
}
interface Meeting {
  id: number;
  status: string;
  version: number;
  isRehearsal: boolean;
  ballots: Ballot[];
}

describe('Ties at the seat boundary, settled by the rule’s protocol, in a rehearsal meeting', () => {
  let t: TestApp;
  let units: Unit[];
  let blocId: number;
  let secretary: string;
  let counter: string;
  let m: Meeting;
  const unit = (n: string) => units.find((u) => u.shortName === n)!;

  async function tierWith(
    code: string,
    rank: number,
    tieBreak: 'REVOTE' | 'CHAIR_DECIDES',
  ): Promise<number> {
    const tier = (
      await t
        .http()
        .post('/api/award-tiers')
        .send({ code, name: `Thử ${code}`, decidingAuthority: 'PROVINCE_CHAIRMAN', rank })
        .expect(201)
    ).body;
    await t
      .http()
      .post(`/api/award-tiers/${tier.id}/rules`)
      .send(tierRuleBody(tieBreak))
      .expect(201);
    return tier.id as number;
  }

  const counts = (rows: [string, number][]) => ({
    ballotsIssued: 12,
    ballotsReturned: 12,
    valid: 12,
    invalid: 0,
    nominees: rows.map(([n, agree]) => ({
      unitId: unit(n).id,
      agree,
      disagree: 12 - agree,
      noOpinion: 0,
    })),
  });

  async function enterTwice(ballotId: number, c: ReturnType<typeof counts>): Promise<Meeting> {
    await t
      .as(secretary)
      .post(`/api/ballots/${ballotId}/entries`)
      .send({ enteredBy: 'Người nhập 1', counts: c })
      .expect(201);
    return (
      await t
        .as(counter)
        .post(`/api/ballots/${ballotId}/entries`)
        .send({ enteredBy: 'Người nhập 2', counts: c })
        .expect(201)
    ).body as Meeting;
  }

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
    const revoteTier = await tierWith('TEST_REVOTE', 10, 'REVOTE');
    const chairTier = await tierWith('TEST_CHAIR', 11, 'CHAIR_DECIDES');
    m = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send({
          meetingDate: '2024-03-20',
          startTime: '14:00',
          place: 'Phòng họp',
          chairName: 'A',
          secretaryName: 'B',
          countingCommittee: [],
          guests: [],
          agenda: [],
          isRehearsal: true,
        })
        .expect(201)
    ).body;
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: Unit[];
    };
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
    const nominees = [unit('Chí Linh').id, unit('Kinh Môn').id, unit('Nam Sách').id];
    for (const tierId of [revoteTier, chairTier]) {
      m = (
        await t
          .http()
          .post(`/api/meetings/${m.id}/ballots`)
          .send({ tierId, seats: 2, method: 'SECRET', nomineeUnitIds: nominees })
          .expect(201)
      ).body;
    }
    for (const b of m.ballots)
      m = (
        await t.http().post(`/api/ballots/${b.id}/open`).send({ version: b.version }).expect(200)
      ).body;
  });
  afterAll(() => t.close());

  it('REVOTE: the tied nominees go to a second round for the seat at stake', async () => {
    const b = m.ballots.find((x) => x.tierCode === 'TEST_REVOTE')!;
    m = await enterTwice(
      b.id,
      counts([
        ['Chí Linh', 8],
        ['Kinh Môn', 7],
        ['Nam Sách', 7],
      ]),
    );
    const tied = m.ballots.find((x) => x.id === b.id)!;
    expect(tied.status).toBe('TIE_PENDING');
    expect(tied.winners.map((u) => u.shortName)).toEqual(['Chí Linh']);
    expect(tied.tally!.minutes).toMatch(/Hòa phiếu/);
    await t
      .http()
      .post(`/api/ballots/${b.id}/chair-decision`)
      .send({ chosenUnitIds: [unit('Nam Sách').id] })
      .expect(409);
    m = (await t.http().post(`/api/ballots/${b.id}/revote`).expect(200)).body;
    const round2 = m.ballots.find((x) => x.tierCode === 'TEST_REVOTE' && x.roundNo === 2)!;
    expect(round2.status).toBe('OPEN');
    const c = {
      ballotsIssued: 12,
      ballotsReturned: 12,
      valid: 12,
      invalid: 0,
      nominees: [
        { unitId: unit('Kinh Môn').id, agree: 8, disagree: 4, noOpinion: 0 },
        { unitId: unit('Nam Sách').id, agree: 4, disagree: 8, noOpinion: 0 },
      ],
    };
    m = await enterTwice(round2.id, c);
    expect(m.ballots.find((x) => x.id === round2.id)!.winners.map((u) => u.shortName)).toEqual([
      'Kinh Môn',
    ]);
  });

  it('CHAIR_DECIDES: the chair’s recorded choice settles the tie', async () => {
    const b = m.ballots.find((x) => x.tierCode === 'TEST_CHAIR')!;
    m = await enterTwice(
      b.id,
      counts([
        ['Chí Linh', 8],
        ['Kinh Môn', 7],
        ['Nam Sách', 7],
      ]),
    );
    expect(m.ballots.find((x) => x.id === b.id)!.status).toBe('TIE_PENDING');
    await t.http().post(`/api/ballots/${b.id}/revote`).expect(409);
    m = (
      await t
        .http()
        .post(`/api/ballots/${b.id}/chair-decision`)
        .send({ chosenUnitIds: [unit('Nam Sách').id], note: 'Chủ trì quyết định' })
        .expect(200)
    ).body;
    const decided = m.ballots.find((x) => x.id === b.id)!;
    expect(decided.status).toBe('DECIDED');
    expect(decided.winners.map((u) => u.shortName)).toEqual(['Chí Linh', 'Nam Sách']);
    expect(m.status).toBe('COUNTED');
  });

  it('finalizes a rehearsal without touching nominations or next year’s term', async () => {
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/finalize`)
        .send({
          version: m.version,
          nextHead: { unitId: unit('Chí Linh').id, method: 'ACCLAMATION', basis: 'Luân phiên' },
        })
        .expect(200)
    ).body;
    expect(m).toMatchObject({ status: 'FINALIZED', isRehearsal: true });
    await t.http().get(`/api/blocs/${blocId}/terms/2024`).expect(404);
  });
});
