import { AuditService } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import type { BlocEntity } from '../registry/blocs/bloc.entity';
import { BlocErrors } from '../registry/blocs/bloc.errors';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import { AppError } from '../common/errors/app-error';
import type { CriteriaSetEntity } from '../criteria/criteria-set.entity';
import { parseTieBreak, rowsToDomain, toCp } from '../criteria/criteria.mapper';
import { CriteriaRepository } from '../criteria/criteria.repository';
import { Db, ReadScopes } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import type { CriteriaSet } from '../domain/scoring/criteria-set';
import {
  allowedScoringTransitions,
  canTransitionScoring,
  SCORING_PHASE_LABELS,
  stageStatus,
} from '../domain/scoring/phase';
import { rankUnits, type Ranking, type TieBreakKey } from '../domain/scoring/ranking';
import { validateScoreSheet, type ScoreLine, type ScoreSheet } from '../domain/scoring/score-lines';
import { computeUnitTotals } from '../domain/scoring/totals';
import type { UnitEntity } from '../registry/units/unit.entity';
import { toUnitDto } from '../registry/units/unit.mapper';
import { ClassificationRepository } from './classification/classification.repository';
import { describeClassificationBasis } from '../domain/classification/format';
import type {
  AdvancePhaseDto,
  EnterScoresDto,
  PhaseDto,
  RankingDto,
  ScoreSheetDto,
  SetDrawNumbersDto,
} from './dto/scoring.dto';
import type { ScoreEntryEntity, ScoreStageCode } from './score-entry.entity';
import { ScoringErrors } from './scoring.errors';
import { describeTieBreak, toFindingDto, toLineDto, toTotalsDto } from './scoring.mapper';
import { ScoringPhasesService } from './scoring-phases.service';
import { ScoringRepository } from './scoring.repository';

/** Everything a scoring operation needs about one bloc term, loaded once. */
export interface TermContext {
  bloc: BlocEntity;
  term: BlocTermEntity;
  set: CriteriaSetEntity | null;
  domainSet: CriteriaSet | null;
  tieBreak: TieBreakKey[];
  members: UnitEntity[];
  draws: Map<number, number | null>;
}

const PREVIOUS_STAGE: Readonly<Record<ScoreStageCode, ScoreStageCode | null>> = {
  SELF: null,
  REVIEW: 'SELF',
  AGREED: 'REVIEW',
};

function toDomainLines(rows: readonly ScoreEntryEntity[]): ScoreLine[] {
  return rows.map((r) => ({
    code: r.itemCode,
    value: r.value,
    ...(r.reason ? { reason: r.reason } : {}),
  }));
}

/** Scores of a bloc term through self-assessment, review and agreement, and the ranking (R11, R12). */
@Injectable()
export class ScoringService {
  constructor(
    private readonly db: Db,
    private readonly scores: ScoringRepository,
    private readonly criteria: CriteriaRepository,
    private readonly blocs: BlocsRepository,
    private readonly audit: AuditService,
    private readonly classifications: ClassificationRepository,
    private readonly phases: ScoringPhasesService,
  ) {}

  phase(blocId: number, year: number): Promise<PhaseDto> {
    return this.db.read(async (em) => {
      const { term } = await this.context(em, blocId, year);
      return this.phaseDto(em, term);
    });
  }

