import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GeneratedDocumentEntity } from '../documents/document.entity';
import { BallotEntity } from '../meetings/meeting-parts.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { BlocMemberEntity } from '../blocs/bloc-member.entity';
import { BlocTermEntity } from '../blocs/bloc-term.entity';
import { CriteriaSetEntity } from '../criteria/criteria-set.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { ScoreEvidenceEntity } from '../scoring/score-evidence.entity';
import type { AccountCounter, AddressCounter } from '../domain/auth/login-throttle';
import { LoginAccountLimitEntity, LoginAddressLockEntity } from './login-throttle.entity';
import { SessionEntity, UserBlocScopeEntity, UserEntity } from './user.entity';

const EPOCH = new Date(0).toISOString();
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

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
    return em.getRepository(UserEntity).find({ order: { username: 'ASC' } });
  }

  async countUsers(em: EntityManager): Promise<number> {
    return em.getRepository(UserEntity).count();
  }

  insertUser(
    em: EntityManager,
    values: Pick<
      UserEntity,
      'username' | 'displayName' | 'role' | 'passwordHash' | 'active' | 'isDemo' | 'unitId'
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
      .getRepository(BlocTermEntity)
      .createQueryBuilder('t')
      .innerJoin(BlocMemberEntity, 'm', 'm.termId = t.id')
      .select('DISTINCT t.blocId', 'blocId')
      .where('m.unitId = :unitId', { unitId })
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

  async blocOfTerm(em: EntityManager, termId: number): Promise<number | null> {
    return (await em.getRepository(BlocTermEntity).findOneBy({ id: termId }))?.blocId ?? null;
  }

  async termOfMeeting(em: EntityManager, meetingId: number): Promise<number | null> {
    return (await em.getRepository(MeetingEntity).findOneBy({ id: meetingId }))?.termId ?? null;
  }

  async meetingOfDocument(em: EntityManager, documentId: number): Promise<number | null> {
    return (
      (await em.getRepository(GeneratedDocumentEntity).findOneBy({ id: documentId }))?.meetingId ??
      null
    );
  }

  async meetingOfBallot(em: EntityManager, ballotId: number): Promise<number | null> {
    return (await em.getRepository(BallotEntity).findOneBy({ id: ballotId }))?.meetingId ?? null;
  }

  async termOfCriteriaSet(em: EntityManager, setId: number): Promise<number | null> {
    return (await em.getRepository(CriteriaSetEntity).findOneBy({ id: setId }))?.termId ?? null;
  }

  async nominationScope(
    em: EntityManager,
    nominationId: number,
  ): Promise<{ termId: number; unitId: number } | null> {
    const n = await em.getRepository(NominationEntity).findOneBy({ id: nominationId });
    return n ? { termId: n.termId, unitId: n.unitId } : null;
  }

  async evidenceUnit(em: EntityManager, evidenceId: number): Promise<number | null> {
    return (
      (await em.getRepository(ScoreEvidenceEntity).findOneBy({ id: evidenceId }))?.unitId ?? null
    );
  }
}
