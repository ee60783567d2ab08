import { Injectable } from '@nestjs/common';
import { updateIfVersion } from '../database/optimistic';
import { In, type EntityManager } from 'typeorm';
import type { MeetingStatus } from '../domain/meetings/status';
import { BallotEntity, BallotEntryEntity, MeetingAttendanceEntity } from './meeting-parts.entity';
import { MeetingEntity } from './meeting.entity';

export type MeetingValues = Omit<
  MeetingEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'term' | 'nextHeadUnit' | 'nextDeputyUnit'
>;
export type BallotValues = Omit<
  BallotEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'meeting' | 'tier'
>;

/** All database access for meetings, attendance, ballots and their double entries. */
@Injectable()
export class MeetingsRepository {
  findById(em: EntityManager, id: number): Promise<MeetingEntity | null> {
    return em.getRepository(MeetingEntity).findOneBy({ id });
  }

  listForTerm(em: EntityManager, termId: number): Promise<MeetingEntity[]> {
    return em.getRepository(MeetingEntity).find({ where: { termId }, order: { id: 'ASC' } });
  }

  async liveOfficialExists(em: EntityManager, termId: number): Promise<boolean> {
    const n = await em
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where("m.termId = :termId AND m.isRehearsal = :f AND m.status <> 'CORRECTED'", {
        termId,
        f: false,
      })
      .getCount();
    return n > 0;
  }

  insert(em: EntityManager, values: MeetingValues): Promise<MeetingEntity> {
    const repo = em.getRepository(MeetingEntity);
    return repo.save(repo.create(values));
  }

  /** Updates when the version still matches (and, if given, the status is one of `statuses`). */
  async updateIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<MeetingValues>,
    statuses?: readonly MeetingStatus[],
  ): Promise<boolean> {
    const qb = em
      .createQueryBuilder()
      .update(MeetingEntity)
      .set(values)
      .where('id = :id AND version = :version', { id, version });
    if (statuses) qb.andWhere('status IN (:...statuses)', { statuses: [...statuses] });
    const r = await qb.execute();
    return (r.affected ?? 0) === 1;
  }

  attendance(em: EntityManager, meetingId: number): Promise<MeetingAttendanceEntity[]> {
    return em
      .getRepository(MeetingAttendanceEntity)
      .find({ where: { meetingId }, order: { unitId: 'ASC' } });
  }

  async replaceAttendance(
    em: EntityManager,
    meetingId: number,
    rows: Omit<MeetingAttendanceEntity, 'id' | 'meetingId' | 'meeting' | 'unit'>[],
  ): Promise<void> {
    await em.getRepository(MeetingAttendanceEntity).delete({ meetingId });
    if (rows.length > 0)
      await em
        .getRepository(MeetingAttendanceEntity)
        .insert(rows.map((r) => ({ ...r, meetingId })));
  }

  ballots(em: EntityManager, meetingId: number): Promise<BallotEntity[]> {
    return em
      .getRepository(BallotEntity)
      .find({ where: { meetingId }, order: { tierId: 'ASC', roundNo: 'ASC' } });
  }

  findBallot(em: EntityManager, id: number): Promise<BallotEntity | null> {
    return em.getRepository(BallotEntity).findOneBy({ id });
  }

  async ballotExists(
    em: EntityManager,
    meetingId: number,
    tierId: number,
    roundNo: number,
  ): Promise<boolean> {
    return (await em.getRepository(BallotEntity).countBy({ meetingId, tierId, roundNo })) > 0;
  }

  insertBallot(em: EntityManager, values: BallotValues): Promise<BallotEntity> {
    const repo = em.getRepository(BallotEntity);
    return repo.save(repo.create(values));
  }

  async updateBallotIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<BallotValues>,
  ): Promise<boolean> {
    return updateIfVersion(em, BallotEntity, id, version, values);
  }

  entries(em: EntityManager, ballotId: number): Promise<BallotEntryEntity[]> {
    return em
      .getRepository(BallotEntryEntity)
      .find({ where: { ballotId }, order: { entryNo: 'ASC' } });
  }

  /** The entries of several ballots in one query, by ballot id (in entry order). */
  async entriesOfBallots(
    em: EntityManager,
    ballotIds: readonly number[],
  ): Promise<Map<number, BallotEntryEntity[]>> {
    const out = new Map<number, BallotEntryEntity[]>(ballotIds.map((id) => [id, []]));
    if (ballotIds.length === 0) return out;
    const rows = await em.getRepository(BallotEntryEntity).find({
      where: { ballotId: In([...ballotIds]) },
      order: { ballotId: 'ASC', entryNo: 'ASC' },
    });
    for (const r of rows) out.get(r.ballotId)?.push(r);
    return out;
  }

  async insertEntry(
    em: EntityManager,
    values: Pick<
      BallotEntryEntity,
      'ballotId' | 'entryNo' | 'enteredBy' | 'status' | 'counts' | 'acknowledgements'
    >,
  ): Promise<void> {
    await em.getRepository(BallotEntryEntity).insert({ ...values, version: 1 });
  }

  async updateEntryIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<Pick<BallotEntryEntity, 'status' | 'counts' | 'acknowledgements'>>,
  ): Promise<boolean> {
    return updateIfVersion(em, BallotEntryEntity, id, version, values);
  }

  async setEntriesStatus(
    em: EntityManager,
    ballotId: number,
    status: BallotEntryEntity['status'],
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(BallotEntryEntity)
      .set({ status })
      .where('ballot_id = :ballotId', { ballotId })
      .execute();
  }

  async deleteEntries(em: EntityManager, ballotId: number): Promise<void> {
    await em.getRepository(BallotEntryEntity).delete({ ballotId });
  }
}
