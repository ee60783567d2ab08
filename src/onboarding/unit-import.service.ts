import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { mapColumns, parseDay, readTableFile, type TableRow } from '../common/files/table-file';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import {
  planUnitImport,
  withholdUpdates,
  type UnitFileRow,
  type UnitImportPlan,
} from '../domain/registry/unit-import';
import { IMPORT_LIMITS, UNIT_COLUMNS, type UnitColumn } from './import-columns';
import type { UnitImportReportDto } from './dto/onboarding.dto';
import { requireFile, toFinding, type UploadedTable } from './import-file';
import { ProvinceErrors } from '../registry/provinces/province.errors';
import { OnboardingErrors } from './onboarding.errors';
import { OnboardingRepository } from './onboarding.repository';
import { currentOrganization } from '../database/tenant';
import { withinOrganization } from '../domain/auth/permissions';

/** Reads the columns of a units file; a file-level finding when the header is not the template's. */
export async function readUnitFile(
  file: UploadedTable,
): Promise<{ rows: UnitFileRow[]; fileErrors: Finding[] }> {
  const table = await readTableFile(file.buffer, file.originalname, IMPORT_LIMITS, 'UNIT_IMPORT');
  if (!table.ok) return { rows: [], fileErrors: [table.error] };
  const cols = mapColumns(table.header, UNIT_COLUMNS);
  if (!cols.ok)
    return {
      rows: [],
      fileErrors: [
        {
          code: 'UNIT_IMPORT_BAD_HEADER',
          severity: 'error',
          message:
            cols.missing !== null
              ? `Thiếu cột "${cols.missing}" ở dòng tiêu đề (hãy dùng tệp mẫu).`
              : `Cột "${cols.unknown}" không có trong tệp mẫu.`,
        },
      ],
    };
  const cell = (r: TableRow, c: UnitColumn) => {
    const i = cols.index.get(c);
    return i === undefined ? '' : (r.cells[i] ?? '');
  };
  return {
    rows: table.rows.map((r) => ({
      rowNumber: r.rowNumber,
      code: cell(r, 'code'),
      type: cell(r, 'type'),
      shortName: cell(r, 'shortName'),
      fullName: cell(r, 'fullName'),
      collectiveName: cell(r, 'collectiveName'),
      validFrom: cell(r, 'validFrom'),
      validTo: cell(r, 'validTo'),
      provinceCode: cell(r, 'provinceCode'),
      predecessorCodes: cell(r, 'predecessorCodes'),
    })),
    fileErrors: [],
  };
}

/**
 * Units of a province from an Excel or CSV file made from the template: a preview that lists every
 * row with its errors and writes nothing; an import that writes all or nothing, idempotent, whose
 * reported count is the count of rows it wrote (units inserted or updated, lineage links added).
 */
@Injectable()
export class UnitImportService {
  constructor(
    private readonly db: Db,
    private readonly repo: OnboardingRepository,
    private readonly audit: AuditService,
  ) {}

  async preview(provinceId: number, file: UploadedTable | undefined): Promise<UnitImportReportDto> {
    const f = requireFile(file);
    const read = await readUnitFile(f);
    return this.db.read(async (em) =>
      this.report(provinceId, read, await this.plan(em, provinceId, read.rows)),
    );
  }

  async import(provinceId: number, file: UploadedTable | undefined): Promise<UnitImportReportDto> {
    const f = requireFile(file);
    const read = await readUnitFile(f);
    return this.db.write(async (em) => {
      const plan = await this.plan(em, provinceId, read.rows);
      const report = this.report(provinceId, read, plan);
      if (!report.ok)
        throw new AppError(OnboardingErrors.UNITS_REJECTED, {
          details: [...report.fileErrors, ...report.rows.flatMap((r) => r.errors)].slice(0, 200),
          extra: { report },
        });
      const stored = new Map((await this.repo.units(em)).map((u) => [u.code, u]));
      const ids = await this.repo.insertUnits(
        em,
        plan.inserts.map((p) => p.values),
      );
      let written = plan.inserts.filter((p) => ids.has(p.code)).length;
      for (const u of plan.updates) {
        const row = stored.get(u.code);
        if (row && (await this.repo.updateUnit(em, row.id, row.version, u.values))) written++;
      }
      const idOf = (code: string) => ids.get(code) ?? stored.get(code)?.id;
      const links = plan.links.flatMap((l) => {
        const predecessorId = idOf(l.predecessorCode);
        const successorId = idOf(l.successorCode);
        return predecessorId === undefined || successorId === undefined
          ? []
          : [
              {
                predecessorId,
                successorId,
                kind: l.kind,
                effectiveDate: l.effectiveDate,
                note: 'Nhập từ tệp đơn vị',
              },
            ];
      });
      await this.repo.insertLinks(em, links);
      written += links.length;
      if (written !== report.written) throw new AppError(OnboardingErrors.WRITE_COUNT_MISMATCH);
      await this.audit.recordMany(em, [
        ...plan.inserts.map((p) => ({
          action: 'unit.import.create',
          entityType: 'unit',
          entityId: ids.get(p.code) ?? p.code,
          after: p.values,
        })),
        ...plan.updates.map((p) => {
          const before = stored.get(p.code);
          return {
            action: 'unit.import.update',
            entityType: 'unit',
            entityId: before?.id ?? p.code,
            before: before && {
              shortName: before.shortName,
              type: before.type,
              fullName: before.fullName,
              collectiveName: before.collectiveName,
              validFrom: before.validFrom,
              validTo: before.validTo,
            },
            after: p.values,
          };
        }),
        ...links.map((l) => ({
          action: 'unit.successor.add',
          entityType: 'unit',
          entityId: l.predecessorId,
          after: l,
        })),
      ]);
      return { ...report, saved: true };
    });
  }

