import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { CreatedAt, UpdatedAt } from '../../database/columns';

/** A province (tỉnh) or centrally-run city; it keeps its history after a merger. */
@Entity('province')
@Check('CHK_province_dates', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
export class ProvinceEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'varchar', length: 32, unique: true }) code!: string;

  /** "Hải Dương". */
  @Column({ type: 'varchar', length: 200 }) name!: string;

  /** "tỉnh Hải Dương", "thành phố Hải Phòng". */
  @Column({ type: 'varchar', length: 200 }) fullName!: string;

  @Column({ type: 'date' }) validFrom!: string;

  @Column({ type: 'date', nullable: true }) validTo!: string | null;

  @Column({ type: 'integer', nullable: true }) successorId!: number | null;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'successor_id' })
  successor?: ProvinceEntity | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
