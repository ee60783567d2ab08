import type { DataSource } from 'typeorm';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

/**
 * Issue 18, the electronic secret ballot, on the real app (SQLite, and PostgreSQL with DATABASE_URL):
 * codes issued at opening, the over-vote refused, one ballot per code under 20 simultaneous casts,
 * guessing limited and counted, the close and the committee's confirmation feeding the tally, a
 * rehearsal, and the secret: the whole database and the logs after 12 delegates voted in a known
 * order do not tell the order nor any delegate's choices.
 */
type Choice = 'AGREE' | 'DISAGREE' | 'NO_OPINION';
interface Unit {
  id: number;
  code: string;
  shortName: string;
}
interface BallotView {
  id: number;
  tierCode: string;
  status: string;
  version: number;
  tally: { lines: { nomineeId: string; passed: boolean }[] } | null;
  winners: Unit[];
  acceptedCounts: { ballotsReturned: number; valid: number; nominees: { agree: number }[] } | null;
}
interface MeetingView {
  id: number;
  status: string;
  version: number;
  ballots: BallotView[];
}

const postgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');

const meetingBody = (isRehearsal: boolean) => ({
  meetingDate: '2024-03-28',
  startTime: '08:00',
  place: 'Hội trường UBND huyện Cẩm Giàng',
  chairName: 'Nguyễn Văn A',
  secretaryName: 'Trần Thị B',
  countingCommittee: [{ name: 'Lê Văn C', role: 'Trưởng ban' }],
  guests: [],
  agenda: ['Bình xét, suy tôn'],
  ...(isRehearsal ? { isRehearsal: true } : {}),
});

/** Every row of every table, as text (what someone holding the database file could read). */
async function dumpDatabase(ds: DataSource): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const meta of ds.entityMetadatas) {
    const rows = await ds.query<Record<string, unknown>[]>(`SELECT * FROM "${meta.tableName}"`);
    out[meta.tableName] = rows.map((r) => JSON.stringify(r));
  }
  return out;
}