  private async plan(
    em: EntityManager,
    provinceId: number,
    rows: UnitFileRow[],
  ): Promise<UnitImportPlan> {
    const provinces = await this.repo.provinces(em);
    const province = provinces.find((p) => p.id === provinceId);
    if (!province) throw new AppError(ProvinceErrors.NOT_FOUND);
    const units = await this.repo.units(em);
    const links = await this.repo.links(em);
    const memberships = await this.repo.memberships(em);
    const memberYears = new Map<number, number[]>();
    for (const m of memberships)
      memberYears.set(m.unitId, [...(memberYears.get(m.unitId) ?? []), m.year]);
    const count = (key: 'predecessorId' | 'successorId') => {
      const out = new Map<number, number>();
      for (const l of links) out.set(l[key], (out.get(l[key]) ?? 0) + 1);
      return out;
    };
    const plan = planUnitImport(rows, {
      defaultProvinceCode: province.code,
      provinces: new Map(provinces.map((p) => [p.code, p])),
      units: new Map(units.map((u) => [u.code, u])),
      links: new Set(links.map((l) => `${l.predecessorId}|${l.successorId}`)),
      successorCount: count('predecessorId'),
      predecessorCount: count('successorId'),
      memberYears,
      parseDay,
    });
    const org = currentOrganization();
    if (org === null) return plan;
    // an organization changes by file only the units it could change by hand (the guard's fence)
    const blocs = await this.repo.blocs(em);
    const orgOfBloc = new Map(blocs.map((b) => [b.id, b.organizingBodyId]));
    const orgOfTerm = new Map(
      (await this.repo.termsOfBlocs(em, [...orgOfBloc.keys()])).map((t) => [
        t.id,
        orgOfBloc.get(t.blocId) ?? null,
      ]),
    );
    const unitOrgs = new Map<number, (number | null)[]>();
    for (const m of memberships)
      unitOrgs.set(m.unitId, [...(unitOrgs.get(m.unitId) ?? []), orgOfTerm.get(m.termId) ?? null]);
    const byCode = new Map(units.map((u) => [u.code, u]));
    return withholdUpdates(plan, (code) => {
      const u = byCode.get(code);
      return (
        u === undefined ||
        withinOrganization(org, 'registry.write', {
          blocIds: [],
          unitId: u.id,
          unitOrganizationIds: unitOrgs.get(u.id) ?? [],
          unitRegisteredBy: u.registeredByOrganizationId,
        })
      );
    });
  }

  private report(
    provinceId: number,
    read: { rows: UnitFileRow[]; fileErrors: Finding[] },
    plan: UnitImportPlan,
  ): UnitImportReportDto {
    const ok = read.fileErrors.length === 0 && plan.ok;
    const unchanged = plan.rows.filter((r) => r.action === 'UNCHANGED').length;
    return {
      ok,
      provinceId,
      rowsRead: read.rows.length,
      unitsToInsert: ok ? plan.inserts.length : 0,
      unitsToUpdate: ok ? plan.updates.length : 0,
      unitsUnchanged: ok ? unchanged : 0,
      linksToInsert: ok ? plan.links.length : 0,
      written: ok ? plan.inserts.length + plan.updates.length + plan.links.length : 0,
      fileErrors: read.fileErrors.map(toFinding),
      rows: plan.rows.map((r) => ({ ...r, errors: r.errors.map(toFinding) })),
      saved: false,
    };
  }
}
