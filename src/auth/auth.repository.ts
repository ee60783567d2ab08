import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountCounter, AddressCounter } from '../domain/auth/login-throttle';
import { LoginAccountLimitEntity, LoginAddressLockEntity } from './login-throttle.entity';
import { SessionEntity, UserBlocScopeEntity, UserEntity } from './user.entity';
import { ownRowsOnly } from '../database/tenant';

const EPOCH = new Date(0).toISOString();
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const idOrNull = (v: number | string | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/**
 * The records a route can name and the column leading from each up towards its bloc. The scope
 * lookups read these tables by name: the features own their entities and import auth's guard, so
 * auth imports none of them back (issue 15).
 */
const UP = {
  criteriaSet: { table: 'criteria_set', column: 'term_id' },
  meeting: { table: 'meeting', column: 'term_id' },
  document: { table: 'generated_document', column: 'meeting_id' },
  ballot: { table: 'ballot', column: 'meeting_id' },
  evidence: { table: 'score_evidence', column: 'unit_id' },
  term: { table: 'bloc_term', column: 'bloc_id' },
} as const;

/** The tables of the records whose own organization a route may name (`organizationOf`). */
const ORGANIZATION_OF = { account: 'user_account', tier: 'award_tier' } as const;

/** Database access for accounts, sessions, failed sign-ins, and the lookups that place a request in a scope. */
@Injectable()
export class AuthRepository {
  findUserByName(em: EntityManager, username: string): Promise<UserEntity | null> {
    return em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  findUser(em: EntityManager, id: number): Promise<UserEntity | null> {
    return em.getRepository(UserEntity).findOneBy({ id });
  }

  listUsers(em: EntityManager): Promise<UserEntity[]> {
    return ownRowsOnly(em.getRepository(UserEntity).createQueryBuilder('u'), 'u.organizing_body_id')
      .orderBy('u.username', 'ASC')
      .getMany();
  }

  async countUsers(em: EntityManager): Promise<number> {
    return em.getRepository(UserEntity).count();
  }

  insertUser(
    em: EntityManager,
    values: Pick<
      UserEntity,
      | 'username'
      | 'displayName'
      | 'role'
      | 'passwordHash'
      | 'active'
      | 'isDemo'
      | 'unitId'
      | 'organizingBodyId'
    >,
  ): Promise<UserEntity> {
    const repo = em.getRepository(UserEntity);
    return repo.save(repo.create(values));
  }

  async updateUserIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<UserEntity>,
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(UserEntity)
      .set(values)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async blocScopes(em: EntityManager, userId: number): Promise<number[]> {
    return (
      await em
        .getRepository(UserBlocScopeEntity)
        .find({ where: { userId }, order: { blocId: 'ASC' } })
    ).map((s) => s.blocId);
  }

  async replaceBlocScopes(
    em: EntityManager,
    userId: number,
    blocIds: readonly number[],
  ): Promise<void> {
    await em.getRepository(UserBlocScopeEntity).delete({ userId });
    if (blocIds.length > 0)
      await em
        .getRepository(UserBlocScopeEntity)
        .insert(blocIds.map((blocId) => ({ userId, blocId })));
  }

  /** Blocs the unit has been a member of. */
  async blocsOfUnit(em: EntityManager, unitId: number): Promise<number[]> {
    const rows = await em
      .createQueryBuilder()
      .select('DISTINCT t.bloc_id', 'blocId')
      .from('bloc_term', 't')
      .innerJoin('bloc_member', 'm', 'm.term_id = t.id')
      .where('m.unit_id = :unitId', { unitId })
      .getRawMany<{ blocId: number }>();
    return rows.map((r) => Number(r.blocId));
  }

  async insertSession(
    em: EntityManager,
    values: Pick<
      SessionEntity,
      'tokenHash' | 'userId' | 'kind' | 'csrfToken' | 'lastSeenAt' | 'expiresAt'
    >,
  ): Promise<void> {
    await em.getRepository(SessionEntity).insert({ ...values, revokedAt: null });
  }

  findSession(em: EntityManager, tokenHash: string): Promise<SessionEntity | null> {
    return em.getRepository(SessionEntity).findOneBy({ tokenHash });
  }

  async touchSession(em: EntityManager, id: number, lastSeenAt: string): Promise<void> {
    await em.getRepository(SessionEntity).update({ id }, { lastSeenAt });
  }

  async revokeSession(em: EntityManager, id: number, at: string): Promise<void> {
    await em.getRepository(SessionEntity).update({ id }, { revokedAt: at });
  }

  async revokeUserSessions(em: EntityManager, userId: number, at: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: at })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  /**
   * The sign-in counters of a user name and a client address, held for the rest of the transaction:
   * missing rows are created empty, then both are read FOR UPDATE on PostgreSQL, so that parallel
   * sign-ins for one name wait for each other here (on SQLite, Db runs one write at a time). The
   * account row is always taken first, so two of these never wait for each other in a circle.
   */
  async lockLoginCounters(
    em: EntityManager,
    username: string,
    address: string,
  ): Promise<{ address: AddressCounter; account: AccountCounter }> {
    await em
      .createQueryBuilder()
      .insert()
      .into(LoginAccountLimitEntity)
      .values({ username, failures: 0, windowStart: EPOCH, alertedAt: null })
      .orIgnore()
      .execute();
    await em
      .createQueryBuilder()
      .insert()
      .into(LoginAddressLockEntity)
      .values({ username, address, failures: 0, lastFailureAt: EPOCH, lockedUntil: null })
      .orIgnore()
      .execute();
    const lock =
      em.connection.options.type === 'postgres'
        ? ({ mode: 'pessimistic_write' } as const)
        : undefined;
    const account = await em
      .getRepository(LoginAccountLimitEntity)
      .findOneOrFail({ where: { username }, lock });
    const byAddress = await em
      .getRepository(LoginAddressLockEntity)
      .findOneOrFail({ where: { username, address }, lock });
    return {
      account: {
        failures: account.failures,
        windowStart: ms(account.windowStart)!,
        alertedAt: ms(account.alertedAt),
      },
      address: {
        failures: byAddress.failures,
        lastFailureAt: ms(byAddress.lastFailureAt)!,
        lockedUntil: ms(byAddress.lockedUntil),
      },
    };
  }

  async saveAddressCounter(
    em: EntityManager,
    username: string,
    address: string,
    c: AddressCounter,
  ): Promise<void> {
    await em.getRepository(LoginAddressLockEntity).update(
      { username, address },
      {
        failures: c.failures,
        lastFailureAt: iso(c.lastFailureAt)!,
        lockedUntil: iso(c.lockedUntil),
      },
    );
  }

  async saveAccountCounter(em: EntityManager, username: string, c: AccountCounter): Promise<void> {
    await em.getRepository(LoginAccountLimitEntity).update(
      { username },
      {
        failures: c.failures,
        windowStart: iso(c.windowStart)!,
        alertedAt: iso(c.alertedAt),
      },
    );
  }

  /** A sign-in succeeded: its address's failures are forgotten and the failure it reserved on the account given back. */
  async releaseLoginAttempt(em: EntityManager, username: string, address: string): Promise<void> {
    await em.getRepository(LoginAddressLockEntity).delete({ username, address });
    await em
      .createQueryBuilder()
      .update(LoginAccountLimitEntity)
      .set({ failures: () => '"failures" - 1' })
      .where('username = :username AND failures > 0', { username })
      .execute();
  }

  /** Deletes the address counters whose failures are forgotten (none since `before`). */
  async purgeAddressCounters(em: EntityManager, before: number): Promise<void> {
    await em
      .createQueryBuilder()
      .delete()
      .from(LoginAddressLockEntity)
      .where('last_failure_at < :before', { before: iso(before) })
      .execute();
  }

  /** Deletes the account counters whose hour started before `before` (a new attempt starts a new one). */
  async purgeAccountCounters(em: EntityManager, before: number): Promise<void> {
    await em
      .createQueryBuilder()
      .delete()
      .from(LoginAccountLimitEntity)
      .where('window_start < :before', { before: iso(before) })
      .execute();
  }

  // ——— scope lookups: the bloc (and unit) a resource belongs to ———

  /** The column leading up from record `id` of a table in `UP`, or null when there is no such record. */
  private async up(
    em: EntityManager,
    link: (typeof UP)[keyof typeof UP],
    id: number,
  ): Promise<number | null> {
    const row = await em
      .createQueryBuilder()
      .select(`r.${link.column}`, 'v')
      .from(link.table, 'r')
      .where('r.id = :id', { id })
      .getRawOne<{ v: number | string | null }>();
    return idOrNull(row?.v);
  }

  blocOfTerm(em: EntityManager, termId: number): Promise<number | null> {
    return this.up(em, UP.term, termId);
  }

  termOfMeeting(em: EntityManager, meetingId: number): Promise<number | null> {
    return this.up(em, UP.meeting, meetingId);
  }

  meetingOfDocument(em: EntityManager, documentId: number): Promise<number | null> {
    return this.up(em, UP.document, documentId);
  }

  meetingOfBallot(em: EntityManager, ballotId: number): Promise<number | null> {
    return this.up(em, UP.ballot, ballotId);
  }

  termOfCriteriaSet(em: EntityManager, setId: number): Promise<number | null> {
    return this.up(em, UP.criteriaSet, setId);
  }

  async nominationScope(
    em: EntityManager,
    nominationId: number,
  ): Promise<{ termId: number; unitId: number } | null> {
    const n = await em
      .createQueryBuilder()
      .select('r.term_id', 'termId')
      .addSelect('r.unit_id', 'unitId')
      .from('nomination', 'r')
      .where('r.id = :id', { id: nominationId })
      .getRawOne<{ termId: number | string; unitId: number | string }>();
    return n ? { termId: Number(n.termId), unitId: Number(n.unitId) } : null;
  }

  evidenceUnit(em: EntityManager, evidenceId: number): Promise<number | null> {
    return this.up(em, UP.evidence, evidenceId);
  }

  /** The organization of each of these blocs (null: bound to none); a missing bloc is absent. */
  async blocOrganizations(
    em: EntityManager,
    blocIds: readonly number[],
  ): Promise<Map<number, number | null>> {
    if (blocIds.length === 0) return new Map();
    const rows = await em
      .createQueryBuilder()
      .select('b.id', 'id')
      .addSelect('b.organizing_body_id', 'org')
      .from('bloc', 'b')
      .where('b.id IN (:...ids)', { ids: [...blocIds] })
      .getRawMany<{ id: number | string; org: number | string | null }>();
    return new Map(rows.map((r) => [Number(r.id), idOrNull(r.org)]));
  }

  async organizationExists(em: EntityManager, id: number): Promise<boolean> {
    const row: unknown = await em
      .createQueryBuilder()
      .select('o.id', 'id')
      .from('organizing_body', 'o')
      .where('o.id = :id', { id })
      .getRawOne();
    return row !== undefined;
  }

  /** The organization that registered a unit (null: none, or no such unit). */
  async unitRegisteredBy(em: EntityManager, unitId: number): Promise<number | null> {
    const row = await em
      .createQueryBuilder()
      .select('u.registered_by_organization_id', 'org')
      .from('unit', 'u')
      .where('u.id = :id', { id: unitId })
      .getRawOne<{ org: number | string | null }>();
    return idOrNull(row?.org);
  }

  /**
   * The organization of an account or of a tier (issue 21): null, bound to none (an unbound account,
   * a shared tier); undefined, no such record.
   */
  async organizationOf(
    em: EntityManager,
    kind: keyof typeof ORGANIZATION_OF,
    id: number,
  ): Promise<number | null | undefined> {
    const row = await em
      .createQueryBuilder()
      .select('r.organizing_body_id', 'org')
      .from(ORGANIZATION_OF[kind], 'r')
      .where('r.id = :id', { id })
      .getRawOne<{ org: number | string | null }>();
    return row === undefined ? undefined : idOrNull(row.org);
  }
}
