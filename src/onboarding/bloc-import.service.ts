import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { mapColumns, readTableFile, type TableRow } from '../common/files/table-file';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import {
  planBlocImport,
  type BlocFileRow,
  type BlocImportPlan,
} from '../domain/registry/bloc-import';
import { ProvinceErrors } from '../registry/provinces/province.errors';
import type { BlocImportReportDto } from './dto/onboarding.dto';
import { BLOC_COLUMNS, IMPORT_LIMITS, type BlocColumn } from './import-columns';
import { OnboardingErrors } from './onboarding.errors';
import { OnboardingRepository } from './onboarding.repository';
import { requireFile, toFinding, type UploadedTable } from './import-file';
import { currentOrganization } from '../database/tenant';

async function readBlocFile(
  file: UploadedTable,
): Promise<{ rows: BlocFileRow[]; fileErrors: Finding[] }> {
  const table = await readTableFile(file.buffer, file.originalname, IMPORT_LIMITS, 'BLOC_IMPORT');
  if (!table.ok) return { rows: [], fileErrors: [table.error] };
  const cols = mapColumns(table.header, BLOC_COLUMNS);
  if (!cols.ok)
    return {
      rows: [],
      fileErrors: [
        {
          code: 'BLOC_IMPORT_BAD_HEADER',
          severity: 'error',
          message:
            cols.missing !== null
              ? `Thiếu cột "${cols.missing}" ở dòng tiêu đề (hãy dùng tệp mẫu).`
              : `Cột "${cols.unknown}" không có trong tệp mẫu.`,
        },
      ],
    };
  const cell = (r: TableRow, c: BlocColumn) => {
    const i = cols.index.get(c);
    return i === undefined ? '' : (r.cells[i] ?? '');
  };
  return {
    rows: table.rows.map((r) => ({
      rowNumber: r.rowNumber,
      blocCode: cell(r, 'blocCode'),
      blocName: cell(r, 'blocName'),
      kind: cell(r, 'kind'),
      year: cell(r, 'year'),
      unitCode: cell(r, 'unitCode'),
      role: cell(r, 'role'),
      secretaryName: cell(r, 'secretaryName'),
    })),
    fileErrors: [],
  };
}

/**
 * Blocs of a province with their yearly terms and members, from a file made from the template:
 * preview with every error, then all or nothing, idempotent, the reported count being the rows
 * written (blocs, terms and member rows).
 */
@Injectable()
export class BlocImportService {
  constructor(
    private readonly db: Db,
    private readonly repo: OnboardingRepository,
    private readonly audit: AuditService,
  ) {}

  async preview(provinceId: number, file: UploadedTable | undefined): Promise<BlocImportReportDto> {
    const read = await readBlocFile(requireFile(file));
    return this.db.read(async (em) =>
      report(provinceId, read, await this.plan(em, provinceId, read.rows)),
    );
  }

  async import(provinceId: number, file: UploadedTable | undefined): Promise<BlocImportReportDto> {
    const read = await readBlocFile(requireFile(file));
    return this.db.write(async (em) => {
      const plan = await this.plan(em, provinceId, read.rows);
      const r = report(provinceId, read, plan);
      if (!r.ok)
        throw new AppError(OnboardingErrors.BLOCS_REJECTED, {
          details: [...r.fileErrors, ...r.rowErrors, ...r.terms.flatMap((t) => t.errors)].slice(
            0,
            200,
          ),
          extra: { report: r },
        });
      const storedBlocs = new Map(
        (await this.repo.blocsOfProvince(em, provinceId)).map((b) => [b.code, b]),
      );
      const newBlocs = plan.blocs.filter((b) => b.action === 'INSERT');
      const blocIds = await this.repo.insertBlocs(
        em,
        newBlocs.map((b) => ({ code: b.code, name: b.name, kind: b.kind, provinceId })),
      );
      let written = newBlocs.filter((b) => blocIds.has(b.code)).length;
      for (const b of plan.blocs.filter((x) => x.action === 'UPDATE')) {
        const s = storedBlocs.get(b.code);
        if (s && (await this.repo.updateBloc(em, s.id, s.version, { name: b.name, kind: b.kind })))
          written++;
      }
      const blocIdOf = (code: string) => blocIds.get(code) ?? storedBlocs.get(code)?.id;
      const newTerms = plan.terms.filter((t) => t.action === 'INSERT');
      const termIds = await this.repo.insertTerms(
        em,
        newTerms.map((t) => ({
          blocId: blocIdOf(t.blocCode)!,
          year: t.year,
          headUnitId: t.headUnitId,
          deputyUnitId: t.deputyUnitId,
          secretaryName: t.secretaryName,
          note: 'Nhập từ tệp khối, cụm thi đua',
        })),
      );
      written += termIds.size;
      const storedTerms = new Map(
        (
          await this.repo.termsOfBlocs(
            em,
            [...storedBlocs.values()].map((b) => b.id),
          )
        ).map((t) => [t.id, t]),
      );
      const members: { termId: number; unitId: number; year: number }[] = [];
      for (const t of plan.terms.filter((x) => x.action === 'UPDATE')) {
        const s = t.existingTermId === null ? undefined : storedTerms.get(t.existingTermId);
        if (!s) continue;
        await this.repo.deleteMembers(em, s.id);
        if (
          await this.repo.updateTerm(em, s.id, s.version, {
            headUnitId: t.headUnitId,
            deputyUnitId: t.deputyUnitId,
            secretaryName: t.secretaryName,
          })
        )
          written++;
        for (const unitId of t.memberIds) members.push({ termId: s.id, unitId, year: t.year });
      }
      for (const t of newTerms) {
        const termId = termIds.get(`${blocIdOf(t.blocCode)}|${t.year}`);
        if (termId === undefined) continue;
        for (const unitId of t.memberIds) members.push({ termId, unitId, year: t.year });
      }
      await this.repo.insertMembers(em, members);
      written += members.length;
      if (written !== r.written) throw new AppError(OnboardingErrors.WRITE_COUNT_MISMATCH);
      await this.audit.recordMany(em, [
        ...plan.blocs
          .filter((b) => b.action !== 'UNCHANGED')
          .map((b) => ({
            action: b.action === 'INSERT' ? 'bloc.import.create' : 'bloc.import.update',
            entityType: 'bloc',
            entityId: blocIdOf(b.code) ?? b.code,
            after: { code: b.code, name: b.name, kind: b.kind, provinceId },
          })),
        ...plan.terms
          .filter((t) => t.action === 'INSERT' || t.action === 'UPDATE')
          .map((t) => ({
            action: t.action === 'INSERT' ? 'bloc.term.import.create' : 'bloc.term.import.update',
            entityType: 'bloc_term',
            entityId:
              t.existingTermId ??
              termIds.get(`${blocIdOf(t.blocCode)}|${t.year}`) ??
              `${t.blocCode}/${t.year}`,
            after: {
              blocCode: t.blocCode,
              year: t.year,
              memberUnitIds: t.memberIds,
              headUnitId: t.headUnitId,
              deputyUnitId: t.deputyUnitId,
              secretaryName: t.secretaryName,
            },
          })),
      ]);
      return { ...r, saved: true };
    });
  }

