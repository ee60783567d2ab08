import { AuditService } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import type { ScoreLine } from '../domain/scoring/score-lines';
import type { ImportReportDto } from './dto/scoring.dto';
import { readScoreSheet } from './excel/score-sheet-reader';
import { writeScoreSheet } from './excel/score-sheet-writer';
import type { ScoreEntryEntity, ScoreStageCode } from './score-entry.entity';
import { ScoringErrors } from './scoring.errors';
import { toFindingDto } from './scoring.mapper';
import { ScoringRepository } from './scoring.repository';
import { ScoringService, type TermContext } from './scoring.service';

export const SCORE_SHEET_MAX_BYTES = 5 * 1024 * 1024;

const STAGE_LABELS: Readonly<Record<ScoreStageCode, string>> = {
  SELF: 'Điểm tự chấm',
  REVIEW: 'Điểm thẩm định, chấm chéo',
  AGREED: 'Điểm thống nhất',
};

/** One planned write of an import: insert, update or delete of a line. */
interface PlannedChange {
  unitId: number;
  code: string;
  value: number | null;
  reason: string | null;
  row: ScoreEntryEntity | undefined;
}

interface Plan {
  report: ImportReportDto;
  changes: PlannedChange[];
}

/**
 * The Excel score sheet of a bloc term: export, preview of an import with every row error, and an
 * all-or-nothing, idempotent import whose reported count equals the lines written.
 * The sheet is the truth for the units it lists: a filled cell sets the value, an empty cell
 * removes it; units not listed are left alone.
 */
@Injectable()
export class ScoreSheetService {
  constructor(
    private readonly db: Db,
    private readonly scoring: ScoringService,
    private readonly scores: ScoringRepository,
    private readonly audit: AuditService,
  ) {}

  export(
    blocId: number,
    year: number,
    stage: ScoreStageCode,
  ): Promise<{ fileName: string; content: Buffer }> {
    return this.db
      .read(async (em) => {
        const ctx = await this.scoring.context(em, blocId, year);
        const set = this.scoring.requireLockedSet(ctx);
        const rows = await this.scores.lines(em, ctx.term.id, stage);
        const codeOf = new Map(ctx.members.map((u) => [u.id, u.code]));
        const values = new Map<string, Map<string, number>>();
        for (const r of rows) {
          const unitCode = codeOf.get(r.unitId);
          if (unitCode === undefined) continue;
          const m = values.get(unitCode) ?? new Map<string, number>();
          m.set(r.itemCode, r.value);
          values.set(unitCode, m);
        }
        return { ctx, set, values };
      })
      .then(async ({ ctx, set, values }) => ({
        fileName: `bang-diem-${ctx.bloc.code}-${year}-${stage.toLowerCase()}.xlsx`,
        content: await writeScoreSheet({
          title: `Bảng điểm thi đua năm ${year} – ${ctx.bloc.name}`,
          blocCode: ctx.bloc.code,
          year,
          stage,
          stageLabel: STAGE_LABELS[stage],
          criteriaSetVersion: ctx.set?.versionNo ?? 0,
          set,
          units: ctx.members.map((u) => ({ code: u.code, name: u.fullName })),
          values,
        }),
      }));
  }

  /** Reads the file and reports what an import would do, writing nothing. */
  async preview(
    blocId: number,
    year: number,
    stage: ScoreStageCode,
    file: Buffer | undefined,
  ): Promise<ImportReportDto> {
    const buffer = this.requireFile(file);
    return this.db.read(async (em) => (await this.plan(em, blocId, year, stage, buffer)).report);
  }

