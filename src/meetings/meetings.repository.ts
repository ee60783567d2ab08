import { Injectable } from '@nestjs/common';
import { updateIfVersion } from '../database/optimistic';
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { BallotStatus, MeetingStatus } from '../domain/meetings/status';
import type { BallotCounts } from '../domain/voting';
import type { WarningAcknowledgement } from '../domain/eligibility';
import {
  decodeBallot,
  decodeEntry,
  encodeBallot,
  type BallotInput,
  type BallotRecord,
  type EntryRecord,
} from './ballot-codec';
import { BallotEntity, BallotEntryEntity, MeetingAttendanceEntity } from './meeting-parts.entity';
import { BallotTransitionEntity, MeetingTransitionEntity } from './meeting-transition.entity';
import { MeetingEntity } from './meeting.entity';

/**
 * Inserts one row without reading back what the database generated (id, version, timestamps):
 * `Repository.insert` does, one more statement on SQLite, and nothing here uses them.
 */
async function insertRow<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  values: QueryDeepPartialEntity<E>,
): Promise<void> {
  await em.createQueryBuilder().insert().into(entity).values(values).updateEntity(false).execute();
}

export type MeetingValues = Omit<
  MeetingEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'term' | 'nextHeadUnit' | 'nextDeputyUnit'
>;
/** A status change to record: from (null for a creation), to, who and why. */
export interface TransitionValues<S> {
  from: S | null;
  to: S;
  actor: string;
  reason: string | null;
}

/**
 * All database access for meetings, attendance, ballots, their double entries and the status
 * history. Ballots and entries leave and enter as typed records (their JSON columns decoded and
 * checked once, ballot-codec.ts).
 */
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

  async ballots(em: EntityManager, meetingId: number): Promise<BallotRecord[]> {
    const rows = await em
      .getRepository(BallotEntity)
      .find({ where: { meetingId }, order: { tierId: 'ASC', roundNo: 'ASC' } });
    return rows.map(decodeBallot);
  }

  async findBallot(em: EntityManager, id: number): Promise<BallotRecord | null> {
    const row = await em.getRepository(BallotEntity).findOneBy({ id });
    return row ? decodeBallot(row) : null;
  }

  /** A ballot with its meeting's row, in one query (a ballot step needs both). */
  async findBallotWithMeeting(
    em: EntityManager,
    id: number,
  ): Promise<{ ballot: BallotRecord; meeting: MeetingEntity } | null> {
    // getOne without take/limit: findOne with relations would first select the distinct ids
    const row = await em
      .getRepository(BallotEntity)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.meeting', 'm')
      .where('b.id = :id', { id })
      .getOne();
    if (!row?.meeting) return null;
    const { meeting, ...ballot } = row;
    return { ballot: decodeBallot(ballot), meeting };
  }

  async ballotExists(
    em: EntityManager,
    meetingId: number,
    tierId: number,
    roundNo: number,
  ): Promise<boolean> {
    return (await em.getRepository(BallotEntity).countBy({ meetingId, tierId, roundNo })) > 0;
  }

  async insertBallot(em: EntityManager, values: BallotInput): Promise<BallotRecord> {
    const repo = em.getRepository(BallotEntity);
    return decodeBallot(await repo.save(repo.create(encodeBallot(values))));
  }

  async updateBallotIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<BallotInput>,
  ): Promise<boolean> {
    return updateIfVersion(em, BallotEntity, id, version, encodeBallot(values));
  }

  async entries(em: EntityManager, ballotId: number): Promise<EntryRecord[]> {
    const rows = await em
      .getRepository(BallotEntryEntity)
      .find({ where: { ballotId }, order: { entryNo: 'ASC' } });
    return rows.map(decodeEntry);
  }

  /** The entries of several ballots in one query, by ballot id (in entry order). */
  async entriesOfBallots(
    em: EntityManager,
    ballotIds: readonly number[],
  ): Promise<Map<number, EntryRecord[]>> {
    const out = new Map<number, EntryRecord[]>(ballotIds.map((id) => [id, []]));
    if (ballotIds.length === 0) return out;
    const rows = await em.getRepository(BallotEntryEntity).find({
      where: { ballotId: In([...ballotIds]) },
      order: { ballotId: 'ASC', entryNo: 'ASC' },
    });
    for (const r of rows) out.get(r.ballotId)?.push(decodeEntry(r));
    return out;
  }

  async insertEntry(em: EntityManager, values: Omit<EntryRecord, 'id' | 'version'>): Promise<void> {
    await insertRow(em, BallotEntryEntity, {
      ballotId: values.ballotId,
      entryNo: values.entryNo,
      enteredBy: values.enteredBy,
      status: values.status,
      counts: JSON.stringify(values.counts),
      acknowledgements: JSON.stringify(values.acknowledgements),
      version: 1,
    });
  }

  async updateEntryIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: {
      status: BallotEntryEntity['status'];
      counts: BallotCounts;
      acknowledgements: readonly WarningAcknowledgement[];
    },
  ): Promise<boolean> {
    return updateIfVersion(em, BallotEntryEntity, id, version, {
      status: values.status,
      counts: JSON.stringify(values.counts),
      acknowledgements: JSON.stringify(values.acknowledgements),
    });
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

  async addMeetingTransition(
    em: EntityManager,
    meetingId: number,
    t: TransitionValues<MeetingStatus>,
  ): Promise<void> {
    await insertRow(em, MeetingTransitionEntity, {
      meetingId,
      fromStatus: t.from,
      toStatus: t.to,
      actor: t.actor,
      reason: t.reason,
    });
  }

  meetingTransitions(em: EntityManager, meetingId: number): Promise<MeetingTransitionEntity[]> {
    return em
      .getRepository(MeetingTransitionEntity)
      .find({ where: { meetingId }, order: { id: 'ASC' } });
  }

  async addBallotTransition(
    em: EntityManager,
    ballotId: number,
    t: TransitionValues<BallotStatus>,
  ): Promise<void> {
    await insertRow(em, BallotTransitionEntity, {
      ballotId,
      fromStatus: t.from,
      toStatus: t.to,
      actor: t.actor,
      reason: t.reason,
    });
  }

  ballotTransitions(em: EntityManager, ballotId: number): Promise<BallotTransitionEntity[]> {
    return em
      .getRepository(BallotTransitionEntity)
      .find({ where: { ballotId }, order: { id: 'ASC' } });
  }
}
