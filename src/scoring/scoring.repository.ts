import { Injectable } from '@nestjs/common';
import { updateIfVersion } from '../database/optimistic';
import type { EntityManager } from 'typeorm';
import { ScoreEntryEntity, type ScoreStageCode } from './score-entry.entity';
import { ScoreEvidenceEntity } from './score-evidence.entity';
import { ScoringPhaseTransitionEntity } from './scoring-phase-transition.entity';

export type NewLine = Pick<
  ScoreEntryEntity,
  'termId' | 'unitId' | 'stage' | 'itemCode' | 'value' | 'reason'
>;

/** All database access for score lines, their evidence and the history of the scoring phases. */
@Injectable()
export class ScoringRepository {
  /** Lines of one stage of a term, optionally for one unit. */
  lines(
    em: EntityManager,
    termId: number,
    stage: ScoreStageCode,
    unitId?: number,
  ): Promise<ScoreEntryEntity[]> {
    return em.getRepository(ScoreEntryEntity).find({
      where: unitId === undefined ? { termId, stage } : { termId, stage, unitId },
      order: { unitId: 'ASC', itemCode: 'ASC' },
    });
  }

  async insertLine(em: EntityManager, line: NewLine): Promise<void> {
    await em.getRepository(ScoreEntryEntity).insert({ ...line, version: 1 });
  }

  /** Updates a line if its version still matches; false on a lost race. */
  async updateLineIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Pick<ScoreEntryEntity, 'value' | 'reason'>,
  ): Promise<boolean> {
    return updateIfVersion(em, ScoreEntryEntity, id, version, values);
  }

  async deleteLineIfVersion(em: EntityManager, id: number, version: number): Promise<boolean> {
    const r = await em.getRepository(ScoreEntryEntity).delete({ id, version });
    return (r.affected ?? 0) === 1;
  }

  insertEvidence(
    em: EntityManager,
    values: Pick<
      ScoreEvidenceEntity,
      | 'termId'
      | 'unitId'
      | 'itemCode'
      | 'kind'
      | 'note'
      | 'fileName'
      | 'mimeType'
      | 'sizeBytes'
      | 'sha256'
      | 'contentBase64'
    >,
  ): Promise<ScoreEvidenceEntity> {
    const repo = em.getRepository(ScoreEvidenceEntity);
    return repo.save(repo.create(values));
  }

  evidenceOf(em: EntityManager, termId: number, unitId: number): Promise<ScoreEvidenceEntity[]> {
    return em
      .getRepository(ScoreEvidenceEntity)
      .find({ where: { termId, unitId }, order: { id: 'ASC' } });
  }

  evidenceContent(
    em: EntityManager,
    termId: number,
    id: number,
  ): Promise<ScoreEvidenceEntity | null> {
    return em
      .getRepository(ScoreEvidenceEntity)
      .createQueryBuilder('e')
      .addSelect('e.contentBase64')
      .where('e.id = :id AND e.termId = :termId', { id, termId })
      .getOne();
  }

  async insertPhaseTransition(
    em: EntityManager,
    values: Pick<ScoringPhaseTransitionEntity, 'termId' | 'fromPhase' | 'toPhase' | 'reason'>,
  ): Promise<void> {
    await em.getRepository(ScoringPhaseTransitionEntity).insert(values);
  }

  phaseHistory(em: EntityManager, termId: number): Promise<ScoringPhaseTransitionEntity[]> {
    return em
      .getRepository(ScoringPhaseTransitionEntity)
      .find({ where: { termId }, order: { id: 'ASC' } });
  }
}