  /** Imports the file in one transaction: nothing is written unless every row is valid. */
  async import(
    blocId: number,
    year: number,
    stage: ScoreStageCode,
    file: Buffer | undefined,
  ): Promise<ImportReportDto> {
    const buffer = this.requireFile(file);
    return this.db.write(async (em) => {
      const { report, changes } = await this.plan(em, blocId, year, stage, buffer);
      if (!report.ok) {
        throw new AppError(ScoringErrors.SHEET_REJECTED, {
          details: [
            ...report.fileErrors.map((f) => ({ field: f.field, code: f.code, message: f.message })),
            ...report.rows.flatMap((r) =>
              r.errors.map((f) => ({
                field: f.field ?? `row ${r.rowNumber}`,
                code: f.code,
                message: f.message,
              })),
            ),
          ],
          extra: { report },
        });
      }
      const ctx = await this.scoring.context(em, blocId, year);
      for (const c of changes) {
        let ok = true;
        if (c.value === null)
          ok = c.row ? await this.scores.deleteLineIfVersion(em, c.row.id, c.row.version) : true;
        else if (c.row)
          ok = await this.scores.updateLineIfVersion(em, c.row.id, c.row.version, {
            value: c.value,
            reason: c.reason,
          });
        else
          await this.scores.insertLine(em, {
            termId: ctx.term.id,
            unitId: c.unitId,
            stage,
            itemCode: c.code,
            value: c.value,
            reason: c.reason,
          });
        if (!ok) throw new AppError(ScoringErrors.LINE_VERSION_CONFLICT);
      }
      await this.audit.record(em, {
        action: `scores.import.${stage.toLowerCase()}`,
        entityType: 'bloc_term',
        entityId: ctx.term.id,
        after: { linesWritten: changes.length, units: report.unitsAffected },
      });
      return { ...report, saved: true };
    });
  }

  private requireFile(file: Buffer | undefined): Buffer {
    if (!file || file.length === 0) throw new AppError(ScoringErrors.SHEET_FILE_REQUIRED);
    return file;
  }

  private async plan(
    em: EntityManager,
    blocId: number,
    year: number,
    stage: ScoreStageCode,
    buffer: Buffer,
  ): Promise<Plan> {
    const ctx = await this.scoring.context(em, blocId, year);
    const set = this.scoring.requireLockedSet(ctx);
    this.scoring.requireOpen(ctx, stage);
    const read = await readScoreSheet(buffer, {
      blocCode: ctx.bloc.code,
      year,
      stage,
      set,
      unitCodes: ctx.members.map((u) => u.code),
    });
    const existing = await this.scores.lines(em, ctx.term.id, stage);
    const changes: PlannedChange[] = [];
    const rows: ImportReportDto['rows'] = [];
    for (const row of read.rows) {
      const errors: Finding[] = [...row.errors];
      const unit = ctx.members.find((u) => u.code === row.unitCode);
      let rowChanges: PlannedChange[] = [];
      if (unit && errors.length === 0) {
        rowChanges = this.diff(
          unit.id,
          row.lines,
          row.reason,
          existing.filter((e) => e.unitId === unit.id),
        );
        const after: ScoreLine[] = row.lines.map((l) => {
          const changed = rowChanges.some((c) => c.code === l.code);
          const kept = existing.find((e) => e.unitId === unit.id && e.itemCode === l.code);
          const reason = changed ? row.reason : (kept?.reason ?? null);
          return { code: l.code, value: l.value, ...(reason ? { reason } : {}) };
        });
        const findings = await this.scoring.validate(em, ctx, set, unit.id, stage, after);
        for (const f of findings.filter((x) => x.severity === 'error')) {
          errors.push({
            ...f,
            message: `Dòng ${row.rowNumber} (${unit.fullName}): ${f.message}`,
            field: `row ${row.rowNumber}`,
          });
        }
      }
      if (errors.length === 0) changes.push(...rowChanges);
      rows.push({
        rowNumber: row.rowNumber,
        unitCode: row.unitCode,
        changes: rowChanges.length,
        errors: errors.map(toFindingDto),
      });
    }
    const ok = read.fileErrors.length === 0 && rows.every((r) => r.errors.length === 0);
    return {
      report: {
        ok,
        linesToWrite: ok ? changes.length : 0,
        unitsAffected: ok ? new Set(changes.map((c) => c.unitId)).size : 0,
        fileErrors: read.fileErrors.map(toFindingDto),
        rows,
        saved: false,
      },
      changes: ok ? changes : [],
    };
  }

  /** The writes that make a unit's stored lines equal to the sheet's row. */
  private diff(
    unitId: number,
    lines: readonly { code: string; value: number }[],
    reason: string | null,
    stored: readonly ScoreEntryEntity[],
  ): PlannedChange[] {
    const out: PlannedChange[] = [];
    const byCode = new Map(stored.map((s) => [s.itemCode, s]));
    const inSheet = new Set<string>();
    for (const l of lines) {
      inSheet.add(l.code);
      const row = byCode.get(l.code);
      if (!row || row.value !== l.value)
        out.push({ unitId, code: l.code, value: l.value, reason, row });
    }
    for (const s of stored)
      if (!inSheet.has(s.itemCode))
        out.push({ unitId, code: s.itemCode, value: null, reason, row: s });
    return out;
  }
}

export type { TermContext };
