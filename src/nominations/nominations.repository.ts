import { Injectable } from '@nestjs/common';
import { updateIfVersion } from '../database/optimistic';
import { In, type EntityManager } from 'typeorm';
import { ancestorsOf } from '../domain/registry/lineage';
import { UnitLineageEntity } from '../registry/units/unit-lineage.entity';
import { AwardHistoryEntity } from '../awards/award-history.entity';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocEntity } from '../registry/blocs/bloc.entity';
import { INACTIVE_STATUSES, type NominationStatus } from '../domain/nominations/status';
import {
  NominationAcknowledgementEntity,
  NominationReportEntity,
  NominationTransitionEntity,
} from './nomination-history.entity';
import { NominationEntity } from './nomination.entity';
import { blocsCountedWith, ownBlocsOnly } from '../database/tenant';

/** A `date` column read raw: text on SQLite, a Date at local midnight from the PostgreSQL driver. */
function isoDate(v: string | Date): string {
  if (typeof v === 'string') return v.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
}

/** All database access for nominations, their history, acknowledgements and reports. */
@Injectable()
export class NominationsRepository {
  /**
   * Date of the finalized official meeting of a term (its latest version), or null. The `meeting`
   * table belongs to meetings, which sits above nominations (a finalized meeting proposes
   * nominations): it is read here by name, in this one query, so that nominations imports nothing
   * from meetings (issue 15: no circle between feature folders).
   */
  async blocMeetingDate(em: EntityManager, termId: number): Promise<string | null> {
    const row = await em
      .createQueryBuilder()
      .select('m.meeting_date', 'meetingDate')
      .from('meeting', 'm')
      .where("m.term_id = :termId AND m.is_rehearsal = false AND m.status = 'FINALIZED'", {
        termId,
      })
      .orderBy('m.version_no', 'DESC')
      .limit(1)
      .getRawOne<{ meetingDate: string | Date }>();
    return row ? isoDate(row.meetingDate) : null;
  }

  findById(em: EntityManager, id: number): Promise<NominationEntity | null> {
    return em.getRepository(NominationEntity).findOneBy({ id });
  }

  listForTerm(em: EntityManager, termId: number): Promise<NominationEntity[]> {
    return em.getRepository(NominationEntity).find({ where: { termId }, order: { id: 'ASC' } });
  }

