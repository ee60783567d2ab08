import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CreatedAt, sqlIn } from '../database/columns';
import {
  BALLOT_STATUSES,
  MEETING_STATUSES,
  type BallotStatus,
  type MeetingStatus,
} from '../domain/meetings/status';
import { BallotEntity } from './meeting-parts.entity';
import { MeetingEntity } from './meeting.entity';

/**
 * One status change of a meeting: from, to, when, who and why (history kept since the migration
 * MeetingBallotTransitions; earlier changes have no row). `from` is null for the creation of the
 * meeting or of a correction's new version.
 */
@Entity('meeting_transition')
@Index('IDX_meeting_transition_meeting', ['meetingId'])
@Check('CHK_mt_to', sqlIn('to_status', MEETING_STATUSES))
export class MeetingTransitionEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) meetingId!: number;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'varchar', length: 32, nullable: true }) fromStatus!: MeetingStatus | null;
  @Column({ type: 'varchar', length: 32 }) toStatus!: MeetingStatus;
  /** The signed-in user's name, or `system` (seeding, CLI). */
  @Column({ type: 'varchar', length: 200 }) actor!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;

  @CreatedAt() createdAt!: Date;
}

/** One status change of a ballot (as MeetingTransitionEntity; null `from` for a new round). */
@Entity('ballot_transition')
@Index('IDX_ballot_transition_ballot', ['ballotId'])
@Check('CHK_bt_to', sqlIn('to_status', BALLOT_STATUSES))
export class BallotTransitionEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) ballotId!: number;
  @ManyToOne(() => BallotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: BallotEntity;

  @Column({ type: 'varchar', length: 32, nullable: true }) fromStatus!: BallotStatus | null;
  @Column({ type: 'varchar', length: 32 }) toStatus!: BallotStatus;
  @Column({ type: 'varchar', length: 200 }) actor!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;

  @CreatedAt() createdAt!: Date;
}