  private async plan(
    em: EntityManager,
    provinceId: number,
    rows: BlocFileRow[],
  ): Promise<BlocImportPlan> {
    if (!(await this.repo.province(em, provinceId))) throw new AppError(ProvinceErrors.NOT_FOUND);
    const blocs = await this.repo.blocs(em);
    const blocById = new Map(blocs.map((b) => [b.id, b]));
    const units = await this.repo.units(em);
    const codes = new Set(rows.map((r) => r.blocCode));
    const ofFile = blocs.filter((b) => codes.has(b.code));
    const terms = await this.repo.termsOfBlocs(
      em,
      ofFile.map((b) => b.id),
    );
    const memberships = await this.repo.memberships(em);
    const termById = new Map<number, { blocId: number }>();
    const allTerms = await this.repo.termsOfBlocs(
      em,
      blocs.map((b) => b.id),
    );
    for (const t of allTerms) termById.set(t.id, t);
    const membersOf = new Map<number, number[]>();
    for (const m of memberships)
      membersOf.set(m.termId, [...(membersOf.get(m.termId) ?? []), m.unitId]);
    const organization = currentOrganization();
    return planBlocImport(rows, {
      provinceId,
      blocs: new Map(blocs.map((b) => [b.code, b])),
      units: new Map(units.map((u) => [u.code, u])),
      terms: new Map(
        terms.map((t) => [`${t.blocId}|${t.year}`, { ...t, memberIds: membersOf.get(t.id) ?? [] }]),
      ),
      // a unit sits in one bloc a year of each organization (issue 21): the file's blocs are the
      // importing account's organization's, so only that organization's seats are taken
      memberships: new Map(
        memberships.flatMap((m) => {
          const bloc = blocById.get(termById.get(m.termId)?.blocId ?? 0);
          return (bloc?.organizingBodyId ?? null) === organization
            ? [[`${m.unitId}|${m.year}`, { termId: m.termId, blocName: bloc?.name ?? '' }] as const]
            : [];
        }),
      ),
    });
  }
}

function report(
  provinceId: number,
  read: { rows: BlocFileRow[]; fileErrors: Finding[] },
  plan: BlocImportPlan,
): BlocImportReportDto {
  const ok = read.fileErrors.length === 0 && plan.ok;
  const count = <T>(list: T[], f: (x: T) => boolean) => (ok ? list.filter(f).length : 0);
  const blocsToInsert = count(plan.blocs, (b) => b.action === 'INSERT');
  const blocsToUpdate = count(plan.blocs, (b) => b.action === 'UPDATE');
  const termsToInsert = count(plan.terms, (t) => t.action === 'INSERT');
  const termsToUpdate = count(plan.terms, (t) => t.action === 'UPDATE');
  const membersToWrite = ok
    ? plan.terms
        .filter((t) => t.action === 'INSERT' || t.action === 'UPDATE')
        .reduce((n, t) => n + t.memberIds.length, 0)
    : 0;
  return {
    ok,
    provinceId,
    rowsRead: read.rows.length,
    blocsToInsert,
    blocsToUpdate,
    termsToInsert,
    termsToUpdate,
    termsUnchanged: count(plan.terms, (t) => t.action === 'UNCHANGED'),
    membersToWrite,
    written: blocsToInsert + blocsToUpdate + termsToInsert + termsToUpdate + membersToWrite,
    fileErrors: read.fileErrors.map(toFinding),
    rowErrors: plan.rowErrors.map(toFinding),
    terms: plan.terms.map((t) => ({
      blocCode: t.blocCode,
      year: t.year,
      action: t.action,
      memberCount: t.memberIds.length,
      headUnitCode: t.headUnitCode,
      deputyUnitCode: t.deputyUnitCode,
      rowNumbers: t.rowNumbers,
      errors: t.errors.map(toFinding),
    })),
    saved: false,
  };
}
