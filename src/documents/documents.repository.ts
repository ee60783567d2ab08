import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DocKind } from '../domain/documents/view-model';
import { DocumentSeriesEntity, GeneratedDocumentEntity } from './document.entity';

/** Database access for numbering series and generated documents. */
@Injectable()
export class DocumentsRepository {
  /** Next number of the issuer's series for the year: one UPDATE holds the row lock until commit, so two transactions never get the same number. */
  async nextNumber(em: EntityManager, issuerKey: string, year: number): Promise<number> {
    const repo = em.getRepository(DocumentSeriesEntity);
    if (!(await repo.findOneBy({ issuerKey, year }))) {
      await em
        .createQueryBuilder()
        .insert()
        .into(DocumentSeriesEntity)
        .values({ issuerKey, year, lastNumber: 0 })
        .orIgnore()
        .execute();
    }
    await em
      .createQueryBuilder()
      .update(DocumentSeriesEntity)
      .set({ lastNumber: () => 'last_number + 1' })
      .where('issuer_key = :issuerKey AND year = :year', { issuerKey, year })
      .execute();
    return (await repo.findOneByOrFail({ issuerKey, year })).lastNumber;
  }

  latest(
    em: EntityManager,
    meetingId: number,
    kind: DocKind,
  ): Promise<GeneratedDocumentEntity | null> {
    return em
      .getRepository(GeneratedDocumentEntity)
      .findOne({ where: { meetingId, kind }, order: { versionNo: 'DESC' } });
  }

  list(em: EntityManager, meetingId: number): Promise<GeneratedDocumentEntity[]> {
    return em.getRepository(GeneratedDocumentEntity).find({
      where: { meetingId },
      order: { kind: 'ASC', versionNo: 'ASC' },
      select: {
        id: true,
        meetingId: true,
        kind: true,
        versionNo: true,
        number: true,
        numberText: true,
        snapshotSha256: true,
        templateVersion: true,
        createdAt: true,
      },
    });
  }

  findById(em: EntityManager, id: number): Promise<GeneratedDocumentEntity | null> {
    return em.getRepository(GeneratedDocumentEntity).findOneBy({ id });
  }

  insert(
    em: EntityManager,
    values: Omit<GeneratedDocumentEntity, 'id' | 'createdAt' | 'meeting'>,
  ): Promise<GeneratedDocumentEntity> {
    const repo = em.getRepository(GeneratedDocumentEntity);
    return repo.save(repo.create(values));
  }
}
