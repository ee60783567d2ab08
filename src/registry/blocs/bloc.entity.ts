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
import { BLOC_KINDS, type BlocKind } from '../../domain/registry/unit-types';
import { OrganizingBodyEntity } from '../organizing-bodies/organizing-body.entity';
import { ProvinceEntity } from '../provinces/province.entity';

/** A competition bloc (khối or cụm thi đua) organised by a province. */
@Entity('bloc')
@Check('CHK_bloc_kind', sqlIn('kind', BLOC_KINDS))
@Index('IDX_bloc_province', ['provinceId'])
export class BlocEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'varchar', length: 32, unique: true }) code!: string;

  /** "Khối thi đua các huyện, thị xã, thành phố". */
  @Column({ type: 'varchar', length: 300 }) name!: string;

  @Column({ type: 'varchar', length: 32 }) kind!: BlocKind;

  @Column({ type: 'integer' }) provinceId!: number;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_id' })
  province?: ProvinceEntity;

  /** The organising body whose lines head the bloc's documents; null: the provincial People's Committee. */
  @Column({ type: 'integer', nullable: true }) organizingBodyId!: number | null;

  @ManyToOne(() => OrganizingBodyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizing_body_id' })
  organizingBody?: OrganizingBodyEntity;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
