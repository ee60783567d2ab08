import { AuditService } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import { toPoints } from '../criteria/criteria.mapper';
import type { CriteriaSet } from '../domain/scoring/criteria-set';
import { formatEnteredPoints, formatPoints } from '../domain/scoring/points';
import type { ScoreLine } from '../domain/scoring/score-lines';
import { compareSheetRow } from '../domain/scoring/sheet-comparison';
import type { TotalsResult } from '../domain/scoring/totals';
import type { ImportReportDto, ImportRowDto, ImportTotalDto } from './dto/scoring.dto';
import { readScoreSheet } from './excel/score-sheet-reader';
import { writeScoreSheet } from './excel/score-sheet-writer';
import type { ScoreEntryEntity, ScoreStageCode } from './score-entry.entity';
import { ScoringErrors } from './scoring.errors';
import { toFindingDto } from './scoring.mapper';
import { ScoringRepository } from './scoring.repository';
import { ScoreLinesService } from './score-lines.service';
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
    private readonly lines: ScoreLinesService,
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
    const titles = itemTitles(set);
    const existing = await this.scores.lines(em, ctx.term.id, stage);
    const changes: PlannedChange[] = [];
    const rows: ImportRowDto[] = [];
    for (const row of read.rows) {
      const errors: Finding[] = [...row.errors];
      const unit = ctx.members.find((u) => u.code === row.unitCode);
      const stored = unit ? existing.filter((e) => e.unitId === unit.id) : [];
      const comparison =
        unit && errors.length === 0
          ? compareSheetRow(
              set,
              row.lines,
              stored.map((e) => ({ code: e.itemCode, value: e.value })),
            )
          : null;
      const storedByCode = new Map(stored.map((e) => [e.itemCode, e]));
      const rowChanges: PlannedChange[] = (comparison?.changes ?? []).map((c) => ({
        unitId: unit!.id,
        code: c.code,
        value: c.after,
        reason: row.reason,
        row: storedByCode.get(c.code),
      }));
      if (unit && comparison) {
        const after: ScoreLine[] = row.lines.map((l) => {
          const changed = rowChanges.some((c) => c.code === l.code);
          const reason = changed ? row.reason : (storedByCode.get(l.code)?.reason ?? null);
          return { code: l.code, value: l.value, ...(reason ? { reason } : {}) };
        });
        const findings = await this.lines.validate(em, ctx, set, unit.id, stage, after);
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
        unitId: unit?.id ?? null,
        unitName: unit?.fullName ?? null,
        values: row.lines.map((l) => ({
          code: l.code,
          title: titles.get(l.code) ?? l.code,
          value: toPoints(l.value),
          valueText: formatEnteredPoints(l.value),
        })),
        changes: rowChanges.length,
        added: comparison?.added ?? 0,
        changed: comparison?.changed ?? 0,
        removed: comparison?.removed ?? 0,
        unchanged: comparison?.unchanged ?? 0,
        valueChanges: (comparison?.changes ?? []).map((c) => ({
          code: c.code,
          title: titles.get(c.code) ?? c.code,
          before: c.before === null ? null : toPoints(c.before),
          beforeText: c.before === null ? null : formatPoints(c.before),
          after: c.after === null ? null : toPoints(c.after),
          afterText: c.after === null ? null : formatPoints(c.after),
        })),
        totalBefore: comparison ? toImportTotal(comparison.totalBefore) : null,
        totalAfter: comparison ? toImportTotal(comparison.totalAfter) : null,
        errors: errors.map(toFindingDto),
      });
    }
    const ok = read.fileErrors.length === 0 && rows.every((r) => r.errors.length === 0);
    const sum = (pick: (r: ImportRowDto) => number) =>
      ok ? rows.reduce((acc, r) => acc + pick(r), 0) : 0;
    return {
      report: {
        ok,
        unitRows: rows.length,
        linesToWrite: ok ? changes.length : 0,
        linesAdded: sum((r) => r.added),
        linesChanged: sum((r) => r.changed),
        linesRemoved: sum((r) => r.removed),
        linesUnchanged: sum((r) => r.unchanged),
        unitsAffected: ok ? new Set(changes.map((c) => c.unitId)).size : 0,
        fileErrors: read.fileErrors.map(toFindingDto),
        items: [...titles].map(([code, title]) => ({ code, title })),
        rows,
        saved: false,
      },
      changes: ok ? changes : [],
    };
  }
}

/** Titles of a set's criteria, bonus and penalty items by code. */
function itemTitles(set: CriteriaSet): Map<string, string> {
  return new Map([
    ...set.groups.flatMap((g) => g.criteria.map((c) => [c.code, c.title] as const)),
    ...[...set.bonusItems, ...set.penaltyItems].map((i) => [i.code, i.title] as const),
  ]);
}

function toImportTotal(t: TotalsResult): ImportTotalDto {
  return t.ok
    ? {
        grandTotal: toPoints(t.value.grandTotal),
        grandTotalText: formatPoints(t.value.grandTotal),
        missingCriteria: [],
      }
    : { grandTotal: null, grandTotalText: null, missingCriteria: [...t.error.missingCriteria] };
}

export type { TermContext };
