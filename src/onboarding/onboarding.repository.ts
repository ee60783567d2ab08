import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BlocMemberEntity } from '../registry/blocs/bloc-member.entity';
import { CriteriaItemEntity } from '../criteria/criteria-item.entity';
import { CriteriaSetEntity } from '../criteria/criteria-set.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocEntity } from '../registry/blocs/bloc.entity';
import { ProvinceEntity } from '../registry/provinces/province.entity';
import { UnitLineageEntity } from '../registry/units/unit-lineage.entity';
import { UnitEntity } from '../registry/units/unit.entity';
import { currentOrganization, ownBlocsOnly } from '../database/tenant';

const CHUNK = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export type UnitValues = Pick<
  UnitEntity,
  | 'code'
  | 'shortName'
  | 'type'
  | 'fullName'
  | 'collectiveName'
  | 'provinceId'
  | 'validFrom'
  | 'validTo'
>;

/** Set-based reads and writes of the province imports and the year rollover (thousands of rows). */
@Injectable()
export class OnboardingRepository {
  provinces(em: EntityManager): Promise<ProvinceEntity[]> {
    return em.getRepository(ProvinceEntity).find();
  }

  province(em: EntityManager, id: number): Promise<ProvinceEntity | null> {
    return em.getRepository(ProvinceEntity).findOneBy({ id });
  }

  units(em: EntityManager): Promise<UnitEntity[]> {
    return em.getRepository(UnitEntity).find();
  }

  links(em: EntityManager): Promise<UnitLineageEntity[]> {
    return em.getRepository(UnitLineageEntity).find();
  }

  /** Every (unit, year, bloc) membership. */
  async memberships(
    em: EntityManager,
  ): Promise<{ unitId: number; year: number; termId: number }[]> {
    const rows = await em
      .getRepository(BlocMemberEntity)
      .createQueryBuilder('m')
      .select(['m.unitId AS "unitId"', 'm.year AS "year"', 'm.termId AS "termId"'])
      .getRawMany<{ unitId: number | string; year: number | string; termId: number | string }>();
    return rows.map((r) => ({
      unitId: Number(r.unitId),
      year: Number(r.year),
      termId: Number(r.termId),
    }));
  }

  /** Inserts units and returns their ids by code. */
  async insertUnits(em: EntityManager, rows: readonly UnitValues[]): Promise<Map<string, number>> {
    for (const part of chunks(rows))
      await em
        .createQueryBuilder()
        .insert()
        .into(UnitEntity)
        .values(
          part.map((r) => ({
            ...r,
            registeredByOrganizationId: currentOrganization(),
            version: 1,
          })),
        )
        .execute();
    return this.unitIdsByCode(
      em,
      rows.map((r) => r.code),
    );
  }

