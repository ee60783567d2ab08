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
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import { MEETING_STATUSES, type MeetingStatus } from '../domain/meetings/status';
import { UnitEntity } from '../registry/units/unit.entity';

/**
 * The year-end review meeting (hội nghị tổng kết, bình xét, suy tôn) of a bloc term. One live
 * (not corrected) official meeting per term; rehearsals (BẢN THỬ) never feed awards history.
 */
@Entity('meeting')
@Index('UQ_meeting_live', ['termId'], {
  unique: true,
  where: `"is_rehearsal" = false AND "status" <> 'CORRECTED'`,
})
@Index('IDX_meeting_term', ['termId'])
@Check('CHK_meeting_status', sqlIn('status', MEETING_STATUSES))
@Check('CHK_meeting_version_no', '"version_no" >= 1')
export class MeetingEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) termId!: number;
  @ManyToOne(() => BlocTermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: BlocTermEntity;

  @Column({ type: 'varchar', length: 32 }) status!: MeetingStatus;
  @Column({ type: 'boolean', default: false }) isRehearsal!: boolean;

  @Column({ type: 'date' }) meetingDate!: string;
  @Column({ type: 'varchar', length: 5 }) startTime!: string;
  @Column({ type: 'varchar', length: 5, nullable: true }) endTime!: string | null;
  @Column({ type: 'varchar', length: 500 }) place!: string;
  @Column({ type: 'varchar', length: 200 }) chairName!: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) chairTitle!: string | null;
  @Column({ type: 'varchar', length: 200 }) secretaryName!: string;
  /** JSON: [{ name, role, unitName }] — ban kiểm phiếu. */
  @Column({ type: 'text' }) countingCommittee!: string;
  /** JSON: string[] — khách mời. */
  @Column({ type: 'text' }) guests!: string;
  /** JSON: string[] — chương trình hội nghị. */
  @Column({ type: 'text' }) agenda!: string;

  /** Elected at the meeting for next year (R14). */
  @Column({ type: 'integer', nullable: true }) nextHeadUnitId!: number | null;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'next_head_unit_id' })
  nextHeadUnit?: UnitEntity | null;
  @Column({ type: 'integer', nullable: true }) nextDeputyUnitId!: number | null;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'next_deputy_unit_id' })
  nextDeputyUnit?: UnitEntity | null;

  /** JSON: OfficerDecision[] — how the meeting decided next year's head and deputy (R14). */
  @Column({ type: 'text', nullable: true }) officerDecisions!: string | null;

  /** Corrections: the version this one replaces, and why. */
  @Column({ type: 'integer', default: 1 }) versionNo!: number;
  @Column({ type: 'integer', nullable: true }) supersedesId!: number | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) correctionReason!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true }) finalizedAt!: string | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
