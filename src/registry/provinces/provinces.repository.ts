import { Injectable } from '@nestjs/common';
import { updateIfVersion } from '../../database/optimistic';
import type { EntityManager } from 'typeorm';
import { ProvinceEntity } from './province.entity';

/** All database access for provinces. */
@Injectable()
export class ProvincesRepository {
  listAll(em: EntityManager): Promise<ProvinceEntity[]> {
    return em.getRepository(ProvinceEntity).find({ order: { validFrom: 'ASC', code: 'ASC' } });
  }

  findById(em: EntityManager, id: number): Promise<ProvinceEntity | null> {
    return em.getRepository(ProvinceEntity).findOneBy({ id });
  }

  async exists(em: EntityManager, id: number): Promise<boolean> {
    return (await em.getRepository(ProvinceEntity).countBy({ id })) > 0;
  }

  async codeExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.getRepository(ProvinceEntity).countBy({ code })) > 0;
  }

  insert(
    em: EntityManager,
    values: Pick<
      ProvinceEntity,
      'code' | 'name' | 'fullName' | 'validFrom' | 'validTo' | 'successorId'
    >,
  ): Promise<ProvinceEntity> {
    const repo = em.getRepository(ProvinceEntity);
    return repo.save(repo.create(values));
  }

  async updateIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<ProvinceEntity>,
  ): Promise<boolean> {
    return updateIfVersion(em, ProvinceEntity, id, version, values);
  }
}