  advance(blocId: number, year: number, dto: AdvancePhaseDto): Promise<PhaseDto> {
    return this.db.write(async (em) => {
      const ctx = await this.context(em, blocId, year);
      const from = ctx.term.scoringPhase;
      // Scoring starts only by signing the covenant (locking the criteria set).
      if (from === 'NOT_STARTED' || !canTransitionScoring(from, dto.to)) {
        throw new AppError(ScoringErrors.BAD_TRANSITION, {
          message: `Không thể chuyển từ "${SCORING_PHASE_LABELS[from]}" sang "${SCORING_PHASE_LABELS[dto.to]}".`,
          extra: {
            allowedTransitions: from === 'NOT_STARTED' ? [] : allowedScoringTransitions(from),
          },
        });
      }
      if (dto.to === 'CLOSED') {
        const ranking = await this.computeRanking(em, ctx);
        if (!ranking.complete) {
          throw new AppError(ScoringErrors.INCOMPLETE, {
            details: ranking.incompleteUnits.map((u) => ({
              field: u.unitCode,
              code: 'SCORE_MISSING',
              message: `${u.unitName}: còn thiếu điểm thống nhất của ${u.missingCriteria.length} tiêu chí (${u.missingCriteria.join(', ')}).`,
            })),
          });
        }
      }
      if (!(await this.phases.move(em, ctx.term.id, from, dto.to, dto.reason?.trim() || null))) {
        throw new AppError(ScoringErrors.BAD_TRANSITION);
      }
      await this.audit.record(em, {
        action: 'scoring.phase',
        entityType: 'bloc_term',
        entityId: ctx.term.id,
        before: { phase: from },
        after: { phase: dto.to },
        reason: dto.reason?.trim() || null,
      });
      const term = await this.blocs.findTermById(em, ctx.term.id);
      return this.phaseDto(em, term ?? ctx.term);
    });
  }

  sheet(
    blocId: number,
    year: number,
    unitId: number,
    stage: ScoreStageCode,
  ): Promise<ScoreSheetDto> {
    return this.db.read(async (em) => {
      const ctx = await this.context(em, blocId, year);
      const unit = this.member(ctx, unitId);
      const rows = await this.scores.lines(em, ctx.term.id, stage, unitId);
      return this.sheetDto(em, ctx, unit, stage, rows);
    });
  }

  /**
   * Writes some lines of one unit's sheet at one stage. Lines already stored must name the version
   * read (no silent overwrite); values are checked against the signed criteria (R11) and, after the
   * first stage, a changed value needs a reason (R12). All or nothing.
   */
  enter(
    blocId: number,
    year: number,
    unitId: number,
    stage: ScoreStageCode,
    dto: EnterScoresDto,
  ): Promise<ScoreSheetDto> {
    return this.db.write(async (em) => {
      const ctx = await this.context(em, blocId, year);
      const unit = this.member(ctx, unitId);
      const domainSet = this.requireLockedSet(ctx);
      this.requireOpen(ctx, stage);
      const existing = new Map(
        (await this.scores.lines(em, ctx.term.id, stage, unitId)).map((r) => [r.itemCode, r]),
      );

      const conflicts = dto.lines.filter((l) => {
        const row = existing.get(l.code);
        return row ? l.version !== row.version : l.version !== undefined;
      });
      if (conflicts.length > 0) {
        throw new AppError(ScoringErrors.LINE_VERSION_CONFLICT, {
          details: conflicts.map((l) => ({
            field: l.code,
            code: ScoringErrors.LINE_VERSION_CONFLICT.code,
            message: `Tiêu chí ${l.code}: phiên bản gửi lên ${l.version ?? '(không có)'}, phiên bản hiện tại ${existing.get(l.code)?.version ?? '(chưa có dòng)'}.`,
          })),
          extra: {
            current: Object.fromEntries([...existing].map(([code, r]) => [code, r.version])),
          },
        });
      }

      const touched = dto.lines.filter((l) => l.value !== null);
      const touchedCodes = new Set(dto.lines.map((l) => l.code));
      const merged: ScoreLine[] = [
        ...touched.map((l) => ({
          code: l.code,
          value: toCp(l.value ?? 0),
          ...(l.reason?.trim() ? { reason: l.reason.trim() } : {}),
        })),
        ...toDomainLines([...existing.values()].filter((r) => !touchedCodes.has(r.itemCode))),
      ];
      const findings = await this.validate(em, ctx, domainSet, unitId, stage, merged);
      // Only the lines of this request (listed first) and sheet-wide findings can block it.
      const blocking = findings.filter((f) => {
        if (f.severity !== 'error') return false;
        const m = /^lines\[(\d+)\]/.exec(f.field ?? '');
        return !m || Number(m[1]) < touched.length;
      });
      if (blocking.length > 0) {
        throw new AppError(ScoringErrors.INVALID, {
          message: `${ScoringErrors.INVALID.message} ${blocking[0]?.message ?? ''}`.trim(),
          details: blocking.map((f) => ({
            field: this.lineField(
              f,
              touched.map((l) => l.code),
            ),
            code: f.code,
            message: f.message,
            params: f.params,
          })),
        });
      }

      for (const l of dto.lines) {
        const row = existing.get(l.code);
        let ok = true;
        if (l.value === null)
          ok = row ? await this.scores.deleteLineIfVersion(em, row.id, row.version) : true;
        else if (row)
          ok = await this.scores.updateLineIfVersion(em, row.id, row.version, {
            value: toCp(l.value),
            reason: l.reason?.trim() || null,
          });
        else
          await this.scores.insertLine(em, {
            termId: ctx.term.id,
            unitId,
            stage,
            itemCode: l.code,
            value: toCp(l.value),
            reason: l.reason?.trim() || null,
          });
        if (!ok) throw new AppError(ScoringErrors.LINE_VERSION_CONFLICT);
      }
      await this.audit.record(em, {
        action: `scores.${stage.toLowerCase()}`,
        entityType: 'unit_scores',
        entityId: `${ctx.term.id}/${unitId}/${stage}`,
        before: Object.fromEntries(
          [...existing].map(([c, r]) => [c, { value: r.value / 100, reason: r.reason }]),
        ),
        after: Object.fromEntries(
          dto.lines.map((l) => [
            l.code,
            l.value === null ? null : { value: l.value, reason: l.reason?.trim() || null },
          ]),
        ),
      });
      const rows = await this.scores.lines(em, ctx.term.id, stage, unitId);
      return this.sheetDto(em, ctx, unit, stage, rows);
    });
  }

