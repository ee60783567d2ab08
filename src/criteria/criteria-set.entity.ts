import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import { CriteriaItemEntity } from './criteria-item.entity';

export const CRITERIA_SET_STATUSES = ['DRAFT', 'LOCKED', 'SUPERSEDED'] as const;
export type CriteriaSetStatus = (typeof CRITERIA_SET_STATUSES)[number];

/**
 * One version of a bloc term's criteria (bộ tiêu chí thi đua). A draft can be edited; signing
 * the covenant locks it; a later change is a new version with its reason, and the old one is
 * kept as SUPERSEDED. At most one draft and one locked version per term (partial unique indexes).
 */
@Entity('criteria_set')
@Unique('UQ_criteria_set_term_version', ['termId', 'versionNo'])
@Index('UQ_criteria_set_one_locked', ['termId'], { unique: true, where: `"status" = 'LOCKED'` })
@Index('UQ_criteria_set_one_draft', ['termId'], { unique: true, where: `"status" = 'DRAFT'` })
@Check('CHK_criteria_set_status', sqlIn('status', CRITERIA_SET_STATUSES))
@Check('CHK_criteria_set_scale', '"scale" IN (100, 1000)')
@Check('CHK_criteria_set_caps', '"bonus_cap" >= 0 AND "penalty_cap" >= 0')
@Check('CHK_criteria_set_version_no', '"version_no" >= 1')
export class CriteriaSetEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) termId!: number;

  @ManyToOne(() => BlocTermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: BlocTermEntity;

  /** 1, 2, 3… within the term. */
  @Column({ type: 'integer' }) versionNo!: number;

  @Column({ type: 'varchar', length: 32 }) status!: CriteriaSetStatus;

  /** 100 or 1.000 points. */
  @Column({ type: 'integer' }) scale!: number;

  /** Overall caps, in centipoints. */
  @Column({ type: 'integer' }) bonusCap!: number;
  @Column({ type: 'integer' }) penaltyCap!: number;

  /** Ordered tie-break keys (JSON array of `TieBreakKey`). */
  @Column({ type: 'text' }) tieBreak!: string;

  /** Why this version replaces the previous one (required from version 2). */
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;

  /** True for the brief's illustrative criteria (⚠ sample). */
  @Column({ type: 'boolean', default: false }) isSample!: boolean;

  /** Date the covenant was signed (ký kết giao ước), set when locked. */
  @Column({ type: 'date', nullable: true }) signedOn!: string | null;

  @OneToMany(() => CriteriaItemEntity, (i) => i.set)
  items?: CriteriaItemEntity[];

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
