import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { CreatedAt, sqlIn } from '../database/columns';
import { UnitEntity } from '../registry/units/unit.entity';

export const AWARD_SOURCES = ['DECISION', 'IMPORT'] as const;
export type AwardSource = (typeof AWARD_SOURCES)[number];

/** An award a unit received: from a decided nomination, or imported from earlier years. */
@Entity('award_history')
@Unique('UQ_award_history', ['unitId', 'year', 'tierId'])
@Index('IDX_award_history_year', ['year'])
@Check('CHK_award_history_source', sqlIn('source', AWARD_SOURCES))
@Check('CHK_award_history_year', '"year" >= 1945 AND "year" <= 2100')
export class AwardHistoryEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) unitId!: number;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  /** The year of the achievement commended. */
  @Column({ type: 'integer' }) year!: number;

  @Column({ type: 'integer' }) tierId!: number;
  @ManyToOne(() => AwardTierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tier_id' })
  tier?: AwardTierEntity;

  @Column({ type: 'varchar', length: 100, nullable: true }) decisionNumber!: string | null;
  @Column({ type: 'date', nullable: true }) decisionDate!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) decider!: string | null;

  @Column({ type: 'varchar', length: 32 }) source!: AwardSource;

  @Column({ type: 'integer', nullable: true }) nominationId!: number | null;

  @CreatedAt() createdAt!: Date;
}