describe('electronic secret ballot (issue 18)', () => {
  let t: TestApp;
  const logs: string[] = [];
  let units: Unit[];
  let blocId: number;
  let tiers: { id: number; code: string }[];
  const unit = (n: string) => units.find((u) => u.shortName === n)!;
  let secretary: string;
  let addressNo = 0;
  /** Each delegate's phone has its own address on the room's Wi-Fi. */
  const phone = () => `10.0.0.${++addressNo}`;

  beforeAll(async () => {
    t = await createTestApp({
      seed: true,
      seedMeeting: false,
      logs,
      config: { TRUST_PROXY: 'loopback' },
    });
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    tiers = (await t.http().get('/api/award-tiers').expect(200)).body;
    secretary = await t.login({
      username: 'thuky.dientu',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
  });
  afterAll(() => t.close());

  /** A meeting with all 12 members present, open, and one ballot created (not opened). */
  async function meetingWithBallot(
    opts: { rehearsal?: boolean; tier?: string; seats?: number; nominees?: string[] } = {},
  ): Promise<{ m: MeetingView; ballotId: number }> {
    let m = (
      await t
        .as(secretary)
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send(meetingBody(opts.rehearsal ?? false))
        .expect(201)
    ).body as MeetingView;
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: Unit[];
    };
    m = (
      await t
        .as(secretary)
        .put(`/api/meetings/${m.id}/attendance`)
        .send({
          version: m.version,
          rows: term.members.map((u) => ({ unitId: u.id, present: true })),
        })
        .expect(200)
    ).body;
    m = (
      await t
        .as(secretary)
        .post(`/api/meetings/${m.id}/open`)
        .send({ version: m.version })
        .expect(200)
    ).body;
    m = (
      await t
        .as(secretary)
        .post(`/api/meetings/${m.id}/ballots`)
        .send({
          tierId: tiers.find((x) => x.code === (opts.tier ?? 'PROV_MERIT'))!.id,
          seats: opts.seats ?? 2,
          method: 'SECRET',
          mode: 'ELECTRONIC',
          nomineeUnitIds: (opts.nominees ?? ['Gia Lộc', 'Kim Thành', 'Thanh Hà']).map(
            (n) => unit(n).id,
          ),
        })
        .expect(201)
    ).body;
    return { m, ballotId: m.ballots[m.ballots.length - 1]!.id };
  }

  async function openBallot(m: MeetingView, ballotId: number): Promise<string[]> {
    const b = m.ballots.find((x) => x.id === ballotId)!;
    await t
      .as(secretary)
      .post(`/api/ballots/${ballotId}/open`)
      .send({ version: b.version })
      .expect(200);
    const slips = (
      await t.as(secretary).get(`/api/ballots/${ballotId}/electronic/slips`).expect(200)
    ).body.slips as { slipNo: number; code: string }[];
    return slips.map((s) => s.code);
  }

  const cast = (ballotId: number, code: string, choices: Choice[], from = phone()) =>
    t
      .anon()
      .post(`/api/voting/${ballotId}/cast`)
      .set('X-Forwarded-For', from)
      .send({ code, choices });

  it('is chosen at creation: a show of hands cannot be electronic, and nothing is written', async () => {
    const { m } = await meetingWithBallot({ rehearsal: true });
    const before = await rowCounts(t.dataSource);
    const res = await t
      .as(secretary)
      .post(`/api/meetings/${m.id}/ballots`)
      .send({
        tierId: tiers.find((x) => x.code === 'PROV_FLAG')!.id,
        seats: 1,
        method: 'SHOW_OF_HANDS',
        mode: 'ELECTRONIC',
        nomineeUnitIds: [unit('Cẩm Giàng').id],
      })
      .expect(422);
    expect(res.body.code).toBe('BALLOT_ELECTRONIC_NEEDS_SECRET');
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('issues one code per delegate present, refuses typed counts, over-votes and a reused code; closes by itself', async () => {
    const { m, ballotId } = await meetingWithBallot({ rehearsal: true });
    const codes = await openBallot(m, ballotId);
    expect(codes).toHaveLength(12);
    expect(new Set(codes).size).toBe(12);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const typed = await t
      .as(secretary)
      .post(`/api/ballots/${ballotId}/entries`)
      .send({
        counts: {
          ballotsIssued: 12,
          ballotsReturned: 12,
          valid: 12,
          invalid: 0,
          nominees: ['Gia Lộc', 'Kim Thành', 'Thanh Hà'].map((n) => ({
            unitId: unit(n).id,
            agree: 0,
            disagree: 0,
            noOpinion: 12,
          })),
        },
      })
      .expect(409);
    expect(typed.body.code).toBe('BALLOT_IS_ELECTRONIC');

    // an over-vote (3 approvals for 2 seats) is refused with the reason; nothing is written
    const before = await rowCounts(t.dataSource);
    const over = await cast(ballotId, codes[0]!, ['AGREE', 'AGREE', 'AGREE']).expect(422);
    expect(over.body.code).toBe('VOTING_CHOICE_INVALID');
    expect(over.body.message).toContain('nhiều hơn số được chọn (2)');
    expect(await rowCounts(t.dataSource)).toEqual(before);

    // a blank ballot is allowed, with its receipt; the same code again is refused
    const blank = await cast(ballotId, codes[0]!.toLowerCase().replace(/-/g, ' '), [
      'NO_OPINION',
      'NO_OPINION',
      'NO_OPINION',
    ]).expect(201);
    expect(blank.body.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const again = await cast(ballotId, codes[0]!, ['AGREE', 'NO_OPINION', 'NO_OPINION']).expect(
      409,
    );
    expect(again.body.code).toBe('VOTING_CODE_USED');
    // no board before the close
    await t.anon().get(`/api/voting/${ballotId}/receipts`).expect(409);

    for (const c of codes.slice(1))
      await cast(ballotId, c, ['AGREE', 'DISAGREE', 'NO_OPINION']).expect(201);
    const status = (await t.as(secretary).get(`/api/ballots/${ballotId}/electronic`).expect(200))
      .body;
    expect(status).toMatchObject({
      phase: 'CLOSED',
      casts: 12,
      voters: 12,
      closedAutomatically: true,
    });
    const late = await cast(ballotId, codes[1]!, ['AGREE', 'DISAGREE', 'NO_OPINION']).expect(409);
    expect(late.body.code).toBe('VOTING_NOT_OPEN');

    const board = (await t.anon().get(`/api/voting/${ballotId}/receipts`).expect(200)).body as {
      receipt: string;
      choices: Choice[];
    }[];
    expect(board).toHaveLength(12);
    expect(board.map((b) => b.receipt)).toContain(blank.body.receipt);

    const confirmed = (
      await t.as(secretary).post(`/api/ballots/${ballotId}/electronic/confirm`).send({}).expect(200)
    ).body as MeetingView;
    const b = confirmed.ballots.find((x) => x.id === ballotId)!;
    expect(b.acceptedCounts).toMatchObject({ ballotsReturned: 12, valid: 12 });
    expect(b.acceptedCounts!.nominees.map((n) => n.agree)).toEqual([11, 0, 0]);
    expect(b.status).toBe('DECIDED');
    expect(b.winners.map((u) => u.shortName)).toEqual(['Gia Lộc']);
    expect(confirmed.status).toBe('COUNTED');
    const view = confirmed.ballots.find((x) => x.id === ballotId) as unknown as {
      mode: string;
      electronic: { casts: number; receipts: { receipt: string }[] };
    };
    expect(view.mode).toBe('ELECTRONIC');
    expect(view.electronic.casts).toBe(12);
    expect(view.electronic.receipts.map((r) => r.receipt)).toContain(blank.body.receipt);
    // confirmed once: a second confirmation is refused
    await t.as(secretary).post(`/api/ballots/${ballotId}/electronic/confirm`).send({}).expect(409);
  });

  it('gives exactly one ballot for 20 simultaneous casts with one code', async () => {
    const { m, ballotId } = await meetingWithBallot({ rehearsal: true });
    const [code] = await openBallot(m, ballotId);
    const before = await rowCounts(t.dataSource);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cast(
          ballotId,
          code!,
          i % 2 ? ['AGREE', 'NO_OPINION', 'NO_OPINION'] : ['NO_OPINION', 'AGREE', 'DISAGREE'],
        ),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    const after = await rowCounts(t.dataSource);
    expect(after.cast_ballot).toBe(before.cast_ballot! + 1);
    const status = (await t.as(secretary).get(`/api/ballots/${ballotId}/electronic`).expect(200))
      .body;
    expect(status.casts).toBe(1);
  });

  it('counts wrong codes, limits guessing per address and per ballot, and voids a lost slip', async () => {
    const { m, ballotId } = await meetingWithBallot({ rehearsal: true });
    const codes = await openBallot(m, ballotId);
    const guesser = '10.9.9.9';
    for (let i = 0; i < 5; i++) {
      const r = await t
        .anon()
        .post(`/api/voting/${ballotId}/check`)
        .set('X-Forwarded-For', guesser)
        .send({ code: `AAAA-BBBB-CCCC-DDD${i}` })
        .expect(422);
      expect(r.body.code).toBe('VOTING_CODE_INVALID');
    }
    // the sixth from that address waits, even with a good code; another phone is not held up
    const held = await cast(
      ballotId,
      codes[0]!,
      ['AGREE', 'NO_OPINION', 'NO_OPINION'],
      guesser,
    ).expect(429);
    expect(held.body.code).toBe('VOTING_TOO_MANY_ATTEMPTS');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    await t
      .anon()
      .post(`/api/voting/${ballotId}/check`)
      .set('X-Forwarded-For', phone())
      .send({ code: codes[0] })
      .expect(204);
    // per ballot: wrong codes from many addresses stop at the ballot's limit (30 for 12 voters)
    let limited = 0;
    for (let i = 0; i < 30; i++) {
      const r = await t
        .anon()
        .post(`/api/voting/${ballotId}/check`)
        .set('X-Forwarded-For', phone())
        .send({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
      if (r.status === 429) limited += 1;
    }
    expect(limited).toBe(5);
    let status = (await t.as(secretary).get(`/api/ballots/${ballotId}/electronic`).expect(200))
      .body;
    expect(status.wrongAttempts).toBe(30);

    // a lost slip: its number is the unused one nobody holds; voided, and one new code replaces it
    expect(status.unusedSlipNos).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const voided = (
      await t
        .as(secretary)
        .post(`/api/ballots/${ballotId}/electronic/void`)
        .send({ slipNo: 3 })
        .expect(200)
    ).body;
    expect(voided).toMatchObject({ codesIssued: 13, codesVoided: 1, voters: 12, replacement: 13 });
    await t
      .as(secretary)
      .post(`/api/ballots/${ballotId}/electronic/void`)
      .send({ slipNo: 3 })
      .expect(409);
    await t
      .as(secretary)
      .post(`/api/ballots/${ballotId}/electronic/void`)
      .send({ slipNo: 99 })
      .expect(404);
    status = (await t.as(secretary).get(`/api/ballots/${ballotId}/electronic`).expect(200)).body;
    expect(status.unusedSlipNos).toContain(13);
    expect(status.unusedSlipNos).not.toContain(3);
  });

  it('keeps the secret: the whole database and the logs after 12 delegates voted in a known order', async () => {
    const { m, ballotId } = await meetingWithBallot({ rehearsal: false });
    const codes = await openBallot(m, ballotId);
    // 12 different ballots (each delegate recognisable by its choices), cast one after another
    const patterns: Choice[][] = [];
    const all: Choice[] = ['AGREE', 'DISAGREE', 'NO_OPINION'];
    for (const a of all)
      for (const b of all)
        for (const c of all)
          if ([a, b, c].filter((x) => x === 'AGREE').length <= 2) patterns.push([a, b, c]);
    const order = patterns.slice(0, 12);
    const receipts: string[] = [];
    for (let i = 0; i < 11; i++)
      receipts.push((await cast(ballotId, codes[i]!, order[i]!).expect(201)).body.receipt);
    // the secretary closes before the last delegate votes (one code unused)
    await t.as(secretary).post(`/api/ballots/${ballotId}/electronic/close`).expect(200);

    const dump = await dumpDatabase(t.dataSource);
    // 1. the cast ballots carry choices and a receipt, nothing else: no code, voter, unit, user or time
    const columns = t.dataSource
      .getMetadata('cast_ballot')
      .columns.map((c) => c.databaseName)
      .sort();
    expect(columns).toEqual(['ballot_id', 'choices', 'id', 'receipt']);
    const codeColumns = t.dataSource
      .getMetadata('voting_code')
      .columns.map((c) => c.databaseName)
      .sort();
    expect(codeColumns).toEqual(['ballot_id', 'code_hash', 'id', 'slip_no', 'status']);
    const rows = dump
      .cast_ballot!.map(
        (r) => JSON.parse(r) as { id: string; ballot_id: number; receipt: string; choices: string },
      )
      .filter((r) => Number(r.ballot_id) === ballotId);
    expect(rows).toHaveLength(11);
    // 2. the storage order is the order of the random ids, which is not the order of casting
    const ids = rows.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    const storedOrder = rows.map((r) => receipts.indexOf(r.receipt));
    expect(storedOrder).not.toEqual([...Array(11).keys()]);
    if (postgres) {
      // every row was written again by the close's one transaction: the same row version for all,
      // physical positions in id order
      const sys = await t.dataSource.query<{ xmin: string; ctid: string; id: string }[]>(
        `SELECT xmin::text AS xmin, ctid::text AS ctid, id FROM "cast_ballot" WHERE "ballot_id" = $1 ORDER BY ctid`,
        [ballotId],
      );
      expect(new Set(sys.map((r) => r.xmin)).size).toBe(1);
      expect(sys.map((r) => r.id)).toEqual([...ids].sort());
    } else {
      // WITHOUT ROWID: no hidden insertion counter to read
      await expect(t.dataSource.query('SELECT rowid FROM "cast_ballot"')).rejects.toThrow();
    }
    // 3. no other table, and no log line, holds a receipt, a code in clear or a ballot's choices
    const elsewhere = Object.entries(dump)
      .filter(([table]) => table !== 'cast_ballot')
      .flatMap(([, r]) => r)
      .join('\n');
    const logText = logs.join('\n');
    for (const secret of [...receipts, ...codes, ...codes.map((c) => c.replace(/-/g, ''))]) {
      expect(elsewhere).not.toContain(secret);
      expect(logText).not.toContain(secret);
    }
    expect(elsewhere).not.toMatch(/"(AGREE|DISAGREE|NO_OPINION)"/);
    // 4. the audit log says that a ballot was cast on ballot N, and nothing more
    const casts = dump
      .audit_log!.map((r) => JSON.parse(r) as Record<string, unknown>)
      .filter(
        (r) =>
          r.action === 'ballot.electronic.cast' &&
          String(r.entity_id ?? r.entityId) === String(ballotId),
      );
    expect(casts).toHaveLength(11);
    // in the log of the organization whose bloc holds the ballot (issue 21), though no one signed in
    const org = (await t.http().get(`/api/blocs/${blocId}`).expect(200)).body.organizingBodyId;
    expect(org).toEqual(expect.any(Number));
    for (const a of casts) {
      expect(a.before ?? null).toBeNull();
      expect(a.after ?? null).toBeNull();
      expect(Number(a.organizing_body_id ?? a.organizingBodyId)).toBe(org);
    }
    // 5. what remains is the recount anyone can do from the board: the counts, not who
    const board = (await t.anon().get(`/api/voting/${ballotId}/receipts`).expect(200)).body as {
      receipt: string;
      choices: Choice[];
    }[];
    expect(board.map((b) => b.receipt).sort()).toEqual([...receipts].sort());
    for (let i = 0; i < 11; i++)
      expect(board.find((b) => b.receipt === receipts[i])!.choices).toEqual(order[i]);
    const confirmed = (
      await t.as(secretary).post(`/api/ballots/${ballotId}/electronic/confirm`).send({}).expect(200)
    ).body as MeetingView;
    const counted = confirmed.ballots.find((x) => x.id === ballotId)!.acceptedCounts!;
    expect(counted.nominees.map((n) => n.agree)).toEqual(
      [0, 1, 2].map((k) => order.slice(0, 11).filter((p) => p[k] === 'AGREE').length),
    );
  });
});
