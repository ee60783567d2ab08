import { AuditService } from '../../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { pageWindow, type Page } from '../../common/http/pagination';
import { Db } from '../../database/db.service';
import { ProvincesRepository } from '../provinces/provinces.repository';
import type {
  CreateLineageDto,
  CreateUnitDto,
  ListUnitsQueryDto,
  UnitDetailDto,
  UnitDto,
  UpdateUnitDto,
} from './dto/unit.dto';
import { toLineageDto, toUnitDto } from './unit.mapper';
import { UnitErrors } from './unit.errors';
import { UnitsRepository } from './units.repository';
import { currentOrganization } from '../../database/tenant';

/**
 * Counts the rows of a table above the units that still point at a unit; the blocs add theirs
 * (memberships, head and deputy roles) with `UnitsService.countReferencesWith`.
 */
export type UnitReferenceCount = (em: EntityManager, unitId: number) => Promise<number>;

/** Member units: registry, validity periods and successor links (R13). */
@Injectable()
export class UnitsService {
  readonly #referenceCounts: UnitReferenceCount[] = [];

  constructor(
    private readonly db: Db,
    private readonly units: UnitsRepository,
    private readonly provinces: ProvincesRepository,
    private readonly audit: AuditService,
  ) {}

  /** A feature above the units whose rows point at units: a unit still referenced is not deleted. */
  countReferencesWith(count: UnitReferenceCount): void {
    this.#referenceCounts.push(count);
  }

  list(q: ListUnitsQueryDto): Promise<Page<UnitDto>> {
    const { page, pageSize, skip } = pageWindow(q);
    return this.db.read(async (em) => {
      const [rows, total] = await this.units.list(em, q, skip, pageSize);
      return { items: rows.map(toUnitDto), total, page, pageSize };
    });
  }

  get(id: number): Promise<UnitDetailDto> {
    return this.db.read(async (em) => {
      const unit = await this.units.findById(em, id);
      if (!unit) throw new AppError(UnitErrors.NOT_FOUND);
      const links = await this.units.lineageOf(em, id);
      return {
        ...toUnitDto(unit),
        predecessors: links.filter((l) => l.successorId === id).map(toLineageDto),
        successors: links.filter((l) => l.predecessorId === id).map(toLineageDto),
      };
    });
  }

  create(dto: CreateUnitDto): Promise<UnitDto> {
    const validTo = dto.validTo ?? null;
    if (validTo !== null && validTo < dto.validFrom) throw new AppError(UnitErrors.DATES_REVERSED);
    return this.db.write(async (em) => {
      if (!(await this.provinces.exists(em, dto.provinceId)))
        throw new AppError(UnitErrors.PROVINCE_UNKNOWN);
      if (await this.units.codeExists(em, dto.code)) throw new AppError(UnitErrors.CODE_TAKEN);
      const saved = await this.units.insert(em, {
        ...dto,
        validTo,
        registeredByOrganizationId: currentOrganization(),
      });
      const after = toUnitDto(saved);
      await this.audit.record(em, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: saved.id,
        after,
      });
      return after;
    });
  }

  update(id: number, dto: UpdateUnitDto): Promise<UnitDto> {
    return this.db.write(async (em) => {
      const unit = await this.units.findById(em, id);
      if (!unit) throw new AppError(UnitErrors.NOT_FOUND);
      if (unit.version !== dto.version) {
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: unit.version },
        });
      }
      const { version, ...changes } = dto;
      const validFrom = changes.validFrom ?? unit.validFrom;
      const validTo = changes.validTo === undefined ? unit.validTo : changes.validTo;
      if (validTo !== null && validTo < validFrom) throw new AppError(UnitErrors.DATES_REVERSED);
      if (!(await this.units.updateIfVersion(em, id, version, changes))) {
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: unit.version },
        });
      }
      const saved = await this.units.findById(em, id);
      const after = toUnitDto(saved ?? unit);
      await this.audit.record(em, {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        before: toUnitDto(unit),
        after,
      });
      return after;
    });
  }

  remove(id: number): Promise<void> {
    return this.db.write(async (em) => {
      const unit = await this.units.findById(em, id);
      if (!unit) throw new AppError(UnitErrors.NOT_FOUND);
      let references = await this.units.lineageCount(em, id);
      for (const count of this.#referenceCounts) references += await count(em, id);
      if (references > 0) throw new AppError(UnitErrors.IN_USE);
      await this.units.delete(em, id);
      await this.audit.record(em, {
        action: 'unit.delete',
        entityType: 'unit',
        entityId: id,
        before: toUnitDto(unit),
      });
    });
  }

  addSuccessor(id: number, dto: CreateLineageDto): Promise<UnitDetailDto> {
    return this.db
      .write(async (em) => {
        const [pred, succ] = [
          await this.units.findById(em, id),
          await this.units.findById(em, dto.successorId),
        ];
        if (!pred || !succ) throw new AppError(UnitErrors.NOT_FOUND);
        if (pred.id === succ.id) {
          throw new AppError(UnitErrors.LINEAGE_INCONSISTENT, {
            message: 'Một đơn vị không thể kế thừa chính nó.',
          });
        }
        if (pred.validTo === null || pred.validTo >= dto.effectiveDate) {
          throw new AppError(UnitErrors.LINEAGE_INCONSISTENT, {
            message: `Đơn vị ${pred.fullName} phải có ngày hết hiệu lực trước ngày kế thừa ${dto.effectiveDate} (hiện là ${pred.validTo ?? 'chưa đặt'}).`,
          });
        }
        if (
          succ.validFrom > dto.effectiveDate ||
          (succ.validTo !== null && succ.validTo < dto.effectiveDate)
        ) {
          throw new AppError(UnitErrors.LINEAGE_INCONSISTENT, {
            message: `Đơn vị kế thừa ${succ.fullName} phải còn hiệu lực vào ngày ${dto.effectiveDate}.`,
          });
        }
        if (await this.units.lineageExists(em, pred.id, succ.id))
          throw new AppError(UnitErrors.LINEAGE_EXISTS);
        await this.units.insertLineage(em, {
          predecessorId: pred.id,
          successorId: succ.id,
          kind: dto.kind,
          effectiveDate: dto.effectiveDate,
          note: dto.note ?? null,
        });
        await this.audit.record(em, {
          action: 'unit.successor.add',
          entityType: 'unit',
          entityId: pred.id,
          after: {
            successorId: succ.id,
            kind: dto.kind,
            effectiveDate: dto.effectiveDate,
            note: dto.note ?? null,
          },
        });
      })
      .then(() => this.get(id));
  }
}
