import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import type { TermDto } from '../../registry/blocs/dto/bloc.dto';
import { AppError } from '../../common/errors/app-error';
import { CriteriaService } from '../../criteria/criteria.service';
import type { CriteriaSetBodyDto, CriteriaSetDto } from '../../criteria/dto/criteria.dto';
import { PERMISSIONS, type Action } from '../../domain/auth/permissions';
import { SCORING_PHASE_LABELS, stageStatus, type ScoringPhase } from '../../domain/scoring/phase';
import {
  isActiveDuringYear,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type LineageKind,
} from '../../domain/registry/unit-types';
import { ProvincesService } from '../../registry/provinces/provinces.service';
import { provinceOptions } from '../core/province-options';
import type { ScoreSheetDto } from '../../scoring/dto/scoring.dto';
import type { ScoreStageCode } from '../../scoring/score-entry.entity';
import { ScoringService } from '../../scoring/scoring.service';
import type { UnitDto } from '../../registry/units/dto/unit.dto';
import { UnitsService } from '../../registry/units/units.service';
import { formatNumber } from '../core/format';
import { barChart, pageLinks, pointsInput } from './scoring-view';
import { holds, isNotFound, mayOpenUnit } from '../core/access';

export const STAGES: readonly ScoreStageCode[] = ['SELF', 'REVIEW', 'AGREED'];
export const STAGE_LABELS: Readonly<Record<ScoreStageCode, string>> = {
  SELF: 'Tự chấm',
  REVIEW: 'Thẩm định, chấm chéo',
  AGREED: 'Thống nhất',
};
const STAGE_STATUS_LABELS: Readonly<Record<string, string>> = {
  OPEN: 'đang mở',
  NOT_YET_OPEN: 'chưa mở',
  CLOSED: 'đã kết thúc',
};
const LINEAGE_LABELS: Readonly<Record<LineageKind, string>> = {
  MERGED_INTO: 'sáp nhập vào',
  SPLIT_INTO: 'chia tách thành',
  RENAMED_TO: 'đổi tên thành',
  TRANSFERRED_TO: 'chuyển giao cho',
};
const TIE_BREAK_LABELS: Readonly<Record<string, string>> = {
  GROUP_SCORE: 'Điểm một nhóm tiêu chí cao hơn',
  FEWER_PENALTY: 'Bị trừ ít điểm hơn',
  DRAW_ORDER: 'Số bốc thăm nhỏ hơn',
};

export const unitTypeOptions = UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }));

/** The write action of a stage's scores, the same as the API's `PUT scores/:unitId/:stage`. */
export function stageAction(stage: string): Action {
  return stage === 'SELF' ? 'scores.self.write' : 'scores.review.write';
}

export function openStage(phase: ScoringPhase): ScoreStageCode | null {
  return phase === 'SELF' || phase === 'REVIEW' || phase === 'AGREED' ? phase : null;
}

/** One row of a score sheet: a criterion, a bonus or a penalty item. */
export interface SheetItem {
  code: string;
  title: string;
  kind: 'criterion' | 'bonus' | 'penalty';
  group: string;
  max: number;
}

/** The items of a set in sheet order, with their kind and group. */
export function sheetItems(def: CriteriaSetBodyDto): SheetItem[] {
  return [
    ...def.groups.flatMap((g) =>
      g.criteria.map((c) => ({
        code: c.code,
        title: c.title,
        kind: 'criterion' as const,
        group: g.code,
        max: c.maxPoints,
      })),
    ),
    ...def.bonusItems.map((b) => ({
      code: b.code,
      title: b.title,
      kind: 'bonus' as const,
      group: 'cộng',
      max: b.cap,
    })),
    ...def.penaltyItems.map((p) => ({
      code: p.code,
      title: p.title,
      kind: 'penalty' as const,
      group: 'trừ',
      max: p.cap,
    })),
  ];
}

