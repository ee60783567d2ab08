import { Injectable } from '@nestjs/common';
import { Brackets, type EntityManager } from 'typeorm';
import { UnitLineageEntity } from './unit-lineage.entity';
import { UnitEntity } from './unit.entity';
import { ownUnitsOnly } from '../../database/tenant';

export interface UnitFilter {
  provinceId?: number;
  type?: string;
  activeOn?: string;
  q?: string;
}

/** All database access for member units and their lineage. */
@Injectable()
export class UnitsRepository {
  async list(
    em: EntityManager,
    f: UnitFilter,
    skip: number,
    take: number,
  ): Promise<[UnitEntity[], number]> {
    const qb = em.getRepository(UnitEntity).createQueryBuilder('u');
    if (f.provinceId !== undefined)
      qb.andWhere('u.provinceId = :provinceId', { provinceId: f.provinceId });
    if (f.type !== undefined) qb.andWhere('u.type = :type', { type: f.type });
    if (f.activeOn !== undefined) {
      qb.andWhere('u.validFrom <= :on', { on: f.activeOn });
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.validTo IS NULL').orWhere('u.validTo >= :on', { on: f.activeOn }),
        ),
      );
    }
    if (f.q) {
      const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("LOWER(u.code) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(u.shortName) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(u.fullName) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    return ownUnitsOnly(qb, 'u')
      .orderBy('u.provinceId', 'ASC')
      .addOrderBy('u.code', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  findById(em: EntityManager, id: number): Promise<UnitEntity | null> {
    return em.getRepository(UnitEntity).findOneBy({ id });
  }

  /** The units of these ids, ordered by code. */
  findByIds(em: EntityManager, ids: readonly number[]): Promise<UnitEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids: [...ids] })
      .orderBy('u.code', 'ASC')
      .getMany();
  }

  async codeExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.getRepository(UnitEntity).countBy({ code })) > 0;
  }

  insert(
    em: EntityManager,
    values: Omit<UnitEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'province'>,
  ): Promise<UnitEntity> {
    const repo = em.getRepository(UnitEntity);
    return repo.save(repo.create(values));
  }

  /** Updates only when the stored version is `version`; returns false on a lost race. */
  async updateIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<UnitEntity>,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(UnitEntity)
      .set(values)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.getRepository(UnitEntity).delete({ id });
  }

  /** How many lineage links still point at the unit (the blocs count their own rows: `UnitsService.remove`). */
  lineageCount(em: EntityManager, id: number): Promise<number> {
    return em
      .getRepository(UnitLineageEntity)
      .createQueryBuilder('l')
      .where('l.predecessorId = :id OR l.successorId = :id', { id })
      .getCount();
  }

  lineageOf(em: EntityManager, id: number): Promise<UnitLineageEntity[]> {
    return em
      .getRepository(UnitLineageEntity)
      .createQueryBuilder('l')
      .where('l.predecessorId = :id OR l.successorId = :id', { id })
      .orderBy('l.effectiveDate', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
  }

  async lineageExists(
    em: EntityManager,
    predecessorId: number,
    successorId: number,
  ): Promise<boolean> {
    return (await em.getRepository(UnitLineageEntity).countBy({ predecessorId, successorId })) > 0;
  }

  insertLineage(
    em: EntityManager,
    values: Omit<UnitLineageEntity, 'id' | 'createdAt' | 'predecessor' | 'successor'>,
  ): Promise<UnitLineageEntity> {
    const repo = em.getRepository(UnitLineageEntity);
    return repo.save(repo.create(values));
  }
}
