import { Injectable } from '@nestjs/common';
import { updateIfVersion } from '../database/optimistic';
import { sharedOrOwnRows } from '../database/tenant';
import type { EntityManager } from 'typeorm';
import { AwardTierEntity } from './award-tier.entity';
import { DecidingAuthorityEntity } from './deciding-authority.entity';
import { TierRuleEntity } from './tier-rule.entity';
import { TierVotingRuleEntity } from './tier-voting-rule.entity';

/** All database access for award tiers and their effective-dated rules. */
@Injectable()
export class AwardTiersRepository {
  /** The tiers the current organization sees: the shared ones and its own (`sharedOrOwnRows`). */
  listTiers(em: EntityManager): Promise<AwardTierEntity[]> {
    return sharedOrOwnRows(
      em
        .getRepository(AwardTierEntity)
        .createQueryBuilder('t')
        .leftJoinAndSelect('t.authority', 'a')
        .orderBy('t.rank', 'ASC'),
      't.organizing_body_id',
    ).getMany();
  }

  findTier(em: EntityManager, id: number): Promise<AwardTierEntity | null> {
    return em
      .getRepository(AwardTierEntity)
      .findOne({ where: { id }, relations: { authority: true } });
  }

  listAuthorities(em: EntityManager): Promise<DecidingAuthorityEntity[]> {
    return em.getRepository(DecidingAuthorityEntity).find({ order: { id: 'ASC' } });
  }

  async authorityExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.getRepository(DecidingAuthorityEntity).countBy({ code })) > 0;
  }

  insertAuthority(
    em: EntityManager,
    values: Pick<
      DecidingAuthorityEntity,
      'code' | 'title' | 'jurisdiction' | 'awardVerb' | 'legalBasis'
    >,
  ): Promise<DecidingAuthorityEntity> {
    const repo = em.getRepository(DecidingAuthorityEntity);
    return repo.save(repo.create(values));
  }

  async organizingBodyExists(em: EntityManager, id: number): Promise<boolean> {
    const row = await em
      .createQueryBuilder()
      .select('o.id', 'id')
      .from('organizing_body', 'o')
      .where('o.id = :id', { id })
      .getRawOne<{ id: number }>();
    return row !== undefined;
  }

  /**
   * The tiers seen together with a tier of organization `organizationId`, among which its code and
   * rank must be unique (the database's trigger holds the same key): for a shared tier (null) every
   * tier, for an organization's own the shared ones and that organization's.
   */
  private seenWith(em: EntityManager, organizationId: number | null) {
    const qb = em.getRepository(AwardTierEntity).createQueryBuilder('t');
    return organizationId === null
      ? qb
      : qb.where('(t.organizing_body_id IS NULL OR t.organizing_body_id = :organizationId)', {
          organizationId,
        });
  }

  async codeExists(
    em: EntityManager,
    code: string,
    organizationId: number | null,
  ): Promise<boolean> {
    return (
      (await this.seenWith(em, organizationId).andWhere('t.code = :code', { code }).getCount()) > 0
    );
  }

  /** The tier holding `rank` among those seen with a tier of `organizationId` (see `seenWith`). */
  async rankHolder(
    em: EntityManager,
    rank: number,
    organizationId: number | null,
  ): Promise<number | null> {
    const t = await this.seenWith(em, organizationId).andWhere('t.rank = :rank', { rank }).getOne();
    return t?.id ?? null;
  }

  insertTier(
    em: EntityManager,
    values: Pick<
      AwardTierEntity,
      'code' | 'name' | 'decidingAuthority' | 'rank' | 'organizingBodyId'
    >,
  ): Promise<AwardTierEntity> {
    const repo = em.getRepository(AwardTierEntity);
    return repo.save(repo.create(values));
  }

  async updateTierIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<AwardTierEntity>,
  ): Promise<boolean> {
    return updateIfVersion(em, AwardTierEntity, id, version, values);
  }

  /** Rules of the given tiers with their voting rules, ordered by start date. */
  rulesOfTiers(em: EntityManager, tierIds: readonly number[]): Promise<TierRuleEntity[]> {
    if (tierIds.length === 0) return Promise.resolve([]);
    return em
      .getRepository(TierRuleEntity)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.votingRules', 'v')
      .where('r.tierId IN (:...ids)', { ids: [...tierIds] })
      .orderBy('r.tierId', 'ASC')
      .addOrderBy('r.validFrom', 'ASC')
      .addOrderBy('v.body', 'ASC')
      .getMany();
  }

  findRule(em: EntityManager, tierId: number, ruleId: number): Promise<TierRuleEntity | null> {
    return em
      .getRepository(TierRuleEntity)
      .findOne({ where: { id: ruleId, tierId }, relations: { votingRules: true } });
  }

  async insertRule(
    em: EntityManager,
    values: Omit<
      TierRuleEntity,
      'id' | 'version' | 'createdAt' | 'updatedAt' | 'tier' | 'votingRules'
    >,
    voting: Omit<TierVotingRuleEntity, 'id' | 'tierRuleId' | 'tierRule'>[],
  ): Promise<number> {
    const repo = em.getRepository(TierRuleEntity);
    const saved = await repo.save(repo.create(values));
    await this.replaceVoting(em, saved.id, voting);
    return saved.id;
  }

  async updateRuleIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<Omit<TierRuleEntity, 'votingRules' | 'tier'>>,
    voting: Omit<TierVotingRuleEntity, 'id' | 'tierRuleId' | 'tierRule'>[],
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(TierRuleEntity)
      .set(values)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if ((r.affected ?? 0) !== 1) return false;
    await this.replaceVoting(em, id, voting);
    return true;
  }

  private async replaceVoting(
    em: EntityManager,
    tierRuleId: number,
    voting: Omit<TierVotingRuleEntity, 'id' | 'tierRuleId' | 'tierRule'>[],
  ): Promise<void> {
    await em.getRepository(TierVotingRuleEntity).delete({ tierRuleId });
    if (voting.length > 0)
      await em
        .getRepository(TierVotingRuleEntity)
        .insert(voting.map((v) => ({ ...v, tierRuleId })));
  }
}