/** The sum of what has been entered so far (caps applied), even when some criteria are missing. */
export function runningTotal(
  def: CriteriaSetBodyDto,
  lines: readonly { code: string; value: number }[],
): number {
  const items = new Map(sheetItems(def).map((i) => [i.code, i]));
  let criteria = 0;
  let bonus = 0;
  let penalty = 0;
  for (const l of lines) {
    const kind = items.get(l.code)?.kind;
    if (kind === 'criterion') criteria += Math.round(l.value * 100);
    else if (kind === 'bonus') bonus += Math.round(l.value * 100);
    else if (kind === 'penalty') penalty += Math.round(l.value * 100);
  }
  const cap = (v: number, c: number) => Math.min(v, Math.round(c * 100));
  return (criteria + cap(bonus, def.bonusCap) - cap(penalty, def.penaltyCap)) / 100;
}

/**
 * View models of the registry, criteria, scores and ranking pages, built from the same services
 * as the API (no database code here).
 */
@Injectable()
export class ScoringPagesService {
  constructor(
    private readonly units: UnitsService,
    private readonly blocs: BlocsService,
    private readonly criteria: CriteriaService,
    private readonly scoring: ScoringService,
    private readonly provinces: ProvincesService,
  ) {}

  async unitList(filter: { q?: string; type?: string; page: number }) {
    const pageSize = 20;
    const type = UNIT_TYPES.find((t) => t === filter.type);
    const q = filter.q?.trim().slice(0, 100) || undefined;
    const r = await this.units.list({ q, type, page: filter.page, pageSize });
    const query = (p: number) => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (type) params.set('type', type);
      if (p > 1) params.set('page', String(p));
      const s = params.toString();
      return s ? `/web/units?${s}` : '/web/units';
    };
    return {
      filter: { q: q ?? '', type: type ?? '' },
      typeOptions: unitTypeOptions,
      items: r.items,
      total: r.total,
      page: r.page,
      pages: pageLinks(r.total, r.page, pageSize, query),
      hasMore: r.page * pageSize < r.total,
      next: query(r.page + 1),
      prev: r.page > 1 ? query(r.page - 1) : null,
    };
  }

  async provinceOptions(): Promise<{ value: number; label: string }[]> {
    return provinceOptions(await this.provinces.list());
  }

  async unit(unitId: number) {
    const unit = await this.units.get(unitId);
    const names = async (ids: number[]) => {
      const out = new Map<number, UnitDto>();
      for (const id of ids) {
        const u = await this.units.get(id).catch((e: unknown) => {
          if (isNotFound(e)) return null;
          throw e;
        });
        if (u) out.set(id, u);
      }
      return out;
    };
    const linked = await names([
      ...unit.successors.map((l) => l.successorId),
      ...unit.predecessors.map((l) => l.predecessorId),
    ]);
    const link = (id: number, kind: LineageKind, date: string, note: string | null) => ({
      id,
      name: linked.get(id)?.fullName ?? `#${id}`,
      kindLabel: LINEAGE_LABELS[kind],
      date,
      note,
    });
    const memberships: {
      year: number;
      blocId: number;
      blocName: string;
      role: string | null;
    }[] = [];
    const all = await this.blocs.list({ page: 1, pageSize: 500 });
    for (const b of all.items) {
      for (const t of await this.blocs.listTerms(b.id)) {
        if (!t.members.some((m) => m.id === unitId)) continue;
        memberships.push({
          year: t.year,
          blocId: b.id,
          blocName: b.name,
          role:
            t.headUnit?.id === unitId
              ? 'Trưởng khối'
              : t.deputyUnit?.id === unitId
                ? 'Phó khối'
                : null,
        });
      }
    }
    memberships.sort((a, b) => b.year - a.year);
    return {
      unit,
      successors: unit.successors.map((l) => link(l.successorId, l.kind, l.effectiveDate, l.note)),
      predecessors: unit.predecessors.map((l) =>
        link(l.predecessorId, l.kind, l.effectiveDate, l.note),
      ),
      memberships,
    };
  }

  async blocList() {
    const r = await this.blocs.list({ page: 1, pageSize: 500 });
    return {
      items: r.items.map((b) => ({ ...b, years: [...b.termYears].sort((x, y) => y - x) })),
    };
  }

  async bloc(blocId: number, auth: Authenticated) {
    const bloc = await this.blocs.get(blocId);
    const terms = (await this.blocs.listTerms(blocId)).sort((a, b) => b.year - a.year);
    const out = [];
    for (const t of terms) {
      const phase = await this.scoring.phase(blocId, t.year).catch((e: unknown) => {
        if (isNotFound(e)) return null;
        throw e;
      });
      out.push({
        ...t,
        base: `/web/blocs/${blocId}/terms/${t.year}`,
        phaseLabel: phase?.label ?? null,
        headOpen: t.headUnit ? mayOpenUnit(auth, 'unit.read', t.headUnit.id, blocId) : false,
        deputyOpen: t.deputyUnit ? mayOpenUnit(auth, 'unit.read', t.deputyUnit.id, blocId) : false,
        members: t.members.map((m) => ({
          ...m,
          open: mayOpenUnit(auth, 'unit.read', m.id, blocId),
          isHead: t.headUnit?.id === m.id,
          isDeputy: t.deputyUnit?.id === m.id,
        })),
      });
    }
    return { bloc, terms: out, canWrite: holds(auth, 'registry.write') };
  }

  /** The term form: every unit that exists during the year, the members ticked. */
  async termForm(blocId: number, year: number | null, term: TermDto | null) {
    const bloc = await this.blocs.get(blocId);
    const all = await this.units.list({ page: 1, pageSize: 500, provinceId: bloc.provinceId });
    const y = year ?? new Date().getFullYear();
    const units = all.items.filter((u) => year === null || isActiveDuringYear(u, y));
    const members = new Set(term?.members.map((m) => m.id) ?? []);
    return {
      bloc,
      term,
      year,
      units: units.map((u) => ({ ...u, checked: members.has(u.id) })),
      unitOptions: units.map((u) => ({ value: u.id, label: u.fullName })),
      stored: {
        year: year ?? '',
        headUnitId: term?.headUnit?.id ?? '',
        deputyUnitId: term?.deputyUnit?.id ?? '',
        secretaryName: term?.secretaryName ?? '',
        note: term?.note ?? '',
        version: term?.version ?? '',
      },
    };
  }

  async term(blocId: number, year: number): Promise<TermDto> {
    return this.blocs.getTerm(blocId, year);
  }

  /** The criteria page: the current set (signed, else the draft), every version, the draft's id. */
  async criteriaPage(blocId: number, year: number, auth: Authenticated) {
    const term = await this.blocs.getTerm(blocId, year);
    const versions = await this.criteria.list(blocId, year);
    const current = await this.criteria.current(blocId, year).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CRITERIA_SET_NONE') return null;
      throw e;
    });
    const draft = versions.find((v) => v.status === 'DRAFT') ?? null;
    const locked = versions.find((v) => v.status === 'LOCKED') ?? null;
    const phase = await this.scoring.phase(blocId, year);
    return {
      term,
      base: `/web/blocs/${blocId}/terms/${year}`,
      current: current ? this.setView(current) : null,
      versions: [...versions].sort((a, b) => b.versionNo - a.versionNo),
      draft,
      locked,
      phaseLabel: phase.label,
      closed: phase.phase === 'CLOSED',
      canWrite: holds(auth, 'criteria.write'),
      copyYears: (await this.blocs.get(blocId)).termYears.filter((y) => y !== year),
    };
  }

  setView(s: CriteriaSetDto) {
    const d = s.definition;
    return {
      ...s,
      groups: d.groups,
      bonusItems: d.bonusItems,
      penaltyItems: d.penaltyItems,
      tieBreak: d.tieBreak.map((k) =>
        k.kind === 'GROUP_SCORE'
          ? `${TIE_BREAK_LABELS[k.kind]} (nhóm ${k.groupCode ?? ''})`
          : (TIE_BREAK_LABELS[k.kind] ?? k.kind),
      ),
    };
  }

  async criteriaSet(setId: number): Promise<CriteriaSetDto> {
    return this.criteria.get(setId);
  }

  /**
   * The draft editor: stored rows plus blank rows to add (blank rows are ignored on submit).
   * Input names follow the DTO's paths without `definition.`: `groups.0.criteria.1.maxPoints`.
   */
  criteriaEditor(set: CriteriaSetDto) {
    const d = set.definition;
    const stored: Record<string, string> = {
      scale: String(d.scale),
      bonusCap: pointsInput(d.bonusCap),
      penaltyCap: pointsInput(d.penaltyCap),
      reason: set.reason ?? '',
      version: String(set.version),
    };
    const groups = [...d.groups, { code: '', title: '', maxPoints: NaN, criteria: [] }].map(
      (g, gi) => {
        const p = `groups.${gi}`;
        stored[`${p}.code`] = g.code;
        stored[`${p}.title`] = g.title;
        stored[`${p}.maxPoints`] = pointsInput(g.maxPoints);
        const rows = [
          ...g.criteria,
          ...Array.from({ length: g.criteria.length ? 2 : 4 }, () => null),
        ];
        return {
          index: gi,
          prefix: p,
          isNew: g.code === '',
          criteria: rows.map((c, ci) => {
            const cp = `${p}.criteria.${ci}`;
            stored[`${cp}.code`] = c?.code ?? '';
            stored[`${cp}.title`] = c?.title ?? '';
            stored[`${cp}.maxPoints`] = pointsInput(c?.maxPoints);
            stored[`${cp}.guide`] = c?.guide ?? '';
            return { prefix: cp, index: ci };
          }),
        };
      },
    );
    const adjust = (list: 'bonusItems' | 'penaltyItems') =>
      [...d[list], null, null].map((b, i) => {
        const p = `${list}.${i}`;
        stored[`${p}.code`] = b?.code ?? '';
        stored[`${p}.title`] = b?.title ?? '';
        stored[`${p}.cap`] = pointsInput(b?.cap);
        return { prefix: p, index: i };
      });
    const bonusItems = adjust('bonusItems');
    const penaltyItems = adjust('penaltyItems');
    const tieBreak = [0, 1, 2].map((i) => {
      const k = d.tieBreak[i];
      stored[`tieBreak.${i}.kind`] = k?.kind ?? '';
      stored[`tieBreak.${i}.groupCode`] = k?.groupCode ?? '';
      return { prefix: `tieBreak.${i}`, index: i };
    });
    return {
      groups,
      bonusItems,
      penaltyItems,
      tieBreak,
      stored,
      known: new Set(Object.keys(stored)),
      needsReason: set.versionNo > 1,
      scaleOptions: [
        { value: '100', label: 'Thang 100 điểm' },
        { value: '1000', label: 'Thang 1.000 điểm' },
      ],
      tieBreakOptions: Object.entries(TIE_BREAK_LABELS).map(([value, label]) => ({ value, label })),
    };
  }

  /**
   * The score grid: per unit, the total of each stage (complete) or the running total of what was
   * entered so far, and the group subtotals of the shown stage.
   */
  async grid(blocId: number, year: number, auth: Authenticated, stageAsked: unknown) {
    const term = await this.blocs.getTerm(blocId, year);
    const phase = await this.scoring.phase(blocId, year);
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
          const sheet = await this.scoring.sheet(blocId, year, u.id, s);
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
    const phase = await this.scoring.phase(blocId, year);
    const set = await this.criteria.current(blocId, year).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CRITERIA_SET_NONE') return null;
      throw e;
    });
    const sheets = {} as Record<ScoreStageCode, ScoreSheetDto>;
    for (const s of STAGES) sheets[s] = await this.scoring.sheet(blocId, year, unitId, s);
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
    const r = await this.scoring.ranking(blocId, year);
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
