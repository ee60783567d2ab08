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
import { NOMINATION_STATUSES, type NominationStatus } from '../domain/nominations/status';
import { NominationEntity } from './nomination.entity';

/** One status change of a nomination: from, to, why and when (who arrives with accounts). */
@Entity('nomination_transition')
@Index('IDX_nomination_transition_nomination', ['nominationId'])
@Check('CHK_nt_to', sqlIn('to_status', NOMINATION_STATUSES))
export class NominationTransitionEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) nominationId!: number;
  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  /** Null for the creation of the nomination. */
  @Column({ type: 'varchar', length: 32, nullable: true }) fromStatus!: NominationStatus | null;
  @Column({ type: 'varchar', length: 32 }) toStatus!: NominationStatus;
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;

  @CreatedAt() createdAt!: Date;
}

/** A warning of the eligibility check, acknowledged with a reason (kept for the record). */
@Entity('nomination_acknowledgement')
@Index('IDX_nomination_ack_nomination', ['nominationId'])
export class NominationAcknowledgementEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) nominationId!: number;
  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ type: 'varchar', length: 1000 }) reason!: string;

  @CreatedAt() createdAt!: Date;
}

/** The achievement report (báo cáo thành tích, Mẫu 02) attached to a nomination. */
@Entity('nomination_report')
@Index('IDX_nomination_report_nomination', ['nominationId'])
export class NominationReportEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) nominationId!: number;
  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  @Column({ type: 'varchar', length: 100 }) mimeType!: string;
  @Column({ type: 'integer' }) sizeBytes!: number;
  @Column({ type: 'varchar', length: 64 }) sha256!: string;
  @Column({ type: 'text', select: false }) contentBase64!: string;

  @CreatedAt() createdAt!: Date;
}
