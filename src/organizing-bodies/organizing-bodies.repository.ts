import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateIfVersion } from '../database/optimistic';
import { OrganizingBodyEntity } from './organizing-body.entity';

/** All database access for organising bodies. */
@Injectable()
export class OrganizingBodiesRepository {
  listAll(em: EntityManager): Promise<OrganizingBodyEntity[]> {
    return em.getRepository(OrganizingBodyEntity).find({ order: { code: 'ASC' } });
  }

  findById(em: EntityManager, id: number): Promise<OrganizingBodyEntity | null> {
    return em.getRepository(OrganizingBodyEntity).findOneBy({ id });
  }

  async codeExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.getRepository(OrganizingBodyEntity).countBy({ code })) > 0;
  }

  insert(
    em: EntityManager,
    values: Omit<OrganizingBodyEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>,
  ) {
    const repo = em.getRepository(OrganizingBodyEntity);
    return repo.save(repo.create(values));
  }

  updateIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<OrganizingBodyEntity>,
  ): Promise<boolean> {
    return updateIfVersion(em, OrganizingBodyEntity, id, version, values);
  }
}
