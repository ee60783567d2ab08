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
import { CreatedAt, UpdatedAt } from '../database/columns';
import { DecidingAuthorityEntity } from './deciding-authority.entity';

/** An award tier (hình thức khen thưởng): Government flag, provincial flag, Certificate of Merit… */
@Entity('award_tier')
@Check('CHK_award_tier_rank', '"rank" >= 1')
export class AwardTierEntity {
  @PrimaryGeneratedColumn() id!: number;

  /**
   * GOV_FLAG, PROV_FLAG, PROV_MERIT… Unique among the tiers one organization sees (the shared ones
   * and its own): a database trigger (migration AwardTierScopedKeys), since the key depends on the
   * organization; two organizations may each have a tier of the same code.
   */
  @Index('IDX_award_tier_code')
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  /** "Cờ thi đua của Chính phủ". */
  @Column({ type: 'varchar', length: 300 }) name!: string;

  /** Code of the deciding authority (a row of `deciding_authority`). */
  @Column({ type: 'varchar', length: 32 }) decidingAuthority!: string;

  @ManyToOne(() => DecidingAuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deciding_authority', referencedColumnName: 'code' })
  authority?: DecidingAuthorityEntity;

  /**
   * The organization whose own tier this is (issue 21): seen and used only by its blocs, changed only
   * by its office. Null: a tier shared by every organization (the State's awards: Government flag,
   * provincial flag, Certificates of Merit), read-only to organizations. Fixed once created. No
   * foreign key: a plain mark, as `unit.registered_by_organization_id`.
   */
  @Column({ type: 'integer', nullable: true }) organizingBodyId!: number | null;

  /**
   * 1 = highest tier. Unique among the tiers one organization sees (as `code`), so that they have a
   * total order.
   */
  @Index('IDX_award_tier_rank')
  @Column({ type: 'integer' })
  rank!: number;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
