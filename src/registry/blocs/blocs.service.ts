import { AuditService } from '../../audit/audit.service';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { pageWindow, type Page } from '../../common/http/pagination';
import { Db } from '../../database/db.service';
import type { Finding } from '../../domain/common/result';
import { validateTermComposition, type TermUnitFacts } from '../../domain/registry/bloc-terms';
import { BLOC_KIND_LABELS } from '../../domain/registry/unit-types';
import { OrganizingBodiesRepository } from '../organizing-bodies/organizing-bodies.repository';
import { ProvincesRepository } from '../provinces/provinces.repository';
import { toUnitDto } from '../units/unit.mapper';
import { UnitsRepository } from '../units/units.repository';
import { UnitsService } from '../units/units.service';
import type { BlocTermEntity } from './bloc-term.entity';
import type { BlocEntity } from './bloc.entity';
import { BlocErrors } from './bloc.errors';
import { BlocsRepository } from './blocs.repository';
import type {
  BlocDto,
  CreateBlocDto,
  CreateTermDto,
  ListBlocsQueryDto,
  TermBodyDto,
  TermDto,
  UpdateBlocDto,
  UpdateTermDto,
} from './dto/bloc.dto';
import { currentOrganization } from '../../database/tenant';
import { mayMoveToOrganization, organizationForNew } from '../../domain/auth/tenancy';

function toBlocDto(b: BlocEntity, years: number[]): BlocDto {
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    kind: b.kind,
    kindLabel: BLOC_KIND_LABELS[b.kind],
    provinceId: b.provinceId,
    organizingBodyId: b.organizingBodyId,
    termYears: years,
    version: b.version,
  };
}

function findingsError(findings: Finding[]): AppError {
  const details = findings.map((f) => ({
    field: f.field,
    code: f.code,
    message: f.message,
    params: f.params,
  }));
  const onlyConflicts = findings.every((f) => f.code === 'BLOC_MEMBER_IN_OTHER_BLOC');
  const def = onlyConflicts ? BlocErrors.MEMBER_IN_OTHER_BLOC : BlocErrors.TERM_INVALID;
  return new AppError(def, {
    message: `${def.message} ${findings[0]?.message ?? ''}`.trim(),
    details,
  });
}

