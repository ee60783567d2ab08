import type { TestApp } from './test-app';

export interface VotingBallot {
  meetingId: number;
  ballotId: number;
  /** The first entry's version, once `withFirstEntry` has recorded it. */
  entryVersion: number | null;
  /** A bloc secretary of the meeting's bloc (Bearer token), the author of the first entry. */
  secretary: string;
  /** Another secretary of the bloc, who may record the second entry. */
  counter: string;
  /** A valid count for the ballot (one nominee, 12 of 12 agree). */
  counts: Record<string, unknown>;
}

/**
 * A meeting of the seeded bloc's 2023 term in VOTING, with one open ballot (GOV_FLAG, one
 * nominee), as the API builds it. Needs an app created with `seedMeeting: false`.
 */
export async function openVotingBallot(
  t: TestApp,
  options: { withFirstEntry?: boolean; username?: string } = {},
): Promise<VotingBallot> {
  const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id as number;
  const units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items as {
    id: number;
    shortName: string;
  }[];
  const nominee = units.find((u) => u.shortName === 'Hải Dương')!;
  const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as {
    id: number;
    code: string;
  }[];
  const tierId = tiers.find((x) => x.code === 'GOV_FLAG')!.id;
  const secretary = await t.login({
    username: options.username ?? 'thuky.bophieu',
    role: 'BLOC_SECRETARY',
    blocIds: [blocId],
  });
  const counter = await t.login({
    username: `${options.username ?? 'thuky.bophieu'}.2`,
    role: 'BLOC_SECRETARY',
    blocIds: [blocId],
  });
  await t
    .http()
    .post(`/api/blocs/${blocId}/terms/2023/nominations`)
    .send({ unitId: nominee.id, tierId, achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ.' })
    .expect(201);
  let m = (
    await t
      .http()
      .post(`/api/blocs/${blocId}/terms/2023/meetings`)
      .send({
        meetingDate: '2024-03-28',
        startTime: '08:00',
        place: 'Hội trường',
        chairName: 'Chủ trì',
        secretaryName: 'Thư ký',
        countingCommittee: [{ name: 'Trưởng ban', role: 'Trưởng ban' }],
        guests: [],
        agenda: ['Bình xét, suy tôn'],
      })
      .expect(201)
  ).body;
  const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
    members: { id: number }[];
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
  m = (
    await t
      .http()
      .post(`/api/meetings/${m.id}/ballots`)
      .send({ tierId, seats: 1, method: 'SECRET' })
      .expect(201)
  ).body;
  const ballot = m.ballots[0] as { id: number; version: number };
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
    nominees: [{ unitId: nominee.id, agree: 12, disagree: 0, noOpinion: 0 }],
  };
  let entryVersion: number | null = null;
  if (options.withFirstEntry) {
    const after = (
      await t.as(secretary).post(`/api/ballots/${ballot.id}/entries`).send({ counts }).expect(201)
    ).body as { ballots: { id: number; entries: { entryNo: number; version: number }[] }[] };
    entryVersion = after.ballots.find((b) => b.id === ballot.id)!.entries[0]!.version;
  }
  return {
    meetingId: m.id as number,
    ballotId: ballot.id,
    entryVersion,
    secretary,
    counter,
    counts,
  };
}
