import { formatDate } from './format';
import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { AppError } from '../../common/errors/app-error';
import { PERMISSIONS } from '../../domain/auth/permissions';
import { MeetingsService } from '../../meetings/meetings.service';
import { NominationsService } from '../../nominations/nominations.service';
import { ScoringPhasesService } from '../../scoring/scoring-phases.service';
import { isNotFound } from './access';

export interface DashboardBloc {
  id: number;
  name: string;
  kindLabel: string;
  memberCount: number | null;
  phaseLabel: string | null;
  meetings: { id: number; label: string; status: string; statusLabel: string; date: string }[];
  nominations: { statusLabel: string; count: number }[];
  /** What still has to be done this year, in order. */
  late: string[];
}

export interface DashboardModel {
  year: number;
  years: number[];
  blocs: DashboardBloc[];
  lateCount: number;
}

/**
 * The year at a glance: each bloc the user may see, its scoring phase, its meeting, its
 * nominations, and what is late. Staff and viewers see every bloc of the province; a secretary
 * the blocs assigned to them; a unit's representative the blocs its unit belongs to that year.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly blocs: BlocsService,
    private readonly scoring: ScoringPhasesService,
    private readonly meetings: MeetingsService,
    private readonly nominations: NominationsService,
  ) {}

  async build(auth: Authenticated, yearRaw: unknown): Promise<DashboardModel> {
    const all = await this.blocs.list({ page: 1, pageSize: 500 });
    const years = [...new Set(all.items.flatMap((b) => b.termYears))].sort((a, b) => b - a);
    const asked = typeof yearRaw === 'string' && /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
    const year = years.includes(asked) ? asked : await this.workingYear(all.items, years);
    const grant = PERMISSIONS['term.read'][auth.user.role];
    const out: DashboardBloc[] = [];
    for (const b of all.items.filter((x) => x.termYears.includes(year))) {
      if (grant === undefined) continue;
      if (grant === 'OWN_BLOC' && !auth.user.blocIds.includes(b.id)) continue;
      const term = await this.blocs.getTerm(b.id, year).catch((e: unknown) => {
        if (isNotFound(e)) return null;
        throw e;
      });
      if (grant === 'OWN_UNIT' && !term?.members.some((m) => m.id === auth.user.unitId)) continue;
      out.push(await this.blocSummary(b, year, term?.memberCount ?? null));
    }
    return { year, years, blocs: out, lateCount: out.reduce((n, b) => n + b.late.length, 0) };
  }

  /**
   * The year being worked on: the latest one in which some bloc has started scoring. A term created
   * ahead (next year's, by the meeting that elected its head) does not move the dashboard there.
   */
  private async workingYear(
    blocs: readonly { id: number; termYears: number[] }[],
    years: readonly number[],
  ): Promise<number> {
    for (const y of years)
      for (const b of blocs.filter((x) => x.termYears.includes(y))) {
        const phase = await this.scoring.phase(b.id, y).catch(() => null);
        if (phase && phase.phase !== 'NOT_STARTED') return y;
      }
    return years[0] ?? new Date().getFullYear();
  }

  private async blocSummary(
    b: { id: number; name: string; kindLabel: string },
    year: number,
    memberCount: number | null,
  ): Promise<DashboardBloc> {
    const late: string[] = [];
    const phase = await this.scoring.phase(b.id, year).catch((e: unknown) => {
      if (isNotFound(e) || (e instanceof AppError && e.kind === 'RULE_VIOLATION')) return null;
      throw e;
    });
    if (!phase) late.push('Chưa ký giao ước, chưa có bộ tiêu chí chấm điểm.');
    else if (phase.phase !== 'CLOSED') late.push(`Chấm điểm chưa chốt (đang: ${phase.label}).`);
    const meetings = (await this.meetings.list(b.id, year)).filter((m) => !m.isRehearsal);
    if (meetings.length === 0) late.push('Chưa có cuộc họp bình xét cuối năm.');
    else if (!meetings.some((m) => m.status === 'FINALIZED'))
      late.push('Cuộc họp bình xét chưa chốt kết quả.');
    // Counts only: the nominations' rule checks are not needed here (they re-run on every read).
    const noms = await this.nominations.statusCounts(b.id, year);
    if (noms.length > 0 && noms.every((n) => n.status === 'DRAFT'))
      late.push('Các đề nghị khen thưởng còn ở dạng nháp.');
    return {
      id: b.id,
      name: b.name,
      kindLabel: b.kindLabel,
      memberCount,
      phaseLabel: phase?.label ?? null,
      meetings: meetings.map((m) => ({
        id: m.id,
        label: `Họp ngày ${formatDate(m.meetingDate)}`,
        status: m.status,
        statusLabel: m.statusLabel,
        date: m.meetingDate,
      })),
      nominations: noms.map(({ statusLabel, count }) => ({ statusLabel, count })),
      late,
    };
  }
}