  /** Kept between requests until the next change to the bloc's year (Db.readCached). */
  ranking(blocId: number, year: number): Promise<RankingDto> {
    return this.db.readCached(
      `ranking:${blocId}:${year}`,
      async (em) => {
        const ctx = await this.context(em, blocId, year);
        const ranking = await this.computeRanking(em, ctx);
        const byCode = new Map(ctx.members.map((u) => [u.code, u]));
        const unitDto = (code: string) => toUnitDto(byCode.get(code)!);
        const classified = new Map(
          (await this.classifications.forTerm(em, ctx.term.id)).map((c) => [c.unitId, c]),
        );
        const classificationOf = (code: string) => {
          const c = classified.get(byCode.get(code)!.id);
          return c
            ? { rank: c.rank, label: c.label, basisText: describeClassificationBasis(c.basis) }
            : null;
        };
        const leader = ranking.leaderUnitCode ? unitDto(ranking.leaderUnitCode) : null;
        const final = ctx.term.scoringPhase === 'CLOSED';
        const statusText = !ranking.complete
          ? `Bảng xếp hạng chưa đầy đủ: ${ranking.incompleteUnits.length} đơn vị còn thiếu điểm thống nhất, nên chưa xác định đơn vị dẫn đầu.`
          : leader
            ? `${final ? 'Điểm đã chốt' : 'Điểm chưa chốt'}; đơn vị dẫn đầu: ${leader.fullName}.`
            : 'Có đơn vị bằng điểm ở vị trí thứ nhất chưa phân định được; hội nghị cần quyết định.';
        return {
          blocId,
          year,
          phase: ctx.term.scoringPhase,
          final,
          complete: ranking.complete,
          statusText,
          leader,
          tieBreakRules: describeTieBreak(ctx.tieBreak, ctx.domainSet),
          entries: ranking.entries.map((e) => ({
            position: e.position,
            rank: e.rank,
            unit: unitDto(e.unitCode),
            totals: toTotalsDto(e.totals),
            isLeader: e.isLeader,
            unresolvedTie: e.unresolvedTie,
            tieBreakExplanation: e.tieBreakExplanation,
            drawNumber: ctx.draws.get(byCode.get(e.unitCode)!.id) ?? null,
            classification: classificationOf(e.unitCode),
          })),
          incompleteUnits: ranking.incompleteUnits.map((u) => ({
            unit: unitDto(u.unitCode),
            missingCriteria: [...u.missingCriteria],
          })),
          criteriaSetVersion: ctx.set?.versionNo ?? 0,
        };
      },
      () => [ReadScopes.blocYear(blocId, year)],
    );
  }

