import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import {
  CORRECTION_REQUEST_STATUSES,
  type CorrectionRequestStatus,
} from '../domain/meetings/correction-request';
import { MeetingEntity } from './meeting.entity';

/**
 * A correction (đính chính) of a finalized meeting waiting for an administrator's approval, where the
 * organising body asks for two people. At most one pending request per meeting.
 */
@Entity('meeting_correction_request')
@Index('UQ_correction_request_pending', ['meetingId'], {
  unique: true,
  where: `"status" = 'PENDING'`,
})
@Check('CHK_correction_request_status', sqlIn('status', CORRECTION_REQUEST_STATUSES))
@Check(
  'CHK_correction_request_decided',
  `("status" = 'PENDING') = ("decided_by_id" IS NULL) AND ("decided_by_id" IS NULL OR "decided_by_id" <> "requested_by_id")`,
)
export class MeetingCorrectionRequestEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) meetingId!: number;
  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'varchar', length: 16 }) status!: CorrectionRequestStatus;
  @Column({ type: 'varchar', length: 1000 }) reason!: string;

  @Column({ type: 'integer' }) requestedById!: number;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id' })
  requestedBy?: UserEntity;

  @Column({ type: 'integer', nullable: true }) decidedById!: number | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: UserEntity | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) decidedAt!: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) decisionNote!: string | null;

  /** The correction version opened on approval. */
  @Column({ type: 'integer', nullable: true }) correctionMeetingId!: number | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
