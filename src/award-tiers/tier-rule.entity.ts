import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { AwardTierEntity } from './award-tier.entity';
import { TierVotingRuleEntity } from './tier-voting-rule.entity';

/**
 * The rules of a tier for a period, with their legal basis (R1). Resolved by the date of the
 * review; periods of one tier never overlap (checked when saved).
 */
@Entity('tier_rule')
@Index('IDX_tier_rule_tier', ['tierId'])
@Check('CHK_tier_rule_dates', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
@Check('CHK_tier_rule_quota', '"per_bloc_quota" IS NULL OR "per_bloc_quota" >= 0')
@Check(
  'CHK_tier_rule_cap',
  '("province_cap_num" IS NULL AND "province_cap_den" IS NULL) OR ("province_cap_num" >= 0 AND "province_cap_den" > 0 AND "province_cap_num" <= "province_cap_den")',
)
export class TierRuleEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) tierId!: number;

  @ManyToOne(() => AwardTierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tier_id' })
  tier?: AwardTierEntity;

  @Column({ type: 'date' }) validFrom!: string;

  @Column({ type: 'date', nullable: true }) validTo!: string | null;

  /** e.g. "Luật Thi đua, khen thưởng số 06/2022/QH15". */
  @Column({ type: 'varchar', length: 500 }) legalDocument!: string;

  /** e.g. "Điều 25". */
  @Column({ type: 'varchar', length: 200 }) legalArticle!: string;

  /** True when the values are illustrative (the brief's ⚠ sample data) and must be confirmed. */
  @Column({ type: 'boolean', default: false }) isSample!: boolean;

  @Column({ type: 'integer', nullable: true }) perBlocQuota!: number | null;

  @Column({ type: 'boolean', default: false }) leaderOnly!: boolean;

  @Column({ type: 'integer', nullable: true }) provinceCapNum!: number | null;

  @Column({ type: 'integer', nullable: true }) provinceCapDen!: number | null;

  /** Allow one nomination even when the cap rounds down to 0 (a province with fewer than 5 blocs). */
  @Column({ type: 'boolean', default: false }) provinceCapMinOne!: boolean;

  /** The unit's yearly classification must reach this rank (1 = the bloc's best level); null = no requirement. */
  @Column({ type: 'integer', nullable: true }) requiredClassificationRank!: number | null;

  @OneToMany(() => TierVotingRuleEntity, (v) => v.tierRule)
  votingRules?: TierVotingRuleEntity[];

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
