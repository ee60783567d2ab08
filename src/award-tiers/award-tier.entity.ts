import { Check, Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import { DECIDING_AUTHORITIES, type DecidingAuthority } from '../domain/registry/tiers';

/** An award tier (hình thức khen thưởng): Government flag, provincial flag, Certificate of Merit… */
@Entity('award_tier')
@Check('CHK_award_tier_authority', sqlIn('deciding_authority', DECIDING_AUTHORITIES))
@Check('CHK_award_tier_rank', '"rank" >= 1')
export class AwardTierEntity {
  @PrimaryGeneratedColumn() id!: number;

  /** GOV_FLAG, PROV_FLAG, PROV_MERIT… */
  @Column({ type: 'varchar', length: 32, unique: true }) code!: string;

  /** "Cờ thi đua của Chính phủ". */
  @Column({ type: 'varchar', length: 300 }) name!: string;

  @Column({ type: 'varchar', length: 32 }) decidingAuthority!: DecidingAuthority;

  /** 1 = highest tier. Unique so that tiers have a total order. */
  @Column({ type: 'integer', unique: true }) rank!: number;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
