import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { SigningProfileEntity, SigningProfileSignerEntity } from './signing-profile.entity';

export type ProfileValues = Omit<
  SigningProfileEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Database access for issuers' signing profiles and the accounts that may sign for them. */
@Injectable()
export class SigningRepository {
  findByIssuer(em: EntityManager, issuerKey: string): Promise<SigningProfileEntity | null> {
    return em.getRepository(SigningProfileEntity).findOneBy({ issuerKey });
  }

  async signerIds(em: EntityManager, profileId: number): Promise<number[]> {
    const rows = await em.getRepository(SigningProfileSignerEntity).find({
      where: { profileId },
      order: { userId: 'ASC' },
    });
    return rows.map((r) => r.userId);
  }

  /** Display names of accounts, for the profile's list of signers. */
  async userNames(em: EntityManager, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await em.getRepository(UserEntity).findBy({ id: In([...ids]) });
    return new Map(rows.map((u) => [u.id, u.displayName]));
  }

  /** The ids among these that are active accounts. */
  async activeUserIds(em: EntityManager, ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await em.getRepository(UserEntity).findBy({ id: In([...ids]) });
    return new Set(rows.filter((u) => u.active).map((u) => u.id));
  }

  /** Creates the issuer's profile or replaces its material, and sets its signers. */
  async save(
    em: EntityManager,
    values: ProfileValues,
    signerIds: readonly number[],
  ): Promise<SigningProfileEntity> {
    const repo = em.getRepository(SigningProfileEntity);
    const existing = await repo.findOneBy({ issuerKey: values.issuerKey });
    const saved = await repo.save(existing ? repo.merge(existing, values) : repo.create(values));
    const signers = em.getRepository(SigningProfileSignerEntity);
    await signers.delete({ profileId: saved.id });
    if (signerIds.length > 0)
      await signers.insert(signerIds.map((userId) => ({ profileId: saved.id, userId })));
    return saved;
  }
}
