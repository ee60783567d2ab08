import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { AppError } from '../../common/errors/app-error';
import { CriteriaService } from '../../criteria/criteria.service';
import { PERMISSIONS } from '../../domain/auth/permissions';
import { SCORING_PHASE_LABELS, stageStatus, type ScoringPhase } from '../../domain/scoring/phase';
import type { ScoreSheetDto } from '../../scoring/dto/scoring.dto';
import type { ScoreStageCode } from '../../scoring/score-entry.entity';
import { RankingService } from '../../scoring/ranking.service';
import { ScoreLinesService } from '../../scoring/score-lines.service';
import { ScoringPhasesService } from '../../scoring/scoring-phases.service';
import { holds } from '../core/access';
import { formatNumber } from '../core/format';
import {
  openStage,
  runningTotal,
  sheetItems,
  stageAction,
  STAGE_LABELS,
  STAGE_STATUS_LABELS,
  STAGES,
} from './score-items';
import { barChart, pointsInput } from './scoring-view';

/**
 * View models of the scores pages (the grid, a unit's sheet, the ranking), built from the same
 * services as the API. Running totals come from the domain's totals (src/domain/scoring/totals.ts).
 */
@Injectable()
export class ScoresPagesService {
  constructor(
    private readonly blocs: BlocsService,
    private readonly criteria: CriteriaService,
    private readonly phases: ScoringPhasesService,
    private readonly lines: ScoreLinesService,
    private readonly rankings: RankingService,
  ) {}

