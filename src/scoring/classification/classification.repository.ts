import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DerivedBasis } from '../../domain/classification/derive';
import type {
  ClassificationLevel,
  ClassificationMethod,
  ClassificationScale,
} from '../../domain/classification/scale';
import type { VotedBasis } from '../../domain/classification/vote';
import type { VotingRule } from '../../domain/voting';
import { ClassificationSchemeEntity } from './classification-scheme.entity';
import { UnitClassificationEntity } from './unit-classification.entity';

/** A term's scale as the domain reads it, with its row's id, basis, voting rule and version. */
export interface StoredScheme extends ClassificationScale {
  readonly id: number;
  readonly basis: string;
  readonly votingRule: VotingRule | null;
  readonly version: number;
}

/** A unit's recorded classification as the domain reads it. */
export interface StoredClassification {
  readonly unitId: number;
  readonly rank: number;
  readonly label: string;
  readonly method: ClassificationMethod;
  readonly basis: DerivedBasis | VotedBasis;
}

/** The one place the scale's and the basis' JSON columns are decoded. */
function toScheme(row: ClassificationSchemeEntity): StoredScheme {
  return {
    id: row.id,
    method: row.method,
    levels: JSON.parse(row.levels) as ClassificationLevel[],
    basis: row.basis,
    votingRule: row.votingRule === null ? null : (JSON.parse(row.votingRule) as VotingRule),
    version: row.version,
  };
}

function toClassification(row: UnitClassificationEntity): StoredClassification {
  return {
    unitId: row.unitId,
    rank: row.levelRank,
    label: row.levelLabel,
    method: row.method,
    basis: JSON.parse(row.basis) as DerivedBasis | VotedBasis,
  };
}

/** All database access for yearly classifications (xếp loại thi đua). */
@Injectable()
export class ClassificationRepository {
  async schemeForTerm(em: EntityManager, termId: number): Promise<StoredScheme | null> {
    const row = await em
      .getRepository(ClassificationSchemeEntity)
      .findOneBy({ blocTermId: termId });
    return row ? toScheme(row) : null;
  }

  async saveScheme(
    em: EntityManager,
    termId: number,
    scheme: { method: ClassificationMethod; levels: readonly ClassificationLevel[]; basis: string },
    votingRule: VotingRule | null,
  ): Promise<StoredScheme> {
    const repo = em.getRepository(ClassificationSchemeEntity);
    const existing = await repo.findOneBy({ blocTermId: termId });
    const values = {
      blocTermId: termId,
      method: scheme.method,
      levels: JSON.stringify(scheme.levels),
      basis: scheme.basis,
      votingRule: votingRule === null ? null : JSON.stringify(votingRule),
    };
    const saved = existing
      ? await repo.save(repo.merge(existing, values))
      : await repo.save(repo.create(values));
    return toScheme(saved);
  }

  async forTerm(em: EntityManager, termId: number): Promise<StoredClassification[]> {
    const rows = await em
      .getRepository(UnitClassificationEntity)
      .find({ where: { blocTermId: termId }, order: { levelRank: 'ASC', unitId: 'ASC' } });
    return rows.map(toClassification);
  }

  async ofUnit(
    em: EntityManager,
    termId: number,
    unitId: number,
  ): Promise<StoredClassification | null> {
    const row = await em
      .getRepository(UnitClassificationEntity)
      .findOneBy({ blocTermId: termId, unitId });
    return row ? toClassification(row) : null;
  }

  countForTerm(em: EntityManager, termId: number): Promise<number> {
    return em.getRepository(UnitClassificationEntity).countBy({ blocTermId: termId });
  }

  /** Writes each unit's classification, replacing the one recorded; returns the rows written. */
  async upsert(
    em: EntityManager,
    termId: number,
    rows: readonly StoredClassification[],
  ): Promise<number> {
    const repo = em.getRepository(UnitClassificationEntity);
    let written = 0;
    for (const r of rows) {
      const values = {
        blocTermId: termId,
        unitId: r.unitId,
        levelRank: r.rank,
        levelLabel: r.label,
        method: r.method,
        basis: JSON.stringify(r.basis),
      };
      const existing = await repo.findOneBy({ blocTermId: termId, unitId: r.unitId });
      await repo.save(existing ? repo.merge(existing, values) : repo.create(values));
      written += 1;
    }
    return written;
  }
}
