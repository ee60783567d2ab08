import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { toCp } from '../criteria/criteria.mapper';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import type { CriteriaSet } from '../domain/scoring/criteria-set';
import { stageStatus } from '../domain/scoring/phase';
import { validateScoreSheet, type ScoreLine, type ScoreSheet } from '../domain/scoring/score-lines';
import { computeUnitTotals } from '../domain/scoring/totals';
import type { UnitEntity } from '../registry/units/unit.entity';
import { toUnitDto } from '../registry/units/unit.mapper';
import type { EnterScoresDto, ScoreSheetDto } from './dto/scoring.dto';
import type { ScoreEntryEntity, ScoreStageCode } from './score-entry.entity';
import { ScoringErrors } from './scoring.errors';
import { toDomainLines, toFindingDto, toLineDto, toTotalsDto } from './scoring.mapper';
import { ScoringRepository } from './scoring.repository';
import { ScoringService, type TermContext } from './scoring.service';

const PREVIOUS_STAGE: Readonly<Record<ScoreStageCode, ScoreStageCode | null>> = {
  SELF: null,
  REVIEW: 'SELF',
  AGREED: 'REVIEW',
};

/**
 * One unit's score sheet at one stage (self-assessment, review, agreement): read with its totals,
 * missing criteria and warnings, written line by line under optimistic versions (R11, R12). The
 * Excel import (`ScoreSheetService`) validates through `validate` here.
 */
@Injectable()
export class ScoreLinesService {
  constructor(
    private readonly db: Db,
    private readonly scoring: ScoringService,
    private readonly scores: ScoringRepository,
    private readonly audit: AuditService,
  ) {}

  sheet(
    blocId: number,
    year: number,
    unitId: number,
    stage: ScoreStageCode,
  ): Promise<ScoreSheetDto> {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const unit = this.scoring.member(ctx, unitId);
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
      const ctx = await this.scoring.context(em, blocId, year);
      const unit = this.scoring.member(ctx, unitId);
      const domainSet = this.scoring.requireLockedSet(ctx);
      this.scoring.requireOpen(ctx, stage);
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

  private lineField(f: Finding, codes: string[]): string | undefined {
    const m = /^lines\[(\d+)\](.*)$/.exec(f.field ?? '');
    if (!m) return f.field;
    const code = codes[Number(m[1])];
    return code === undefined ? f.field : `lines.${code}${m[2] ?? ''}`;
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
