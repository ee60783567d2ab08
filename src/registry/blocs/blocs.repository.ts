import { Injectable } from '@nestjs/common';
import { updateIfVersion } from '../../database/optimistic';
import type { EntityManager } from 'typeorm';
import type { ScoringPhase } from '../../domain/scoring/phase';
import type { UnitEntity } from '../units/unit.entity';
import { UnitsRepository } from '../units/units.repository';
import { BlocMemberEntity } from './bloc-member.entity';
import { BlocTermEntity } from './bloc-term.entity';
import { BlocEntity } from './bloc.entity';
import { ownBlocsOnly } from '../../database/tenant';

export interface BlocFilter {
  provinceId?: number;
  kind?: string;
  year?: number;
}

/** All database access for blocs, their yearly terms and members (units through their repository). */
@Injectable()
export class BlocsRepository {
  constructor(private readonly units: UnitsRepository) {}

  list(
    em: EntityManager,
    f: BlocFilter,
    skip: number,
    take: number,
  ): Promise<[BlocEntity[], number]> {
    const qb = em.getRepository(BlocEntity).createQueryBuilder('b');
    if (f.provinceId !== undefined)
      qb.andWhere('b.provinceId = :provinceId', { provinceId: f.provinceId });
    if (f.kind !== undefined) qb.andWhere('b.kind = :kind', { kind: f.kind });
    if (f.year !== undefined) {
      qb.andWhere('EXISTS (SELECT 1 FROM bloc_term t WHERE t.bloc_id = b.id AND t.year = :year)', {
        year: f.year,
      });
    }
    return ownBlocsOnly(qb, 'b.id')
      .orderBy('b.code', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  findById(em: EntityManager, id: number): Promise<BlocEntity | null> {
    return em.getRepository(BlocEntity).findOneBy({ id });
  }

  async codeExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.getRepository(BlocEntity).countBy({ code })) > 0;
  }

  insert(
    em: EntityManager,
    values: Pick<BlocEntity, 'code' | 'name' | 'kind' | 'provinceId' | 'organizingBodyId'>,
  ): Promise<BlocEntity> {
    const repo = em.getRepository(BlocEntity);
    return repo.save(repo.create(values));
  }

