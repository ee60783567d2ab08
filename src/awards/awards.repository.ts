import { sharedOrOwnRows } from '../database/tenant';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { UnitLineageEntity } from '../registry/units/unit-lineage.entity';
import { UnitEntity } from '../registry/units/unit.entity';
import { AwardHistoryEntity } from './award-history.entity';

export type AwardValues = Omit<AwardHistoryEntity, 'id' | 'createdAt' | 'unit' | 'tier'>;

/** All database access for the awards history. */
@Injectable()
export class AwardsRepository {
  list(
    em: EntityManager,
    q: { unitIds?: readonly number[]; year?: number },
  ): Promise<AwardHistoryEntity[]> {
    const where: FindOptionsWhere<AwardHistoryEntity> = {};
    if (q.unitIds !== undefined) where.unitId = In([...q.unitIds]);
    if (q.year !== undefined) where.year = q.year;
    return em
      .getRepository(AwardHistoryEntity)
      .find({ where, order: { year: 'ASC', id: 'ASC' }, relations: { unit: true, tier: true } });
  }

  lineageEdges(em: EntityManager): Promise<UnitLineageEntity[]> {
    return em
      .getRepository(UnitLineageEntity)
      .find({ select: { predecessorId: true, successorId: true } });
  }

  all(em: EntityManager): Promise<AwardHistoryEntity[]> {
    return em.getRepository(AwardHistoryEntity).find();
  }

  unitsByCode(em: EntityManager): Promise<UnitEntity[]> {
    return em.getRepository(UnitEntity).find();
  }

  /** The tiers an award file's codes are read against: the shared ones and the organization's own. */
  tiers(em: EntityManager): Promise<AwardTierEntity[]> {
    return sharedOrOwnRows(
      em.getRepository(AwardTierEntity).createQueryBuilder('t'),
      't.organizing_body_id',
    ).getMany();
  }

  async insert(em: EntityManager, values: AwardValues): Promise<void> {
    await em.getRepository(AwardHistoryEntity).insert(values);
  }

  async update(em: EntityManager, id: number, values: AwardValues): Promise<void> {
    await em.getRepository(AwardHistoryEntity).update({ id }, values);
  }
}
