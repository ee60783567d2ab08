import { AuditService } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { AwardErrors } from './award.errors';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import { ancestorsOf } from '../domain/registry/lineage';
import { parseDate, readAwardFile } from './award-file';
import { AwardsRepository, type AwardValues } from './awards.repository';

export interface AwardImportReport {
  ok: boolean;
  rowsRead: number;
  rowsToWrite: number;
  fileErrors: Finding[];
  rowErrors: { rowNumber: number; errors: Finding[] }[];
  saved: boolean;
}

interface PlannedAward {
  existingId: number | null;
  values: AwardValues;
}

const rowError = (row: number, code: string, message: string): Finding => ({
  code,
  severity: 'error',
  message: `Dòng ${row}: ${message}`,
  field: `row ${row}`,
});

/** Awards history: decided awards and earlier years' awards imported from CSV or Excel. */
@Injectable()
export class AwardsService {
  constructor(
    private readonly db: Db,
    private readonly awards: AwardsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The awards history, optionally of one unit; with `withPredecessors` also the awards of the
   * units it continues (merged, split or renamed, R13), each marked with the unit it went to.
   */
  list(q: { unitId?: number; year?: number; withPredecessors?: boolean }) {
    return this.db.read(async (em) => {
      const unitIds =
        q.unitId === undefined
          ? undefined
          : q.withPredecessors
            ? [q.unitId, ...ancestorsOf(q.unitId, await this.awards.lineageEdges(em))]
            : [q.unitId];
      const rows = await this.awards.list(em, { unitIds, year: q.year });
      return rows.map((r) => ({
        id: r.id,
        year: r.year,
        unit: { id: r.unitId, code: r.unit?.code, fullName: r.unit?.fullName },
        tier: { id: r.tierId, code: r.tier?.code, name: r.tier?.name },
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        decider: r.decider,
        source: r.source,
        inherited: q.unitId !== undefined && r.unitId !== q.unitId,
      }));
    });
  }

  async preview(
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<AwardImportReport> {
    const f = this.requireFile(file);
    return this.db.read(async (em) => (await this.plan(em, f)).report);
  }

  /** All-or-nothing, idempotent: rows already recorded with the same values are not written again. */
  async import(
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<AwardImportReport> {
    const f = this.requireFile(file);
    return this.db.write(async (em) => {
      const { report, planned } = await this.plan(em, f);
      if (!report.ok) {
        throw new AppError(AwardErrors.IMPORT_REJECTED, {
          details: [...report.fileErrors, ...report.rowErrors.flatMap((r) => r.errors)].map(
            (e) => ({ field: e.field, code: e.code, message: e.message }),
          ),
          extra: { report },
        });
      }
      for (const p of planned) {
        if (p.existingId === null) await this.awards.insert(em, p.values);
        else await this.awards.update(em, p.existingId, p.values);
      }
      await this.audit.record(em, {
        action: 'awards.import',
        entityType: 'award_history',
        entityId: 'import',
        after: { rowsWritten: planned.length, rowsRead: report.rowsRead },
      });
      return { ...report, saved: true };
    });
  }

  private requireFile(file: { originalname: string; buffer: Buffer } | undefined) {
    if (!file || file.buffer.length === 0) {
      throw new AppError(AwardErrors.FILE_REQUIRED);
    }
    return file;
  }

  private async plan(
    em: EntityManager,
    file: { originalname: string; buffer: Buffer },
  ): Promise<{ report: AwardImportReport; planned: PlannedAward[] }> {
    const read = await readAwardFile(file.buffer, file.originalname);
    const units = new Map((await this.awards.unitsByCode(em)).map((u) => [u.code, u]));
    const tiers = new Map((await this.awards.tiers(em)).map((t) => [t.code, t]));
    const existing = new Map(
      (await this.awards.all(em)).map((a) => [`${a.unitId}|${a.year}|${a.tierId}`, a]),
    );
    const seen = new Set<string>();
    const planned: PlannedAward[] = [];
    const rowErrors: AwardImportReport['rowErrors'] = [];
    for (const r of read.rows) {
      const errors: Finding[] = [];
      const unit = units.get(r.unitCode);
      const tier = tiers.get(r.tierCode);
      const year = /^\d{4}$/.test(r.year) ? Number(r.year) : NaN;
      if (!unit)
        errors.push(
          rowError(r.rowNumber, 'AWARD_ROW_UNKNOWN_UNIT', `không có đơn vị mã "${r.unitCode}".`),
        );
      if (!tier)
        errors.push(
          rowError(
            r.rowNumber,
            'AWARD_ROW_UNKNOWN_TIER',
            `không có hình thức khen thưởng mã "${r.tierCode}".`,
          ),
        );
      if (!(year >= 1945 && year <= 2100))
        errors.push(rowError(r.rowNumber, 'AWARD_ROW_BAD_YEAR', `năm "${r.year}" không hợp lệ.`));
      const decisionDate = r.decisionDate === '' ? null : parseDate(r.decisionDate);
      if (r.decisionDate !== '' && decisionDate === null)
        errors.push(
          rowError(
            r.rowNumber,
            'AWARD_ROW_BAD_DATE',
            `ngày quyết định "${r.decisionDate}" không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd).`,
          ),
        );
      if (unit && tier && errors.length === 0) {
        const key = `${unit.id}|${year}|${tier.id}`;
        if (seen.has(key))
          errors.push(
            rowError(
              r.rowNumber,
              'AWARD_ROW_DUPLICATE',
              'trùng với một dòng phía trên (cùng đơn vị, năm, hình thức).',
            ),
          );
        seen.add(key);
        const values = {
          unitId: unit.id,
          year,
          tierId: tier.id,
          decisionNumber: r.decisionNumber || null,
          decisionDate,
          decider: r.decider || null,
          source: 'IMPORT' as const,
          nominationId: null,
        };
        const old = existing.get(key);
        if (old?.source === 'DECISION') {
          errors.push(
            rowError(
              r.rowNumber,
              'AWARD_ROW_FROM_DECISION',
              'khen thưởng này đã được ghi từ quyết định trong hệ thống; không ghi đè.',
            ),
          );
        } else if (
          !old ||
          old.decisionNumber !== values.decisionNumber ||
          old.decisionDate !== values.decisionDate ||
          old.decider !== values.decider
        ) {
          if (errors.length === 0) planned.push({ existingId: old?.id ?? null, values });
        }
      }
      if (errors.length > 0) rowErrors.push({ rowNumber: r.rowNumber, errors });
    }
    const ok = read.fileErrors.length === 0 && rowErrors.length === 0;
    return {
      report: {
        ok,
        rowsRead: read.rows.length,
        rowsToWrite: ok ? planned.length : 0,
        fileErrors: read.fileErrors,
        rowErrors,
        saved: false,
      },
      planned: ok ? planned : [],
    };
  }
}