  async updateIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<BlocEntity>,
  ): Promise<boolean> {
    return updateIfVersion(em, BlocEntity, id, version, values);
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.getRepository(BlocEntity).delete({ id });
  }

  /** Years with a term, per bloc id. */
  async termYears(em: EntityManager, blocIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (blocIds.length === 0) return out;
    const rows = await em
      .getRepository(BlocTermEntity)
      .createQueryBuilder('t')
      .select(['t.blocId', 't.year'])
      .where('t.blocId IN (:...ids)', { ids: [...blocIds] })
      .orderBy('t.year', 'ASC')
      .getMany();
    for (const r of rows) out.set(r.blocId, [...(out.get(r.blocId) ?? []), r.year]);
    return out;
  }

  findTermById(em: EntityManager, id: number): Promise<BlocTermEntity | null> {
    return em.getRepository(BlocTermEntity).findOneBy({ id });
  }

  findTerm(em: EntityManager, blocId: number, year: number): Promise<BlocTermEntity | null> {
    return em.getRepository(BlocTermEntity).findOneBy({ blocId, year });
  }

  listTerms(em: EntityManager, blocId: number): Promise<BlocTermEntity[]> {
    return em.getRepository(BlocTermEntity).find({ where: { blocId }, order: { year: 'ASC' } });
  }

  /** Member units of a term, ordered by unit code. */
  async membersOfTerm(em: EntityManager, termId: number): Promise<UnitEntity[]> {
    const members = await em
      .getRepository(BlocMemberEntity)
      .find({ select: { unitId: true }, where: { termId } });
    const unitIds = members.map((m) => m.unitId);
    return this.units.findByIds(em, unitIds);
  }

  /** A term's member rows (with their draw numbers) and its member units ordered by code, in two queries. */
  async membersWithRows(
    em: EntityManager,
    termId: number,
  ): Promise<{ members: UnitEntity[]; rows: BlocMemberEntity[] }> {
    const rows = await this.memberRows(em, termId);
    return {
      members: await this.units.findByIds(
        em,
        rows.map((r) => r.unitId),
      ),
      rows,
    };
  }

  /** How many memberships and head or deputy roles point at a unit (a unit in use is not deleted). */
  async unitReferenceCount(em: EntityManager, unitId: number): Promise<number> {
    const members = await em.getRepository(BlocMemberEntity).countBy({ unitId });
    const officers = await em
      .getRepository(BlocTermEntity)
      .createQueryBuilder('t')
      .where('t.headUnitId = :id OR t.deputyUnitId = :id', { id: unitId })
      .getCount();
    return members + officers;
  }

  /**
   * For each unit id, the name of the other bloc of organization `organizationId` (null: blocs of
   * none) it sits in that year (excluding `exceptTermId`): a unit sits in one bloc a year per
   * organization (issue 21), so the Front's cụm does not take a commune from the People's Committee's.
   */
  async otherBlocMemberships(
    em: EntityManager,
    unitIds: readonly number[],
    year: number,
    exceptTermId: number | null,
    organizationId: number | null,
  ): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (unitIds.length === 0) return out;
    const qb = em
      .getRepository(BlocMemberEntity)
      .createQueryBuilder('m')
      .innerJoin(BlocTermEntity, 't', 't.id = m.termId')
      .innerJoin(BlocEntity, 'b', 'b.id = t.blocId')
      .select('m.unitId', 'unitId')
      .addSelect('b.name', 'blocName')
      .where('m.year = :year', { year })
      .andWhere('m.unitId IN (:...ids)', { ids: [...unitIds] })
      .andWhere(
        organizationId === null ? 'b.organizingBodyId IS NULL' : 'b.organizingBodyId = :org',
        { org: organizationId },
      );
    if (exceptTermId !== null) qb.andWhere('m.termId <> :exceptTermId', { exceptTermId });
    const rows = await qb.getRawMany<{ unitId: number; blocName: string }>();
    for (const r of rows) out.set(Number(r.unitId), r.blocName);
    return out;
  }

  insertTerm(
    em: EntityManager,
    values: Pick<
      BlocTermEntity,
      'blocId' | 'year' | 'headUnitId' | 'deputyUnitId' | 'secretaryName' | 'note'
    >,
  ): Promise<BlocTermEntity> {
    const repo = em.getRepository(BlocTermEntity);
    return repo.save(repo.create(values));
  }

  async updateTermIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<BlocTermEntity>,
  ): Promise<boolean> {
    return updateIfVersion(em, BlocTermEntity, id, version, values);
  }

  /** Replaces the member list of a term. */
  async replaceMembers(
    em: EntityManager,
    termId: number,
    year: number,
    unitIds: readonly number[],
  ): Promise<void> {
    await em.getRepository(BlocMemberEntity).delete({ termId });
    if (unitIds.length === 0) return;
    await em
      .getRepository(BlocMemberEntity)
      .insert(unitIds.map((unitId) => ({ termId, unitId, year })));
  }

  /**
   * Sets a term's scoring phase when it is still `from`; false on a lost race. Only scoring moves
   * the phase, with its history row (`ScoringPhasesService.move`, same transaction).
   */
  async setScoringPhase(
    em: EntityManager,
    termId: number,
    from: ScoringPhase,
    to: ScoringPhase,
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(BlocTermEntity)
      .set({ scoringPhase: to })
      .where('id = :termId AND scoring_phase = :from', { termId, from })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  /** Member rows of a term (with their draw numbers). */
  memberRows(em: EntityManager, termId: number): Promise<BlocMemberEntity[]> {
    return em.getRepository(BlocMemberEntity).find({ where: { termId }, order: { unitId: 'ASC' } });
  }

  async setDrawNumbers(
    em: EntityManager,
    termId: number,
    draws: ReadonlyMap<number, number | null>,
  ): Promise<void> {
    // Clear first so that swapping two numbers does not trip UNIQUE(term_id, draw_number).
    await em
      .createQueryBuilder()
      .update(BlocMemberEntity)
      .set({ drawNumber: null })
      .where('term_id = :termId', { termId })
      .execute();
    for (const [unitId, drawNumber] of draws) {
      await em
        .createQueryBuilder()
        .update(BlocMemberEntity)
        .set({ drawNumber })
        .where('term_id = :termId AND unit_id = :unitId', { termId, unitId })
        .execute();
    }
  }
}
