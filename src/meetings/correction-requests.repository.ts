import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import type { CorrectionRequestStatus } from '../domain/meetings/correction-request';
import { MeetingCorrectionRequestEntity } from './correction-request.entity';

type RequestValues = Omit<
  MeetingCorrectionRequestEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'meeting' | 'requestedBy' | 'decidedBy'
>;

/** Corrections of finalized meetings waiting for, or decided by, an administrator. */
@Injectable()
export class CorrectionRequestsRepository {
  insert(em: EntityManager, values: RequestValues): Promise<MeetingCorrectionRequestEntity> {
    const repo = em.getRepository(MeetingCorrectionRequestEntity);
    return repo.save(repo.create(values));
  }

  findForMeeting(
    em: EntityManager,
    meetingId: number,
    id: number,
  ): Promise<MeetingCorrectionRequestEntity | null> {
    return em.getRepository(MeetingCorrectionRequestEntity).findOneBy({ id, meetingId });
  }

  pendingFor(em: EntityManager, meetingId: number): Promise<MeetingCorrectionRequestEntity | null> {
    return em
      .getRepository(MeetingCorrectionRequestEntity)
      .findOneBy({ meetingId, status: 'PENDING' });
  }

  listForMeeting(em: EntityManager, meetingId: number): Promise<MeetingCorrectionRequestEntity[]> {
    return em
      .getRepository(MeetingCorrectionRequestEntity)
      .find({ where: { meetingId }, order: { id: 'ASC' } });
  }

  /** Moves a request on from the status it was read in; false when someone else did first. */
  async decideIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    from: CorrectionRequestStatus,
    changes: Pick<
      MeetingCorrectionRequestEntity,
      'status' | 'decidedById' | 'decidedAt' | 'decisionNote' | 'correctionMeetingId'
    >,
  ): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(MeetingCorrectionRequestEntity)
      .set(changes)
      .where('id = :id AND version = :version AND status = :from', { id, version, from })
      .execute();
    return (res.affected ?? 0) === 1;
  }

  /** Display names of the accounts that requested or decided. */
  async names(em: EntityManager, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const users = await em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(users.map((u) => [u.id, u.displayName || u.username]));
  }
}
