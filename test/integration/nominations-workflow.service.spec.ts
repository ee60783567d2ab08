import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DatabaseLifecycle } from '../../src/app/database-lifecycle';
import { ENTITIES } from '../../src/app/entities';
import { AuditLogEntity } from '../../src/audit/audit-log.entity';
import { AuditModule } from '../../src/audit/audit.module';
import { AwardTierEntity } from '../../src/award-tiers/award-tier.entity';
import { BlocTermEntity } from '../../src/registry/blocs/bloc-term.entity';
import { AppError } from '../../src/common/errors/app-error';
import { AppConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { MeetingEntity } from '../../src/meetings/meeting.entity';
import type { NominationDto } from '../../src/nominations/dto/nomination.dto';
import { NominationEntity } from '../../src/nominations/nomination.entity';
import { NominationWorkflowService } from '../../src/nominations/nomination-workflow.service';
import { NominationsModule } from '../../src/nominations/nominations.module';
import { NominationsRepository } from '../../src/nominations/nominations.repository';
import { NominationsService } from '../../src/nominations/nominations.service';
import { UnitEntity } from '../../src/registry/units/unit.entity';
import { rowCounts } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * The nomination workflow as a service (no HTTP): the nominations feature alone on a real, migrated
 * database holding the Hải Dương 2023 reference data. The cases run in order on one database, as
 * a nomination's life does: drafts, proposal, submission, the council's vote.
 */
describe('NominationWorkflowService on a real database', () => {
  let tdb: TestDatabase;
  let moduleRef: TestingModule;
  let ds: DataSource;
  let nominations: NominationsService;
  let workflow: NominationWorkflowService;
  let termId: number;
  let blocId: number;
  const drafts: Record<string, NominationDto> = {};

  const summary = 'Hoàn thành xuất sắc nhiệm vụ năm 2023; dẫn đầu các phong trào thi đua của khối.';
  const councilOf15 = { members: 15, present: 14, valid: 14, councilDate: '2024-03-20' };

  /** The nomination as stored now (status and version), to act on its current version. */
  const stored = (id: number) => ds.getRepository(NominationEntity).findOneByOrFail({ id });

  /** Calls `act`, expects it to throw the coded error, and proves that it wrote nothing. */
  async function refused(act: () => Promise<unknown>, code: string): Promise<AppError> {
    const before = await rowCounts(ds);
    const error = await act().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect(await rowCounts(ds)).toEqual(before);
    return error as AppError;
  }

  /** Moves a nomination forward by hand (proposal, submission) on its current version. */
  async function move(id: number, to: 'PROPOSED' | 'SUBMITTED'): Promise<NominationDto> {
    return workflow.transition(id, { to, version: (await stored(id)).version });
  }

  beforeAll(async () => {
    tdb = await createTestDatabase({ SEED_DEMO: true });
    moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(tdb.config),
        DatabaseModule.forRoot(tdb.config, { entities: ENTITIES, lifecycle: DatabaseLifecycle }),
        AuditModule,
        NominationsModule,
      ],
    })
      .setLogger({
        log: () => undefined,
        warn: () => undefined,
        error: (m) => console.error(m),
        debug: () => undefined,
        verbose: () => undefined,
      })
      .compile();
    await moduleRef.init(); // migrates and loads the reference data (DatabaseLifecycle)
    ds = moduleRef.get<DataSource>(getDataSourceToken());
    nominations = moduleRef.get(NominationsService);
    workflow = moduleRef.get(NominationWorkflowService);

    const term = await ds.getRepository(BlocTermEntity).findOneByOrFail({ year: 2023 });
    termId = term.id;
    blocId = term.blocId;
    const unit = async (shortName: string) =>
      (await ds.getRepository(UnitEntity).findOneByOrFail({ shortName })).id;
    const tier = async (code: string) =>
      (await ds.getRepository(AwardTierEntity).findOneByOrFail({ code })).id;
    const draft = async (shortName: string, tierCode: string, ack?: string) =>
      nominations.create(blocId, 2023, {
        unitId: await unit(shortName),
        tierId: await tier(tierCode),
        achievementSummary: summary,
        acknowledgements: ack
          ? [{ code: ack, reason: 'Đơn vị dẫn đầu được đề nghị cờ của Chính phủ' }]
          : [],
      });
    drafts.hd = await draft('Hải Dương', 'GOV_FLAG');
    drafts.cg = await draft('Cẩm Giàng', 'PROV_FLAG', 'NOT_LEADER');
    drafts.gl = await draft('Gia Lộc', 'PROV_MERIT');
    drafts.kt = await draft('Kim Thành', 'PROV_MERIT');
  });

  afterAll(async () => {
    await moduleRef?.close();
    await tdb?.drop();
  });

  it('moves a draft to a proposal through the domain table, with one history row and one audit row', async () => {
    const before = await rowCounts(ds);
    const out = await workflow.transition(drafts.hd!.id, {
      to: 'PROPOSED',
      version: drafts.hd!.version,
    });

    expect(out.status).toBe('PROPOSED');
    expect(out.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'PROPOSED'],
    ]);
    expect(out.allowedTransitions).toEqual(['SUBMITTED', 'DRAFT', 'WITHDRAWN']);
    expect(await stored(drafts.hd!.id)).toMatchObject({
      status: 'PROPOSED',
      version: drafts.hd!.version + 1,
    });
    const after = await rowCounts(ds);
    expect(after).toEqual({
      ...before,
      nomination_transition: before.nomination_transition! + 1,
      audit_log: before.audit_log! + 1,
    });
    const audit = await ds
      .getRepository(AuditLogEntity)
      .findOneOrFail({ where: {}, order: { id: 'DESC' } });
    expect(audit).toMatchObject({
      action: 'nomination.proposed',
      entityType: 'nomination',
      entityId: String(drafts.hd!.id),
    });
  });

  it('refuses a transition the table does not allow with its code and the allowed ones, writing nothing', async () => {
    const gl = drafts.gl!;
    const error = await refused(
      () => workflow.transition(gl.id, { to: 'SUBMITTED', version: gl.version }),
      'NOMINATION_BAD_TRANSITION',
    );
    expect(error.kind).toBe('CONFLICT');
    expect(error.extra).toEqual({ allowedTransitions: ['PROPOSED', 'WITHDRAWN'] });
    expect(error.message).toBe('Không thể chuyển hồ sơ từ "dự thảo" sang "đã gửi tỉnh".');

    // a step that the table allows but that needs a reason, and a stale version
    await refused(
      () => workflow.transition(gl.id, { to: 'WITHDRAWN', version: gl.version }),
      'NOMINATION_REASON_REQUIRED',
    );
    await refused(
      () => workflow.transition(gl.id, { to: 'PROPOSED', version: gl.version + 1 }),
      'VERSION_CONFLICT',
    );
    expect((await stored(gl.id)).status).toBe('DRAFT');
  });

  it('passes a flag with 13 of 15 council members and cuts a certificate with 7 of 15', async () => {
    for (const n of [drafts.cg!, drafts.kt!]) {
      await move(n.id, 'PROPOSED');
      await move(n.id, 'SUBMITTED');
    }
    // flags need ≥ 70 % of all members (11 of 15), certificates > 50 % (8 of 15)
    const passed = await workflow.councilVote(drafts.cg!.id, {
      ...councilOf15,
      agree: 13,
      version: (await stored(drafts.cg!.id)).version,
    });
    expect(passed.status).toBe('PASSED');
    expect(passed.council).toEqual({ agree: 13, members: 15, date: '2024-03-20' });
    expect(passed.history.at(-1)!.reason).toContain('13/15');
    expect(passed.allowedTransitions).toEqual(['DECIDED', 'REJECTED']);

    const cut = await workflow.councilVote(drafts.kt!.id, {
      ...councilOf15,
      agree: 7,
      version: (await stored(drafts.kt!.id)).version,
    });
    expect(cut.status).toBe('CUT');
    expect(cut.history.at(-1)).toMatchObject({ from: 'SUBMITTED', to: 'CUT' });
    expect(cut.history.at(-1)!.reason).toContain('7/15 phiếu đồng ý');
    expect(cut.history.at(-1)!.reason).toContain('không đạt');
    expect(cut.allowedTransitions).toEqual([]);
    expect(await stored(drafts.kt!.id)).toMatchObject({ status: 'CUT', councilAgree: 7 });
  });

  it('refuses a council vote without quorum or on a nomination not submitted, writing nothing', async () => {
    const gl = drafts.gl!;
    await refused(
      () => workflow.councilVote(gl.id, { ...councilOf15, agree: 9, version: gl.version }),
      'NOMINATION_BAD_TRANSITION',
    );
    await move(gl.id, 'PROPOSED');
    await move(gl.id, 'SUBMITTED');
    const version = (await stored(gl.id)).version;
    // 9 present of 15 is short of the two-thirds quorum
    await refused(
      () =>
        workflow.councilVote(gl.id, {
          ...councilOf15,
          present: 9,
          valid: 9,
          agree: 9,
          version,
        }),
      'COUNCIL_NO_QUORUM',
    );
    expect(await stored(gl.id)).toMatchObject({ status: 'SUBMITTED', version, councilAgree: null });
  });

  it("refuses a council date before the bloc's finalized meeting, read from the meeting table", async () => {
    const meeting = (over: Partial<MeetingEntity>) => ({
      termId,
      startTime: '08:00',
      place: 'Hội trường UBND tỉnh',
      chairName: 'Chủ tọa',
      secretaryName: 'Thư ký',
      countingCommittee: '[]',
      guests: '[]',
      agenda: '[]',
      ...over,
    });
    await ds.getRepository(MeetingEntity).insert([
      meeting({
        status: 'CORRECTED',
        isRehearsal: false,
        meetingDate: '2024-04-05',
        versionNo: 1,
      }),
      meeting({
        status: 'FINALIZED',
        isRehearsal: false,
        meetingDate: '2024-04-10',
        versionNo: 2,
      }),
      meeting({
        status: 'FINALIZED',
        isRehearsal: true,
        meetingDate: '2024-06-01',
        versionNo: 3,
      }),
    ]);
    const repo = moduleRef.get(NominationsRepository);
    expect(await repo.blocMeetingDate(ds.manager, termId)).toBe('2024-04-10');

    const gl = drafts.gl!;
    const version = (await stored(gl.id)).version;
    const vote = { ...councilOf15, agree: 12, version };
    const error = await refused(
      () => workflow.councilVote(gl.id, { ...vote, councilDate: '2024-04-09' }),
      'NOMINATION_DATE_BEFORE_MEETING',
    );
    expect(error.kind).toBe('RULE_VIOLATION');
    const passed = await workflow.councilVote(gl.id, { ...vote, councilDate: '2024-04-10' });
    expect(passed.status).toBe('PASSED');
  });
});
