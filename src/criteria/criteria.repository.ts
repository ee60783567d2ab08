import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CriteriaItemEntity } from './criteria-item.entity';
import type { ItemRow } from './criteria.mapper';
import { CriteriaSetEntity, type CriteriaSetStatus } from './criteria-set.entity';

/** All database access for criteria sets and their items. */
@Injectable()
export class CriteriaRepository {
  listForTerm(em: EntityManager, termId: number): Promise<CriteriaSetEntity[]> {
    return em
      .getRepository(CriteriaSetEntity)
      .find({ where: { termId }, order: { versionNo: 'ASC' } });
  }

  findById(em: EntityManager, id: number): Promise<CriteriaSetEntity | null> {
    return em.getRepository(CriteriaSetEntity).findOneBy({ id });
  }

  findByStatus(
    em: EntityManager,
    termId: number,
    status: CriteriaSetStatus,
  ): Promise<CriteriaSetEntity | null> {
    return em.getRepository(CriteriaSetEntity).findOneBy({ termId, status });
  }

  items(em: EntityManager, setId: number): Promise<CriteriaItemEntity[]> {
    return em
      .getRepository(CriteriaItemEntity)
      .find({ where: { setId }, order: { position: 'ASC' } });
  }

  async nextVersionNo(em: EntityManager, termId: number): Promise<number> {
    const row = await em
      .getRepository(CriteriaSetEntity)
      .createQueryBuilder('s')
      .select('MAX(s.versionNo)', 'max')
      .where('s.termId = :termId', { termId })
      .getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0) + 1;
  }

  async insert(
    em: EntityManager,
    values: Pick<
      CriteriaSetEntity,
      | 'termId'
      | 'versionNo'
      | 'status'
      | 'scale'
      | 'bonusCap'
      | 'penaltyCap'
      | 'tieBreak'
      | 'reason'
      | 'isSample'
      | 'signedOn'
    >,
    items: readonly ItemRow[],
  ): Promise<CriteriaSetEntity> {
    const repo = em.getRepository(CriteriaSetEntity);
    const saved = await repo.save(repo.create(values));
    await this.insertItems(em, saved.id, items);
    return saved;
  }

  /** Replaces a draft's content when its version still matches; false on a lost race. */
  async replaceDraftIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<
      Pick<
        CriteriaSetEntity,
        'scale' | 'bonusCap' | 'penaltyCap' | 'tieBreak' | 'reason' | 'isSample'
      >
    >,
    items: readonly ItemRow[],
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(CriteriaSetEntity)
      .set(values)
      .where("id = :id AND version = :version AND status = 'DRAFT'", { id, version })
      .execute();
    if ((r.affected ?? 0) !== 1) return false;
    await em.getRepository(CriteriaItemEntity).delete({ setId: id });
    await this.insertItems(em, id, items);
    return true;
  }

  async setStatusIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    from: CriteriaSetStatus,
    values: Partial<Pick<CriteriaSetEntity, 'status' | 'signedOn'>>,
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(CriteriaSetEntity)
      .set(values)
      .where('id = :id AND version = :version AND status = :from', { id, version, from })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async supersede(em: EntityManager, id: number): Promise<void> {
    await em
      .createQueryBuilder()
      .update(CriteriaSetEntity)
      .set({ status: 'SUPERSEDED' })
      .where("id = :id AND status = 'LOCKED'", { id })
      .execute();
  }

  async deleteDraft(em: EntityManager, id: number): Promise<boolean> {
    const r = await em.getRepository(CriteriaSetEntity).delete({ id, status: 'DRAFT' });
    return (r.affected ?? 0) === 1;
  }

  private async insertItems(
    em: EntityManager,
    setId: number,
    items: readonly ItemRow[],
  ): Promise<void> {
    if (items.length > 0)
      await em.getRepository(CriteriaItemEntity).insert(items.map((i) => ({ ...i, setId })));
  }
}
