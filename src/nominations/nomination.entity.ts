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
import { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import { NOMINATION_STATUSES, type NominationStatus } from '../domain/nominations/status';
import { UnitEntity } from '../registry/units/unit.entity';

/**
 * A unit proposed for an award tier from a bloc term. Bloc proposal, council vote and decision
 * are kept as separate fields of the record and each step has a history row (R18). Only one active
 * nomination per (term, unit, tier) — a partial unique index.
 */
@Entity('nomination')
@Index('UQ_nomination_active', ['termId', 'unitId', 'tierId'], {
  unique: true,
  where: `"status" NOT IN ('CUT', 'REJECTED', 'WITHDRAWN')`,
})
@Index('IDX_nomination_term', ['termId'])
@Check('CHK_nomination_status', sqlIn('status', NOMINATION_STATUSES))
@Check(
  'CHK_nomination_council',
  '"council_agree" IS NULL OR ("council_agree" >= 0 AND "council_members" > 0 AND "council_agree" <= "council_members")',
)
export class NominationEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) termId!: number;
  @ManyToOne(() => BlocTermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: BlocTermEntity;

  @Column({ type: 'integer' }) unitId!: number;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'integer' }) tierId!: number;
  @ManyToOne(() => AwardTierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tier_id' })
  tier?: AwardTierEntity;

  @Column({ type: 'varchar', length: 32 }) status!: NominationStatus;

  /** Tóm tắt thành tích. */
  @Column({ type: 'text' }) achievementSummary!: string;

  /** Date the unit must still exist on (review date, later the decision date) — R13. */
  @Column({ type: 'date' }) referenceDate!: string;

  /** Legal ground claimed for a non-leader on a leader-only tier (Law 06/2022 art. 25.3). */
  @Column({ type: 'varchar', length: 500, nullable: true }) leaderExceptionBasis!: string | null;

  /** Provincial council outcome (until the meeting voting engine records the council's ballot). */
  @Column({ type: 'integer', nullable: true }) councilAgree!: number | null;
  @Column({ type: 'integer', nullable: true }) councilMembers!: number | null;
  @Column({ type: 'date', nullable: true }) councilDate!: string | null;

  /** The decision (quyết định khen thưởng). */
  @Column({ type: 'varchar', length: 100, nullable: true }) decisionNumber!: string | null;
  @Column({ type: 'date', nullable: true }) decisionDate!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) decider!: string | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
