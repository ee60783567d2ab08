import { AuditService } from '../../audit/audit.service';
import { Injectable } from '@nestjs/common';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { Db } from '../../database/db.service';
import { isActiveOn } from '../../domain/registry/unit-types';
import type {
  CreateProvinceDto,
  ListProvincesQueryDto,
  ProvinceDto,
  UpdateProvinceDto,
} from './dto/province.dto';
import type { ProvinceEntity } from './province.entity';
import { ProvinceErrors } from './province.errors';
import { ProvincesRepository } from './provinces.repository';

function toDto(p: ProvinceEntity, predecessorIds: number[] = []): ProvinceDto {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    fullName: p.fullName,
    validFrom: p.validFrom,
    validTo: p.validTo,
    successorId: p.successorId,
    predecessorIds,
    version: p.version,
  };
}

function predecessorsOf(all: readonly ProvinceEntity[], id: number): number[] {
  return all.filter((p) => p.successorId === id).map((p) => p.id);
}

/** Provinces and their succession after mergers (Hải Dương → Thành phố Hải Phòng, 2025). */
@Injectable()
export class ProvincesService {
  constructor(
    private readonly db: Db,
    private readonly provinces: ProvincesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every province (or those existing on `activeOn`), each with the provinces that merged into it. */
  list(q: ListProvincesQueryDto = {}): Promise<ProvinceDto[]> {
    return this.db.read(async (em) => {
      const all = await this.provinces.listAll(em);
      const shown = q.activeOn === undefined ? all : all.filter((p) => isActiveOn(p, q.activeOn!));
      return shown.map((p) => toDto(p, predecessorsOf(all, p.id)));
    });
  }

  get(id: number): Promise<ProvinceDto> {
    return this.db.read(async (em) => {
      const p = await this.provinces.findById(em, id);
      if (!p) throw new AppError(ProvinceErrors.NOT_FOUND);
      return toDto(p, predecessorsOf(await this.provinces.listAll(em), id));
    });
  }

  create(dto: CreateProvinceDto): Promise<ProvinceDto> {
    const validTo = dto.validTo ?? null;
    if (validTo !== null && validTo < dto.validFrom)
      throw new AppError(ProvinceErrors.DATES_REVERSED);
    return this.db.write(async (em) => {
      if (await this.provinces.codeExists(em, dto.code))
        throw new AppError(ProvinceErrors.CODE_TAKEN);
      const successorId = dto.successorId ?? null;
      if (successorId !== null && !(await this.provinces.findById(em, successorId)))
        throw new AppError(ProvinceErrors.SUCCESSOR_UNKNOWN);
      const created = toDto(await this.provinces.insert(em, { ...dto, validTo, successorId }));
      await this.audit.record(em, {
        action: 'province.create',
        entityType: 'province',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  update(id: number, dto: UpdateProvinceDto): Promise<ProvinceDto> {
    return this.db.write(async (em) => {
      const p = await this.provinces.findById(em, id);
      if (!p) throw new AppError(ProvinceErrors.NOT_FOUND);
      const conflict = () =>
        new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: p.version } });
      if (p.version !== dto.version) throw conflict();
      const { version, ...changes } = dto;
      const validTo = changes.validTo === undefined ? p.validTo : changes.validTo;
      if (validTo !== null && validTo < p.validFrom)
        throw new AppError(ProvinceErrors.DATES_REVERSED);
      if (
        changes.successorId != null &&
        (changes.successorId === id || !(await this.provinces.findById(em, changes.successorId)))
      ) {
        throw new AppError(ProvinceErrors.SUCCESSOR_UNKNOWN);
      }
      if (!(await this.provinces.updateIfVersion(em, id, version, changes))) throw conflict();
      const predecessorIds = predecessorsOf(await this.provinces.listAll(em), id);
      const after = toDto((await this.provinces.findById(em, id)) ?? p, predecessorIds);
      await this.audit.record(em, {
        action: 'province.update',
        entityType: 'province',
        entityId: id,
        before: toDto(p, predecessorIds),
        after,
      });
      return after;
    });
  }
}
