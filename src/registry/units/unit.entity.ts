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
import { CreatedAt, sqlIn, UpdatedAt } from '../../database/columns';
import { UNIT_TYPES, type UnitType } from '../../domain/registry/unit-types';
import { ProvinceEntity } from '../provinces/province.entity';

/** A member unit of a bloc: a district-level unit until 2025, a commune-level unit since. */
@Entity('unit')
@Check('CHK_unit_type', sqlIn('type', UNIT_TYPES))
@Check('CHK_unit_dates', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
@Index('IDX_unit_province', ['provinceId'])
export class UnitEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'varchar', length: 32, unique: true }) code!: string;

  /** "Cẩm Giàng". */
  @Column({ type: 'varchar', length: 200 }) shortName!: string;

  @Column({ type: 'varchar', length: 32 }) type!: UnitType;

  /** "huyện Cẩm Giàng". */
  @Column({ type: 'varchar', length: 200 }) fullName!: string;

  /** "Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng": the awardee named on documents. */
  @Column({ type: 'varchar', length: 400 }) collectiveName!: string;

  @Column({ type: 'integer' }) provinceId!: number;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_id' })
  province?: ProvinceEntity;

  /**
   * The organization whose account registered the unit (issue 21); null: an account bound to none.
   * Units are shared between organizations: an organization sees a unit that sits in one of its
   * blocs, or that it registered (before any of its terms lists it). No foreign key: a plain mark.
   */
  @Column({ type: 'integer', nullable: true }) registeredByOrganizationId!: number | null;

  @Column({ type: 'date' }) validFrom!: string;

  @Column({ type: 'date', nullable: true }) validTo!: string | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
