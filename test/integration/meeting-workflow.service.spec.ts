import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppError } from '../../src/common/errors/app-error';
import { BallotsService } from '../../src/meetings/ballots.service';
import { MeetingsRepository } from '../../src/meetings/meetings.repository';
import { MeetingsService } from '../../src/meetings/meetings.service';
import { rowCounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Service tier (no HTTP): the meeting and ballot workflow on a real database through the Nest
 * module, its status changes checked by the domain's tables and written to their history.
 */
describe('meeting and ballot workflow (services, real database)', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let ds: DataSource;
  let meetings: MeetingsService;
  let ballots: BallotsService;
  let repo: MeetingsRepository;

  beforeAll(async () => {
    db = await createTestDatabase({ SEED_DEMO: true, SEED_DEMO_MEETING: false });
    moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(db.config)] })
      .setLogger({
        log: () => undefined,
        warn: () => undefined,
        error: (m) => console.error(m),
        debug: () => undefined,
        verbose: () => undefined,
      })
      .compile();
    await moduleRef.init();
    ds = moduleRef.get<DataSource>(getDataSourceToken());
    meetings = moduleRef.get(MeetingsService);
    ballots = moduleRef.get(BallotsService);
    repo = moduleRef.get(MeetingsRepository);
  });
  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  /** Runs `call`, expecting a coded refusal; returns it. */
  async function refusal(call: () => Promise<unknown>): Promise<AppError> {
    try {
      await call();
    } catch (e) {
      if (e instanceof AppError) return e;
      throw e;
    }
    throw new Error('expected a refusal');
  }

  it('moves a meeting and its ballot through their tables, with one history row per change, and refuses the rest', async () => {
    const [term] = await ds.query<{ id: number; bloc_id: number; year: number }[]>(
      'SELECT "id", "bloc_id", "year" FROM "bloc_term" WHERE "year" = 2023 ORDER BY "id" LIMIT 1',
    );
    const members = (
      await ds.query<{ unit_id: number }[]>(
        `SELECT "unit_id" FROM "bloc_member" WHERE "term_id" = ${Number(term!.id)} ORDER BY "unit_id"`,
      )
    ).map((r) => Number(r.unit_id));
    let m = await meetings.create(Number(term!.bloc_id), Number(term!.year), {
      meetingDate: '2024-03-28',
      startTime: '08:00',
      place: 'Hội trường',
      chairName: 'Chủ trì',
      secretaryName: 'Thư ký',
      countingCommittee: [{ name: 'Trưởng ban', role: 'Trưởng ban' }],
      guests: [],
      agenda: ['Bình xét, suy tôn'],
    });
    m = await meetings.setAttendance(m.id, {
      version: m.version,
      rows: members.map((unitId) => ({ unitId, present: true, delegateName: 'Đại biểu' })),
    });

    // allowed: DRAFT → OPEN, with its history row
    m = await meetings.open(m.id, m.version);
    expect(m.status).toBe('OPEN');
    const history = await repo.meetingTransitions(ds.manager, m.id);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actor])).toEqual([
      [null, 'DRAFT', 'system'],
      ['DRAFT', 'OPEN', 'system'],
    ]);
    expect(history[1]!.createdAt).toBeInstanceOf(Date);

    // refused: opening again, and finalizing an open meeting; the 409 lists what is allowed and
    // nothing is written
    const before = await rowCounts(ds);
    const again = await refusal(() => meetings.open(m.id, m.version));
    expect(again).toMatchObject({
      code: 'MEETING_BAD_TRANSITION',
      kind: 'CONFLICT',
      message: 'Không thể chuyển hội nghị sang bước này.',
      extra: { allowedTransitions: ['VOTING', 'DRAFT'] },
    });
    const early = await refusal(() => meetings.finalize(m.id, { version: m.version }));
    expect(early).toMatchObject({
      code: 'MEETING_BAD_TRANSITION',
      extra: { allowedTransitions: ['VOTING', 'DRAFT'] },
    });
    expect(await rowCounts(ds)).toEqual(before);

    // a ballot: created (DRAFT), opened (DRAFT → OPEN) and the meeting follows (OPEN → VOTING)
    const [tier] = await ds.query<{ id: number }[]>(
      `SELECT "id" FROM "award_tier" WHERE "code" = 'PROV_MERIT'`,
    );
    m = await ballots.create(m.id, {
      tierId: Number(tier!.id),
      seats: 1,
      method: 'SECRET',
      nomineeUnitIds: members.slice(0, 2),
    });
    const ballot = m.ballots[0]!;
    m = await ballots.open(ballot.id, ballot.version);
    expect([m.status, m.ballots[0]!.status]).toEqual(['VOTING', 'OPEN']);
    expect(
      (await repo.ballotTransitions(ds.manager, ballot.id)).map((h) => [h.fromStatus, h.toStatus]),
    ).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'OPEN'],
    ]);
    expect(
      (await repo.meetingTransitions(ds.manager, m.id)).map((h) => [h.fromStatus, h.toStatus]),
    ).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'OPEN'],
      ['OPEN', 'VOTING'],
    ]);
    // the frozen rule and voters come back as typed records
    const record = (await repo.findBallot(ds.manager, ballot.id))!;
    expect(record.voters?.present).toEqual(members);
    expect(record.frozenRule?.text).toEqual(m.ballots[0]!.ruleText);
    expect(m.ballots[0]!.rule).toEqual(record.frozenRule?.rule);

    // refused: opening the open ballot again (same code as ever, allowed transitions added)
    const counted = await rowCounts(ds);
    const reopen = await refusal(() => ballots.open(ballot.id, m.ballots[0]!.version));
    expect(reopen).toMatchObject({
      code: 'BALLOT_NOT_DRAFT',
      kind: 'CONFLICT',
      extra: { allowedTransitions: ['DECIDED', 'TIE_PENDING'] },
    });
    expect(await rowCounts(ds)).toEqual(counted);
  });

  it('refuses stored JSON that does not decode with a coded integrity error', async () => {
    const [b] = await ds.query<{ id: number }[]>('SELECT "id" FROM "ballot" ORDER BY "id" LIMIT 1');
    await ds.query(
      `UPDATE "ballot" SET "voters_snapshot" = '{"present": "x"}' WHERE "id" = ${b!.id}`,
    );
    const e = await refusal(() => repo.findBallot(ds.manager, Number(b!.id)));
    expect(e).toMatchObject({
      code: 'MEETING_DATA_INVALID',
      details: [expect.objectContaining({ field: 'ballot.voters_snapshot' })],
    });
  });
});