  setDrawNumbers(blocId: number, year: number, dto: SetDrawNumbersDto): Promise<RankingDto> {
    return this.db
      .write(async (em) => {
        const ctx = await this.context(em, blocId, year);
        const draws = new Map(ctx.draws);
        for (const d of dto.draws) {
          this.member(ctx, d.unitId);
          draws.set(d.unitId, d.drawNumber);
        }
        const numbers = [...draws.values()].filter((n): n is number => n !== null);
        if (new Set(numbers).size !== numbers.length) {
          throw new AppError(ScoringErrors.DRAW_INVALID, {
            message: 'Hai đơn vị không thể bốc cùng một số thăm.',
          });
        }
        await this.blocs.setDrawNumbers(em, ctx.term.id, draws);
        await this.audit.record(em, {
          action: 'scoring.draws',
          entityType: 'bloc_term',
          entityId: ctx.term.id,
          before: Object.fromEntries(ctx.draws),
          after: Object.fromEntries(draws),
        });
      })
      .then(() => this.ranking(blocId, year));
  }

  /** The term's context for other services (Excel, documents); reads through the caller's transaction. */
  async context(em: EntityManager, blocId: number, year: number): Promise<TermContext> {
    const bloc = await this.blocs.findById(em, blocId);
    if (!bloc) throw new AppError(BlocErrors.NOT_FOUND);
    const term = await this.blocs.findTerm(em, blocId, year);
    if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
    return this.contextOf(em, bloc, term);
  }

  /** The context of a term already read (one query fewer than `context`). */
  async contextOfTerm(em: EntityManager, term: BlocTermEntity): Promise<TermContext> {
    const bloc = await this.blocs.findById(em, term.blocId);
    if (!bloc) throw new AppError(BlocErrors.NOT_FOUND);
    return this.contextOf(em, bloc, term);
  }

  private async contextOf(
    em: EntityManager,
    bloc: TermContext['bloc'],
    term: BlocTermEntity,
  ): Promise<TermContext> {
    const set = await this.criteria.findByStatus(em, term.id, 'LOCKED');
    const domainSet = set ? rowsToDomain(set, await this.criteria.items(em, set.id)) : null;
    const members = await this.blocs.membersOfTerm(em, term.id);
    const draws = new Map(
      (await this.blocs.memberRows(em, term.id)).map((m) => [m.unitId, m.drawNumber]),
    );
    return {
      bloc,
      term,
      set,
      domainSet,
      tieBreak: set ? parseTieBreak(set.tieBreak) : [],
      members,
      draws,
    };
  }

  /** The term of an id (for records that point at a term). */
  async termById(em: EntityManager, termId: number): Promise<BlocTermEntity> {
    const term = await this.blocs.findTermById(em, termId);
    if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
    return term;
  }

  requireLockedSet(ctx: TermContext): CriteriaSet {
    if (!ctx.domainSet) throw new AppError(ScoringErrors.NO_LOCKED_SET);
    return ctx.domainSet;
  }

  requireOpen(ctx: TermContext, stage: ScoreStageCode): void {
    const status = stageStatus(ctx.term.scoringPhase, stage);
    if (status === 'CLOSED') throw new AppError(ScoringErrors.STAGE_CLOSED);
    if (status === 'NOT_YET_OPEN') {
      throw new AppError(ScoringErrors.STAGE_NOT_OPEN, {
        message: `${ScoringErrors.STAGE_NOT_OPEN.message} Giai đoạn hiện tại: ${SCORING_PHASE_LABELS[ctx.term.scoringPhase]}.`,
      });
    }
  }