  /**
   * The score grid: per unit, the total of each stage (complete) or the running total of what was
   * entered so far, and the group subtotals of the shown stage.
   */
  async grid(blocId: number, year: number, auth: Authenticated, stageAsked: unknown) {
    const term = await this.blocs.getTerm(blocId, year);
    const phase = await this.phases.phase(blocId, year);
    const current = await this.criteria.current(blocId, year).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CRITERIA_SET_NONE') return null;
      throw e;
    });
    const set = current?.status === 'LOCKED' ? current : null;
    const open = openStage(phase.phase);
    const stage: ScoreStageCode = STAGES.find((s) => s === stageAsked) ?? open ?? 'AGREED';
    const groups = set?.definition.groups ?? [];
    const criteriaCount = groups.reduce((n, g) => n + g.criteria.length, 0);
    const rows = [];
    const sums = { SELF: 0, REVIEW: 0, AGREED: 0 } as Record<ScoreStageCode, number>;
    // A unit's representative reads only their own unit's sheet (`unit.read` = OWN_UNIT): the
    // other members' scores, group subtotals and the bloc's sums are not theirs to see.
    const ownUnitOnly = PERMISSIONS['unit.read'][auth.user.role] === 'OWN_UNIT';
    const members = ownUnitOnly
      ? term.members.filter((m) => m.id === auth.user.unitId)
      : term.members;
    for (const u of members) {
      const stages: Record<
        string,
        { total: number | null; running: number; entered: number; complete: boolean }
      > = {};
      let shown: ScoreSheetDto | null = null;
      if (set) {
        for (const s of STAGES) {
          const sheet = await this.lines.sheet(blocId, year, u.id, s);
          if (s === stage) shown = sheet;
          const running = runningTotal(set.definition, sheet.lines);
          sums[s] += running;
          stages[s] = {
            total: sheet.totals?.grandTotal ?? null,
            running,
            entered: criteriaCount - sheet.missing.length,
            complete: sheet.missing.length === 0 && sheet.totals !== null,
          };
        }
      }
      const subtotal = new Map(shown?.totals?.groups.map((g) => [g.groupCode, g.subtotal]) ?? []);
      const entered = new Map<string, number>();
      if (shown && set)
        for (const l of shown.lines) {
          const g = groups.find((x) => x.criteria.some((c) => c.code === l.code));
          if (g) entered.set(g.code, (entered.get(g.code) ?? 0) + l.value);
        }
      rows.push({
        unit: u,
        href: `/web/blocs/${blocId}/terms/${year}/scores/${u.id}`,
        self: stages.SELF ?? null,
        review: stages.REVIEW ?? null,
        agreed: stages.AGREED ?? null,
        groups: groups.map((g) => ({
          code: g.code,
          value: subtotal.get(g.code) ?? Math.round((entered.get(g.code) ?? 0) * 100) / 100,
          complete: subtotal.has(g.code),
        })),
        bonus: shown?.totals?.bonusTotal ?? null,
        penalty: shown?.totals?.penaltyTotal ?? null,
      });
    }
    const review = holds(auth, 'scores.review.write');
    return {
      term,
      base: `/web/blocs/${blocId}/terms/${year}`,
      phase,
      set,
      stage,
      stageLabel: STAGE_LABELS[stage],
      stageLinks: STAGES.map((s) => ({
        stage: s,
        label: STAGE_LABELS[s],
        current: s === stage,
        statusLabel: STAGE_STATUS_LABELS[stageStatus(phase.phase, s)],
      })),
      groups,
      criteriaCount,
      rows,
      sums,
      canAdvance: holds(auth, 'scoring.manage') && phase.allowedTransitions.length > 0,
      advanceOptions: phase.allowedTransitions.map((p) => ({
        value: p,
        label: SCORING_PHASE_LABELS[p],
      })),
      history: phase.history.map((h) => ({
        ...h,
        fromLabel: SCORING_PHASE_LABELS[h.from as ScoringPhase] ?? h.from,
        toLabel: SCORING_PHASE_LABELS[h.to as ScoringPhase] ?? h.to,
      })),
      canImport: review && open !== null && set !== null,
      importStage: open,
      importStageLabel: open ? STAGE_LABELS[open] : null,
      exportStage: stage,
      ownUnitOnly,
      // The Excel export holds every member's scores at every stage: for those who run the scoring.
      canExport: holds(auth, 'scoring.manage'),
    };
  }

  /** One unit's score sheet: every item with the three stages and the open stage's inputs. */
  async sheet(blocId: number, year: number, unitId: number, auth: Authenticated) {
    const term = await this.blocs.getTerm(blocId, year);
    const phase = await this.phases.phase(blocId, year);
    const set = await this.criteria.current(blocId, year).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CRITERIA_SET_NONE') return null;
      throw e;
    });
    const sheets = {} as Record<ScoreStageCode, ScoreSheetDto>;
    for (const s of STAGES) sheets[s] = await this.lines.sheet(blocId, year, unitId, s);
    const open = openStage(phase.phase);
    const locked = set?.status === 'LOCKED' ? set : null;
    const items = locked ? sheetItems(locked.definition) : [];
    const stored: Record<string, string> = {};
    const byCode = (s: ScoreStageCode) => new Map(sheets[s].lines.map((l) => [l.code, l]));
    const lines = { SELF: byCode('SELF'), REVIEW: byCode('REVIEW'), AGREED: byCode('AGREED') };
    const prevStage: Record<ScoreStageCode, ScoreStageCode | null> = {
      SELF: null,
      REVIEW: 'SELF',
      AGREED: 'REVIEW',
    };
    const prev = open ? prevStage[open] : null;
    const rows = items.map((it) => {
      const mine = open ? lines[open].get(it.code) : undefined;
      const before = prev ? lines[prev].get(it.code) : undefined;
      const name = `lines.${it.code}`;
      stored[`${name}.value`] = pointsInput(mine?.value);
      stored[`${name}.reason`] = mine?.reason ?? '';
      return {
        ...it,
        name,
        id: `l-${it.code.replace(/[^A-Za-z0-9_-]/g, '_')}`,
        self: lines.SELF.get(it.code) ?? null,
        review: lines.REVIEW.get(it.code) ?? null,
        agreed: lines.AGREED.get(it.code) ?? null,
        version: mine?.version ?? '',
        previous: before ? pointsInput(before.value) : '',
        previousText: before?.valueText ?? '',
        maxText: pointsInput(it.max),
      };
    });
    const groupTitles = new Map(locked?.definition.groups.map((g) => [g.code, g.title]) ?? []);
    const sections: { title: string; code: string; rows: typeof rows }[] = [];
    for (const r of rows) {
      const key = r.kind === 'criterion' ? r.group : r.kind;
      let sec = sections.find((s) => s.code === key);
      if (!sec) {
        sec = {
          code: key,
          title:
            r.kind === 'criterion'
              ? `Nhóm ${r.group}. ${groupTitles.get(r.group) ?? ''}`
              : r.kind === 'bonus'
                ? 'Điểm cộng'
                : 'Điểm trừ',
          rows: [],
        };
        sections.push(sec);
      }
      sec.rows.push(r);
    }
    const totals = STAGES.map((s) => ({
      stage: s,
      label: STAGE_LABELS[s],
      total: sheets[s].totals?.grandTotal ?? null,
      running: locked ? runningTotal(locked.definition, sheets[s].lines) : 0,
      missing: sheets[s].missing.length,
      warnings: sheets[s].warnings,
    }));
    const unit = sheets.AGREED.unit;
    return {
      term,
      unit,
      base: `/web/blocs/${blocId}/terms/${year}`,
      phase,
      set: locked,
      sections,
      stored,
      known: new Set(Object.keys(stored)),
      codes: items.map((i) => i.code),
      open,
      openLabel: open ? STAGE_LABELS[open] : null,
      prevLabel: prev ? STAGE_LABELS[prev] : null,
      reasonRule:
        prev === null
          ? null
          : `Điểm khác điểm ${STAGE_LABELS[prev].toLowerCase()} phải ghi lý do (R12).`,
      canEnter: open !== null && locked !== null && holds(auth, stageAction(open)),
      totals,
      bonusCap: locked?.definition.bonusCap ?? 0,
      penaltyCap: locked?.definition.penaltyCap ?? 0,
      scale: locked?.definition.scale ?? null,
    };
  }

  async ranking(blocId: number, year: number) {
    const term = await this.blocs.getTerm(blocId, year);
    const r = await this.rankings.ranking(blocId, year);
    const set = await this.criteria.current(blocId, year).catch(() => null);
    const scale = set?.definition.scale ?? 1000;
    const chart = barChart(
      r.entries.map((e) => ({
        label: e.unit.fullName,
        unitCode: e.unit.code,
        total: e.totals.grandTotal,
        rank: e.rank,
      })),
      scale,
      (n) => formatNumber(n),
    );
    const groupCodes = set?.definition.groups.map((g) => g.code) ?? [];
    return {
      term,
      base: `/web/blocs/${blocId}/terms/${year}`,
      ranking: r,
      scale,
      chart,
      groupCodes,
      entries: r.entries.map((e) => ({
        ...e,
        groups: groupCodes.map(
          (c) => e.totals.groups.find((g) => g.groupCode === c)?.subtotal ?? null,
        ),
      })),
      chartLabel: r.complete
        ? `Biểu đồ cột tổng điểm thi đua năm ${year} của ${r.entries.length} đơn vị, theo thứ tự xếp hạng.`
        : `Biểu đồ cột tổng điểm của ${r.entries.length} đơn vị đã đủ điểm; bảng xếp hạng chưa đầy đủ.`,
    };
  }
}
