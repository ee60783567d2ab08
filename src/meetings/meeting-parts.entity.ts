import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import { BALLOT_STATUSES, type BallotStatus } from '../domain/meetings/status';
import { UnitEntity } from '../registry/units/unit.entity';
import { MeetingEntity } from './meeting.entity';

/** One member unit on the attendance roll: present (with its delegate) or absent (with a reason). */
@Entity('meeting_attendance')
@Unique('UQ_meeting_attendance', ['meetingId', 'unitId'])
export class MeetingAttendanceEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) meetingId!: number;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'integer' }) unitId!: number;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'boolean' }) present!: boolean;
  @Column({ type: 'varchar', length: 300, nullable: true }) delegateName!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) absenceReason!: string | null;
  /** Absent, but sent a written ballot (counted only where the rule allows it). */
  @Column({ type: 'boolean', default: false }) writtenBallot!: boolean;
}

export const BALLOT_METHODS = ['SECRET', 'SHOW_OF_HANDS'] as const;
export type BallotMethod = (typeof BALLOT_METHODS)[number];

/**
 * One ballot of the meeting for one tier (a round; a revote among tied nominees is round 2).
 * The voting rule and the eligible voters are frozen as JSON snapshots when the ballot opens;
 * the accepted tally is stored as the JSON the documents are built from.
 */
@Entity('ballot')
@Unique('UQ_ballot_round', ['meetingId', 'tierId', 'roundNo'])
@Check('CHK_ballot_status', sqlIn('status', BALLOT_STATUSES))
@Check('CHK_ballot_method', sqlIn('method', BALLOT_METHODS))
@Check('CHK_ballot_seats', '"seats" >= 1')
export class BallotEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) meetingId!: number;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'integer' }) tierId!: number;
  @ManyToOne(() => AwardTierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tier_id' })
  tier?: AwardTierEntity;

  @Column({ type: 'integer', default: 1 }) roundNo!: number;
  @Column({ type: 'integer' }) seats!: number;
  @Column({ type: 'varchar', length: 32 }) method!: BallotMethod;
  @Column({ type: 'varchar', length: 32 }) status!: BallotStatus;

  /** JSON: nominee unit ids, in the order printed on the paper. */
  @Column({ type: 'text' }) nomineeUnitIds!: string;
  /** JSON `VotingRule` resolved for the year, frozen at opening. */
  @Column({ type: 'text', nullable: true }) ruleSnapshot!: string | null;
  /** JSON: { present: unitId[], written: unitId[], membersEntitled } frozen at opening. */
  @Column({ type: 'text', nullable: true }) votersSnapshot!: string | null;
  /** JSON: the chair's decision on a tie (CHAIR_DECIDES). */
  @Column({ type: 'text', nullable: true }) chairDecision!: string | null;
  /** JSON: the accepted counts (both entries equal). */
  @Column({ type: 'text', nullable: true }) acceptedCounts!: string | null;
  /** JSON: the tally of the accepted counts (`Tally` of src/domain/voting). */
  @Column({ type: 'text', nullable: true }) tally!: string | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}

export const ENTRY_STATUSES = ['SUBMITTED', 'MISMATCH', 'ACCEPTED'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * One of the two independent entries of a ballot's paper counts (aggregates only: a secret ballot
 * never stores a choice per voter). Entry 2 must come from another person than entry 1.
 */
@Entity('ballot_entry')
@Unique('UQ_ballot_entry_no', ['ballotId', 'entryNo'])
@Index('IDX_ballot_entry_ballot', ['ballotId'])
@Check('CHK_ballot_entry_no', '"entry_no" IN (1, 2)')
@Check('CHK_ballot_entry_status', sqlIn('status', ENTRY_STATUSES))
export class BallotEntryEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) ballotId!: number;
  @ManyToOne(() => BallotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: BallotEntity;

  @Column({ type: 'integer' }) entryNo!: number;
  /** Who typed it (bound to the signed-in account once accounts exist). */
  @Column({ type: 'varchar', length: 200 }) enteredBy!: string;
  @Column({ type: 'varchar', length: 32 }) status!: EntryStatus;
  /** JSON `BallotCounts` keyed by unit codes. */
  @Column({ type: 'text' }) counts!: string;
  /** JSON: [{ code, reason }] warnings acknowledged. */
  @Column({ type: 'text' }) acknowledgements!: string;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