  async unitIdsByCode(em: EntityManager, codes: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks(codes)) {
      if (part.length === 0) continue;
      const found = await em
        .getRepository(UnitEntity)
        .createQueryBuilder('u')
        .select(['u.id', 'u.code'])
        .where('u.code IN (:...codes)', { codes: part })
        .getMany();
      for (const u of found) out.set(u.code, u.id);
    }
    return out;
  }

  /** Updates a unit; false when it was changed since it was read (version). */
  async updateUnit(
    em: EntityManager,
    id: number,
    version: number,
    values: UnitValues,
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(UnitEntity)
      .set({ ...values, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async insertLinks(
    em: EntityManager,
    rows: readonly Pick<
      UnitLineageEntity,
      'predecessorId' | 'successorId' | 'kind' | 'effectiveDate' | 'note'
    >[],
  ): Promise<void> {
    for (const part of chunks(rows))
      await em.createQueryBuilder().insert().into(UnitLineageEntity).values(part).execute();
  }

  blocs(em: EntityManager): Promise<BlocEntity[]> {
    return em.getRepository(BlocEntity).find();
  }

  /** The province's blocs of the current organization (`tenant.ts`): what an import or a rollover may change. */
  blocsOfProvince(em: EntityManager, provinceId: number): Promise<BlocEntity[]> {
    return ownBlocsOnly(
      em
        .getRepository(BlocEntity)
        .createQueryBuilder('b')
        .where('b.provinceId = :provinceId', { provinceId }),
      'b.id',
    )
      .orderBy('b.code', 'ASC')
      .getMany();
  }

  termsOfYear(
    em: EntityManager,
    blocIds: readonly number[],
    year: number,
  ): Promise<BlocTermEntity[]> {
    if (blocIds.length === 0) return Promise.resolve([]);
    return em
      .getRepository(BlocTermEntity)
      .createQueryBuilder('t')
      .where('t.blocId IN (:...blocIds)', { blocIds: [...blocIds] })
      .andWhere('t.year = :year', { year })
      .getMany();
  }

  termsOfBlocs(em: EntityManager, blocIds: readonly number[]): Promise<BlocTermEntity[]> {
    if (blocIds.length === 0) return Promise.resolve([]);
    return em
      .getRepository(BlocTermEntity)
      .createQueryBuilder('t')
      .where('t.blocId IN (:...blocIds)', { blocIds: [...blocIds] })
      .getMany();
  }

  async insertBlocs(
    em: EntityManager,
    rows: readonly Pick<BlocEntity, 'code' | 'name' | 'kind' | 'provinceId'>[],
  ): Promise<Map<string, number>> {
    for (const part of chunks(rows))
      await em
        .createQueryBuilder()
        .insert()
        .into(BlocEntity)
        .values(part.map((r) => ({ ...r, organizingBodyId: currentOrganization(), version: 1 })))
        .execute();
    const out = new Map<string, number>();
    for (const part of chunks(rows.map((r) => r.code))) {
      if (part.length === 0) continue;
      const found = await em
        .getRepository(BlocEntity)
        .createQueryBuilder('b')
        .select(['b.id', 'b.code'])
        .where('b.code IN (:...codes)', { codes: part })
        .getMany();
      for (const b of found) out.set(b.code, b.id);
    }
    return out;
  }

  async updateBloc(
    em: EntityManager,
    id: number,
    version: number,
    values: Pick<BlocEntity, 'name' | 'kind'>,
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(BlocEntity)
      .set({ ...values, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  /** Inserts terms and returns their ids by "blocId|year". */
  async insertTerms(
    em: EntityManager,
    rows: readonly Pick<
      BlocTermEntity,
      'blocId' | 'year' | 'headUnitId' | 'deputyUnitId' | 'secretaryName' | 'note'
    >[],
  ): Promise<Map<string, number>> {
    for (const part of chunks(rows))
      await em
        .createQueryBuilder()
        .insert()
        .into(BlocTermEntity)
        .values(part.map((r) => ({ ...r, scoringPhase: 'NOT_STARTED' as const, version: 1 })))
        .execute();
    const out = new Map<string, number>();
    const byYear = new Map<number, number[]>();
    for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.blocId]);
    for (const [year, blocIds] of byYear)
      for (const part of chunks(blocIds))
        for (const t of await this.termsOfYear(em, part, year))
          out.set(`${t.blocId}|${t.year}`, t.id);
    return out;
  }

  async updateTerm(
    em: EntityManager,
    id: number,
    version: number,
    values: Pick<BlocTermEntity, 'headUnitId' | 'deputyUnitId' | 'secretaryName'>,
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(BlocTermEntity)
      .set({ ...values, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async deleteMembers(em: EntityManager, termId: number): Promise<void> {
    await em.getRepository(BlocMemberEntity).delete({ termId });
  }

  async insertMembers(
    em: EntityManager,
    rows: readonly Pick<BlocMemberEntity, 'termId' | 'unitId' | 'year'>[],
  ): Promise<void> {
    for (const part of chunks(rows))
      await em
        .createQueryBuilder()
        .insert()
        .into(BlocMemberEntity)
        .values(part.map((r) => ({ ...r, drawNumber: null })))
        .execute();
  }

  /** Members of the given terms with their units. */
  async membersOfTerms(
    em: EntityManager,
    termIds: readonly number[],
  ): Promise<{ termId: number; unit: UnitEntity }[]> {
    const out: { termId: number; unit: UnitEntity }[] = [];
    for (const part of chunks(termIds)) {
      if (part.length === 0) continue;
      const rows = await em
        .getRepository(BlocMemberEntity)
        .createQueryBuilder('m')
        .innerJoinAndSelect('m.unit', 'u')
        .where('m.termId IN (:...ids)', { ids: part })
        .orderBy('u.code', 'ASC')
        .getMany();
      for (const r of rows) if (r.unit) out.push({ termId: r.termId, unit: r.unit });
    }
    return out;
  }

  /** The finalized (not rehearsal) meeting of each term, latest version. */
  async finalizedMeetings(
    em: EntityManager,
    termIds: readonly number[],
  ): Promise<Map<number, MeetingEntity>> {
    const out = new Map<number, MeetingEntity>();
    for (const part of chunks(termIds)) {
      if (part.length === 0) continue;
      const rows = await em
        .getRepository(MeetingEntity)
        .createQueryBuilder('m')
        .where('m.termId IN (:...ids)', { ids: part })
        .andWhere("m.status = 'FINALIZED'")
        .andWhere('m.isRehearsal = :r', { r: false })
        .orderBy('m.versionNo', 'ASC')
        .getMany();
      for (const m of rows) out.set(m.termId, m);
    }
    return out;
  }

  /** Criteria sets of the given terms (any status). */
  async criteriaSets(em: EntityManager, termIds: readonly number[]): Promise<CriteriaSetEntity[]> {
    const out: CriteriaSetEntity[] = [];
    for (const part of chunks(termIds)) {
      if (part.length === 0) continue;
      out.push(
        ...(await em
          .getRepository(CriteriaSetEntity)
          .createQueryBuilder('s')
          .where('s.termId IN (:...ids)', { ids: part })
          .getMany()),
      );
    }
    return out;
  }

  /** Copies a criteria set with its items into another term as its first draft. */
  async copyCriteriaAsDraft(
    em: EntityManager,
    source: CriteriaSetEntity,
    termId: number,
  ): Promise<number> {
    const repo = em.getRepository(CriteriaSetEntity);
    const saved = await repo.save(
      repo.create({
        termId,
        versionNo: 1,
        status: 'DRAFT',
        scale: source.scale,
        bonusCap: source.bonusCap,
        penaltyCap: source.penaltyCap,
        tieBreak: source.tieBreak,
        reason: null,
        isSample: source.isSample,
        signedOn: null,
      }),
    );
    const items = await em.getRepository(CriteriaItemEntity).find({ where: { setId: source.id } });
    const rows = items.map(({ id: _id, set: _set, ...rest }) => ({ ...rest, setId: saved.id }));
    for (const part of chunks(rows))
      await em.createQueryBuilder().insert().into(CriteriaItemEntity).values(part).execute();
    return saved.id;
  }
}