  member(ctx: TermContext, unitId: number): UnitEntity {
    const unit = ctx.members.find((u) => u.id === unitId);
    if (!unit) throw new AppError(ScoringErrors.NOT_A_MEMBER);
    return unit;
  }

  /** Validates a full sheet of one unit against the set and, after SELF, the previous stage (R11, R12). */
  async validate(
    em: EntityManager,
    ctx: TermContext,
    set: CriteriaSet,
    unitId: number,
    stage: ScoreStageCode,
    lines: ScoreLine[],
  ): Promise<Finding[]> {
    const prev = PREVIOUS_STAGE[stage];
    const sheet: ScoreSheet =
      prev === null
        ? { stage: 'SELF', lines }
        : {
            stage: stage as 'REVIEW' | 'AGREED',
            lines,
            previousLines: toDomainLines(await this.scores.lines(em, ctx.term.id, prev, unitId)),
          };
    return validateScoreSheet(set, sheet);
  }

  async computeRanking(em: EntityManager, ctx: TermContext): Promise<Ranking> {
    const set = this.requireLockedSet(ctx);
    const agreed = await this.scores.lines(em, ctx.term.id, 'AGREED');
    const byUnit = new Map<number, ScoreEntryEntity[]>();
    for (const r of agreed) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    const result = rankUnits(
      ctx.members.map((u) => {
        const draw = ctx.draws.get(u.id);
        return {
          unitCode: u.code,
          unitName: u.fullName,
          ...(draw ? { drawOrder: draw } : {}),
          totals: computeUnitTotals(set, toDomainLines(byUnit.get(u.id) ?? [])),
        };
      }),
      ctx.tieBreak,
    );
    if (!result.ok) {
      throw new AppError(ScoringErrors.INVALID, {
        details: result.error.map((f) => ({ field: f.field, code: f.code, message: f.message })),
      });
    }
    return result.value;
  }

  private lineField(f: Finding, codes: string[]): string | undefined {
    const m = /^lines\[(\d+)\](.*)$/.exec(f.field ?? '');
    if (!m) return f.field;
    const code = codes[Number(m[1])];
    return code === undefined ? f.field : `lines.${code}${m[2] ?? ''}`;
  }

  private async phaseDto(em: EntityManager, term: BlocTermEntity): Promise<PhaseDto> {
    const history = await this.phases.history(em, term.id);
    return {
      phase: term.scoringPhase,
      label: SCORING_PHASE_LABELS[term.scoringPhase],
      allowedTransitions:
        term.scoringPhase === 'NOT_STARTED'
          ? []
          : [...allowedScoringTransitions(term.scoringPhase)],
      history: history.map((h) => ({
        from: h.fromPhase,
        to: h.toPhase,
        reason: h.reason,
        at: new Date(h.createdAt).toISOString(),
      })),
    };
  }

  private async sheetDto(
    em: EntityManager,
    ctx: TermContext,
    unit: UnitEntity,
    stage: ScoreStageCode,
    rows: ScoreEntryEntity[],
  ): Promise<ScoreSheetDto> {
    const set = ctx.domainSet;
    const lines = toDomainLines(rows);
    const criteriaCodes = set ? set.groups.flatMap((g) => g.criteria.map((c) => c.code)) : [];
    const have = new Set(lines.map((l) => l.code));
    const totals = set ? computeUnitTotals(set, lines) : null;
    const warnings = set
      ? (await this.validate(em, ctx, set, unit.id, stage, lines)).filter(
          (f) => f.severity === 'warning',
        )
      : [];
    return {
      unit: toUnitDto(unit),
      stage,
      stageStatus: stageStatus(ctx.term.scoringPhase, stage),
      lines: rows.map(toLineDto),
      missing: criteriaCodes.filter((c) => !have.has(c)),
      totals: totals?.ok ? toTotalsDto(totals.value) : null,
      warnings: warnings.map(toFindingDto),
    };
  }
}
