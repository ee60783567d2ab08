import * as fs from 'node:fs';
import * as path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AwardTiersService } from '../award-tiers/award-tiers.service';
import { UsersService } from '../auth/users.service';
import type { Role } from '../domain/auth/permissions';
import { BlocsService } from '../registry/blocs/blocs.service';
import { BallotsService } from '../meetings/ballots.service';
import { MeetingsService } from '../meetings/meetings.service';
import { NominationsService } from '../nominations/nominations.service';
import { ScoringPhasesService } from '../scoring/scoring-phases.service';
import { shortDate } from '../domain/documents/format';
import { UnitsService } from '../registry/units/units.service';
import { SEED_DIR } from './seed-runner';
import { viDate } from '../domain/common/vi-date';

interface MeetingSeed {
  blocCode: string;
  year: number;
  /** The day the bloc closed the year's scoring, before the meeting that uses it. */
  scoringClosedOn: string;
  meeting: {
    meetingDate: string;
    startTime: string;
    endTime: string;
    place: string;
    chairName: string;
    chairTitle: string;
    secretaryName: string;
    countingCommittee: { name: string; role: 'Trưởng ban' | 'Thành viên' }[];
    guests: string[];
    agenda: string[];
  };
  nominations: {
    unitCode: string;
    tierCode: string;
    achievementSummary: string;
    acknowledgements?: { code: string; reason: string }[];
  }[];
  ballots: {
    tierCode: string;
    seats: number;
    counts: {
      ballotsIssued: number;
      ballotsReturned: number;
      valid: number;
      invalid: number;
      nominees: { unitCode: string; agree: number; disagree: number; noOpinion: number }[];
    };
  }[];
  enteredBy: [string, string];
}

/**
 * Replays the Hải Dương 2023 year-end meeting of 28/03/2024 through the same services as the API:
 * nominations, attendance (12 of 12), three secret ballots entered twice, tallies, finalization.
 * Runs only when that bloc term has neither a meeting nor a nomination yet.
 */
@Injectable()
export class DemoMeetingSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly blocs: BlocsService,
    private readonly units: UnitsService,
    private readonly tiers: AwardTiersService,
    private readonly nominations: NominationsService,
    private readonly meetings: MeetingsService,
    private readonly ballots: BallotsService,
    private readonly users: UsersService,
    private readonly scoring: ScoringPhasesService,
  ) {}

  /** Creates the demo accounts of the sample data set that do not exist yet (isDemo, shown as such). */
  async demoAccounts(): Promise<string[]> {
    const file = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'demo-accounts.json'), 'utf8')) as {
      password: string;
      accounts: {
        username: string;
        displayName: string;
        role: Role;
        blocCodes?: string[];
        unitCode?: string;
      }[];
    };
    const existing = new Set((await this.users.list()).map((u) => u.username));
    const blocs = (await this.blocs.list({ pageSize: 500 })).items;
    const units = (await this.units.list({ pageSize: 500 })).items;
    const created: string[] = [];
    for (const a of file.accounts) {
      if (existing.has(a.username)) continue;
      const blocIds = (a.blocCodes ?? [])
        .map((c) => blocs.find((b) => b.code === c)?.id)
        .filter((x): x is number => x !== undefined);
      const unitId = a.unitCode ? units.find((u) => u.code === a.unitCode)?.id : undefined;
      if ((a.blocCodes && blocIds.length === 0) || (a.unitCode && unitId === undefined)) continue;
      await this.users.create(
        {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          password: file.password,
          blocIds: a.blocCodes ? blocIds : undefined,
          unitId,
        },
        true,
      );
      created.push(a.username);
    }
    if (created.length > 0)
      this.logger.warn(
        `Tài khoản DEMO (mật khẩu "${file.password}"): ${created.join(', ')}. Không dùng SEED_DEMO khi triển khai thật.`,
      );
    return created;
  }

  async run(): Promise<boolean> {
    const seed = JSON.parse(
      fs.readFileSync(path.join(SEED_DIR, 'meeting-2024-03-28.json'), 'utf8'),
    ) as MeetingSeed;
    const bloc = (await this.blocs.list({ pageSize: 500 })).items.find(
      (b) => b.code === seed.blocCode,
    );
    if (!bloc) return false;
    if (
      (await this.meetings.list(bloc.id, seed.year)).length > 0 ||
      (await this.nominations.listForTerm(bloc.id, seed.year)).length > 0
    )
      return false;
    const units = (await this.units.list({ pageSize: 500 })).items;
    const unitId = (code: string) => units.find((u) => u.code === code)!.id;
    const tiers = await this.tiers.list();
    const tierId = (code: string) => tiers.find((t) => t.code === code)!.id;

    // The meeting uses closed scores: the year's scoring is closed before it (seeded as AGREED).
    if ((await this.scoring.phase(bloc.id, seed.year)).phase === 'AGREED')
      await this.scoring.advance(bloc.id, seed.year, {
        to: 'CLOSED',
        reason: `Chốt kết quả chấm điểm năm ${seed.year} ngày ${shortDate(seed.scoringClosedOn)}, trước hội nghị bình xét ngày ${shortDate(seed.meeting.meetingDate)} (dữ liệu mẫu).`,
      });
    for (const n of seed.nominations) {
      await this.nominations.create(bloc.id, seed.year, {
        unitId: unitId(n.unitCode),
        tierId: tierId(n.tierCode),
        achievementSummary: n.achievementSummary,
        acknowledgements: n.acknowledgements,
      });
    }
    let m = await this.meetings.create(bloc.id, seed.year, { ...seed.meeting, isRehearsal: false });
    const term = await this.blocs.getTerm(bloc.id, seed.year);
    m = await this.meetings.setAttendance(m.id, {
      version: m.version,
      rows: term.members.map((u) => ({ unitId: u.id, present: true })),
    });
    m = await this.meetings.open(m.id, m.version);
    for (const b of seed.ballots) {
      m = await this.ballots.create(m.id, {
        tierId: tierId(b.tierCode),
        seats: b.seats,
        method: 'SECRET',
      });
      const ballot = m.ballots.find((x) => x.tierId === tierId(b.tierCode))!;
      m = await this.ballots.open(ballot.id, ballot.version);
      const counts = {
        ...b.counts,
        nominees: b.counts.nominees.map(({ unitCode, ...rest }) => ({
          unitId: unitId(unitCode),
          ...rest,
        })),
      };
      for (const who of seed.enteredBy)
        m = await this.ballots.submitEntry(ballot.id, { enteredBy: who, counts });
    }
    m = await this.meetings.finalize(m.id, { version: m.version, endTime: seed.meeting.endTime });
    await this.demoAccounts();
    this.logger.log(
      `Đã tái hiện hội nghị ngày ${viDate(seed.meeting.meetingDate)}: ${m.ballots.length} phiếu bầu, trạng thái "${m.statusLabel}".`,
    );
    return true;
  }
}