  /** Every nomination of the province's blocs for an award year. */
  listForProvinceYear(
    em: EntityManager,
    provinceId: number,
    year: number,
  ): Promise<NominationEntity[]> {
    return ownBlocsOnly(
      em
        .getRepository(NominationEntity)
        .createQueryBuilder('n')
        .innerJoin(BlocTermEntity, 't', 't.id = n.termId')
        .innerJoin(BlocEntity, 'b', 'b.id = t.blocId')
        .where('b.provinceId = :provinceId AND t.year = :year', { provinceId, year }),
      'b.id',
    )
      .orderBy('n.tierId', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();
  }

  /**
   * Ids of the province's active nominations of a tier and year (the cap's "used", R4), in the blocs
   * counted with a bloc of organization `organizationId` (`blocsCountedWith`).
   */
  async activeIdsInProvince(
    em: EntityManager,
    provinceId: number,
    year: number,
    tierId: number,
    organizationId: number | null,
  ): Promise<number[]> {
    const rows = await blocsCountedWith(
      em
        .getRepository(NominationEntity)
        .createQueryBuilder('n')
        .select('n.id', 'id')
        .innerJoin(BlocTermEntity, 't', 't.id = n.termId')
        .innerJoin(BlocEntity, 'b', 'b.id = t.blocId'),
      'b.organizing_body_id',
      organizationId,
    )
      .andWhere('b.provinceId = :provinceId AND t.year = :year AND n.tierId = :tierId', {
        provinceId,
        year,
        tierId,
      })
      .andWhere('n.status NOT IN (:...inactive)', { inactive: [...INACTIVE_STATUSES] })
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Blocs of the province with a term that year: each has one leader, the base of the province cap
   * (R4). Counted with a bloc of organization `organizationId` (`blocsCountedWith`).
   */
  countBlocsWithTerm(
    em: EntityManager,
    provinceId: number,
    year: number,
    organizationId: number | null,
  ): Promise<number> {
    return blocsCountedWith(
      em
        .getRepository(BlocTermEntity)
        .createQueryBuilder('t')
        .innerJoin(BlocEntity, 'b', 'b.id = t.blocId')
        .where('b.provinceId = :provinceId AND t.year = :year', { provinceId, year }),
      'b.organizing_body_id',
      organizationId,
    ).getCount();
  }

  insert(
    em: EntityManager,
    values: Pick<
      NominationEntity,
      | 'termId'
      | 'unitId'
      | 'tierId'
      | 'status'
      | 'achievementSummary'
      | 'referenceDate'
      | 'leaderExceptionBasis'
    >,
  ): Promise<NominationEntity> {
    const repo = em.getRepository(NominationEntity);
    return repo.save(
      repo.create({
        ...values,
        councilAgree: null,
        councilMembers: null,
        councilDate: null,
        decisionNumber: null,
        decisionDate: null,
        decider: null,
      }),
    );
  }

  async updateIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<NominationEntity>,
  ): Promise<boolean> {
    return updateIfVersion(em, NominationEntity, id, version, values);
  }

  async addTransition(
    em: EntityManager,
    nominationId: number,
    from: NominationStatus | null,
    to: NominationStatus,
    reason: string | null,
  ): Promise<void> {
    await em
      .getRepository(NominationTransitionEntity)
      .insert({ nominationId, fromStatus: from, toStatus: to, reason });
  }

  transitions(em: EntityManager, nominationId: number): Promise<NominationTransitionEntity[]> {
    return em
      .getRepository(NominationTransitionEntity)
      .find({ where: { nominationId }, order: { id: 'ASC' } });
  }

  async addAcknowledgements(
    em: EntityManager,
    nominationId: number,
    acks: readonly { code: string; reason: string }[],
  ): Promise<void> {
    if (acks.length > 0)
      await em
        .getRepository(NominationAcknowledgementEntity)
        .insert(acks.map((a) => ({ nominationId, code: a.code, reason: a.reason })));
  }

  acknowledgements(
    em: EntityManager,
    nominationId: number,
  ): Promise<NominationAcknowledgementEntity[]> {
    return em
      .getRepository(NominationAcknowledgementEntity)
      .find({ where: { nominationId }, order: { id: 'ASC' } });
  }

  addReport(
    em: EntityManager,
    values: Pick<
      NominationReportEntity,
      'nominationId' | 'fileName' | 'mimeType' | 'sizeBytes' | 'sha256' | 'contentBase64'
    >,
  ): Promise<NominationReportEntity> {
    const repo = em.getRepository(NominationReportEntity);
    return repo.save(repo.create(values));
  }

  reports(em: EntityManager, nominationId: number): Promise<NominationReportEntity[]> {
    return em
      .getRepository(NominationReportEntity)
      .find({ where: { nominationId }, order: { id: 'ASC' } });
  }

  reportContent(
    em: EntityManager,
    nominationId: number,
    reportId: number,
  ): Promise<NominationReportEntity | null> {
    return em
      .getRepository(NominationReportEntity)
      .createQueryBuilder('r')
      .addSelect('r.contentBase64')
      .where('r.id = :reportId AND r.nominationId = :nominationId', { reportId, nominationId })
      .getOne();
  }

  /** Awards of the unit and of every unit it continues through lineage links (R13). */
  async awardsOfUnitAndPredecessors(
    em: EntityManager,
    unitId: number,
  ): Promise<AwardHistoryEntity[]> {
    const edges = await em
      .getRepository(UnitLineageEntity)
      .find({ select: { predecessorId: true, successorId: true } });
    const ids = [unitId, ...ancestorsOf(unitId, edges)];
    return em
      .getRepository(AwardHistoryEntity)
      .find({ where: { unitId: In(ids) }, order: { year: 'ASC', id: 'ASC' } });
  }

  async awardExists(
    em: EntityManager,
    unitId: number,
    year: number,
    tierId: number,
  ): Promise<boolean> {
    return (await em.getRepository(AwardHistoryEntity).countBy({ unitId, year, tierId })) > 0;
  }

  async insertAward(
    em: EntityManager,
    values: Omit<AwardHistoryEntity, 'id' | 'createdAt' | 'unit' | 'tier'>,
  ): Promise<void> {
    await em.getRepository(AwardHistoryEntity).insert(values);
  }
}