/** Blocs (khối / cụm thi đua) and their yearly terms: members, head, deputy, secretary. */
@Injectable()
export class BlocsService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly blocs: BlocsRepository,
    private readonly units: UnitsRepository,
    private readonly provinces: ProvincesRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly unitsService: UnitsService,
    private readonly audit: AuditService,
  ) {}

  /** A unit that is a member, head or deputy of a term is not deleted (409 UNIT_IN_USE). */
  onModuleInit(): void {
    this.unitsService.countReferencesWith((em, unitId) =>
      this.blocs.unitReferenceCount(em, unitId),
    );
  }

  list(q: ListBlocsQueryDto): Promise<Page<BlocDto>> {
    const { page, pageSize, skip } = pageWindow(q);
    return this.db.read(async (em) => {
      const [rows, total] = await this.blocs.list(em, q, skip, pageSize);
      const years = await this.blocs.termYears(
        em,
        rows.map((b) => b.id),
      );
      return { items: rows.map((b) => toBlocDto(b, years.get(b.id) ?? [])), total, page, pageSize };
    });
  }

  get(id: number): Promise<BlocDto> {
    return this.db.read(async (em) => {
      const b = await this.mustFind(em, id);
      const years = await this.blocs.termYears(em, [id]);
      return toBlocDto(b, years.get(id) ?? []);
    });
  }

  create(dto: CreateBlocDto): Promise<BlocDto> {
    return this.db.write(async (em) => {
      if (!(await this.provinces.exists(em, dto.provinceId)))
        throw new AppError(BlocErrors.PROVINCE_UNKNOWN);
      if (await this.blocs.codeExists(em, dto.code)) throw new AppError(BlocErrors.CODE_TAKEN);
      const placed = organizationForNew(currentOrganization(), dto.organizingBodyId);
      if (placed === 'NOT_OWN') throw new AppError(BlocErrors.ORGANIZATION_NOT_OWN);
      const organizingBodyId = placed.organizationId;
      if (organizingBodyId !== null && !(await this.bodies.exists(em, organizingBodyId)))
        throw new AppError(BlocErrors.ORGANIZING_BODY_UNKNOWN);
      const created = toBlocDto(await this.blocs.insert(em, { ...dto, organizingBodyId }), []);
      await this.audit.record(em, {
        action: 'bloc.create',
        entityType: 'bloc',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  update(id: number, dto: UpdateBlocDto): Promise<BlocDto> {
    return this.db.write(async (em) => {
      const b = await this.mustFind(em, id);
      const { version, ...changes } = dto;
      if (
        !mayMoveToOrganization(currentOrganization(), b.organizingBodyId, changes.organizingBodyId)
      )
        throw new AppError(BlocErrors.ORGANIZATION_NOT_OWN);
      if (
        changes.organizingBodyId != null &&
        !(await this.bodies.exists(em, changes.organizingBodyId))
      )
        throw new AppError(BlocErrors.ORGANIZING_BODY_UNKNOWN);
      if (b.organizingBodyId === null && changes.organizingBodyId != null)
        await this.requireNoSeatInOrganization(em, id, changes.organizingBodyId);
      if (b.version !== version || !(await this.blocs.updateIfVersion(em, id, version, changes))) {
        throw new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: b.version } });
      }
      const years = await this.blocs.termYears(em, [id]);
      const after = toBlocDto((await this.blocs.findById(em, id)) ?? b, years.get(id) ?? []);
      await this.audit.record(em, {
        action: 'bloc.update',
        entityType: 'bloc',
        entityId: id,
        before: toBlocDto(b, years.get(id) ?? []),
        after,
      });
      return after;
    });
  }

  /**
   * A bloc of no organization given one: none of its members may already sit, the same year, in
   * another bloc of that organization (one bloc a year of each organization, as the database's
   * trigger keeps for new members).
   */
  private async requireNoSeatInOrganization(
    em: EntityManager,
    blocId: number,
    organizationId: number,
  ): Promise<void> {
    for (const term of await this.blocs.listTerms(em, blocId)) {
      const members = await this.blocs.memberRows(em, term.id);
      const others = await this.blocs.otherBlocMemberships(
        em,
        members.map((m) => m.unitId),
        term.year,
        term.id,
        organizationId,
      );
      if (others.size > 0)
        throw new AppError(BlocErrors.MEMBER_IN_OTHER_BLOC, {
          message: `${BlocErrors.MEMBER_IN_OTHER_BLOC.message} Năm ${term.year}, ${others.size} đơn vị của khối đã ở trong khối, cụm khác của tổ chức này (${[...others.values()][0]}).`,
        });
    }
  }

  remove(id: number): Promise<void> {
    return this.db.write(async (em) => {
      await this.mustFind(em, id);
      if ((await this.blocs.listTerms(em, id)).length > 0) throw new AppError(BlocErrors.IN_USE);
      await this.blocs.delete(em, id);
      await this.audit.record(em, { action: 'bloc.delete', entityType: 'bloc', entityId: id });
    });
  }

  listTerms(blocId: number): Promise<TermDto[]> {
    return this.db.read(async (em) => {
      const bloc = await this.mustFind(em, blocId);
      const terms = await this.blocs.listTerms(em, blocId);
      const out: TermDto[] = [];
      for (const t of terms) out.push(await this.toTermDto(em, bloc, t));
      return out;
    });
  }

  getTerm(blocId: number, year: number): Promise<TermDto> {
    return this.db.read(async (em) => {
      const bloc = await this.mustFind(em, blocId);
      const term = await this.blocs.findTerm(em, blocId, year);
      if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
      return this.toTermDto(em, bloc, term);
    });
  }

  createTerm(blocId: number, dto: CreateTermDto): Promise<TermDto> {
    return this.db.write(async (em) => {
      const bloc = await this.mustFind(em, blocId);
      if (await this.blocs.findTerm(em, blocId, dto.year))
        throw new AppError(BlocErrors.TERM_EXISTS);
      await this.checkComposition(em, bloc, dto.year, dto, null);
      const term = await this.blocs.insertTerm(em, {
        blocId,
        year: dto.year,
        headUnitId: dto.headUnitId ?? null,
        deputyUnitId: dto.deputyUnitId ?? null,
        secretaryName: dto.secretaryName ?? null,
        note: dto.note ?? null,
      });
      await this.blocs.replaceMembers(em, term.id, dto.year, dto.memberUnitIds);
      const createdTerm = await this.toTermDto(em, bloc, term);
      await this.audit.record(em, {
        action: 'bloc.term.create',
        entityType: 'bloc_term',
        entityId: term.id,
        after: createdTerm,
      });
      return createdTerm;
    });
  }

  updateTerm(blocId: number, year: number, dto: UpdateTermDto): Promise<TermDto> {
    return this.db.write(async (em) => {
      const bloc = await this.mustFind(em, blocId);
      const term = await this.blocs.findTerm(em, blocId, year);
      if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
      const conflict = () =>
        new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: term.version } });
      if (term.version !== dto.version) throw conflict();
      await this.checkComposition(em, bloc, year, dto, term.id);
      const termBefore = await this.toTermDto(em, bloc, term);
      const ok = await this.blocs.updateTermIfVersion(em, term.id, dto.version, {
        headUnitId: dto.headUnitId ?? null,
        deputyUnitId: dto.deputyUnitId ?? null,
        secretaryName: dto.secretaryName ?? null,
        note: dto.note ?? null,
      });
      if (!ok) throw conflict();
      await this.blocs.replaceMembers(em, term.id, year, dto.memberUnitIds);
      const termAfter = await this.toTermDto(
        em,
        bloc,
        (await this.blocs.findTerm(em, blocId, year)) ?? term,
      );
      await this.audit.record(em, {
        action: 'bloc.term.update',
        entityType: 'bloc_term',
        entityId: term.id,
        before: termBefore,
        after: termAfter,
      });
      return termAfter;
    });
  }

  private async mustFind(em: EntityManager, id: number): Promise<BlocEntity> {
    const b = await this.blocs.findById(em, id);
    if (!b) throw new AppError(BlocErrors.NOT_FOUND);
    return b;
  }

  private async checkComposition(
    em: EntityManager,
    bloc: BlocEntity,
    year: number,
    dto: TermBodyDto,
    termId: number | null,
  ): Promise<void> {
    const headUnitId = dto.headUnitId ?? null;
    const deputyUnitId = dto.deputyUnitId ?? null;
    const ids = [...new Set(dto.memberUnitIds)];
    const found = await this.units.findByIds(em, ids);
    const others = await this.blocs.otherBlocMemberships(
      em,
      ids,
      year,
      termId,
      bloc.organizingBodyId,
    );
    const facts = new Map<number, TermUnitFacts>(
      found.map((u) => [
        u.id,
        {
          id: u.id,
          name: u.fullName,
          provinceId: u.provinceId,
          validFrom: u.validFrom,
          validTo: u.validTo,
          otherBlocName: others.get(u.id) ?? null,
        },
      ]),
    );
    const findings = validateTermComposition({
      year,
      blocProvinceId: bloc.provinceId,
      memberUnitIds: dto.memberUnitIds,
      units: facts,
      headUnitId,
      deputyUnitId,
    });
    if (findings.length > 0) throw findingsError(findings);
  }

  private async toTermDto(
    em: EntityManager,
    bloc: BlocEntity,
    t: BlocTermEntity,
  ): Promise<TermDto> {
    const members = await this.blocs.membersOfTerm(em, t.id);
    const byId = new Map(members.map((m) => [m.id, m]));
    const officer = (id: number | null) => {
      const u = id === null ? undefined : byId.get(id);
      return u ? toUnitDto(u) : null;
    };
    return {
      id: t.id,
      blocId: bloc.id,
      blocName: bloc.name,
      year: t.year,
      members: members.map(toUnitDto),
      memberCount: members.length,
      headUnit: officer(t.headUnitId),
      deputyUnit: officer(t.deputyUnitId),
      secretaryName: t.secretaryName,
      note: t.note,
      version: t.version,
    };
  }
}
