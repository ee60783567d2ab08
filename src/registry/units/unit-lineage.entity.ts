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
import { CreatedAt, sqlIn } from '../../database/columns';
import { LINEAGE_KINDS, type LineageKind } from '../../domain/registry/unit-types';
import { UnitEntity } from './unit.entity';

/** A successor link: the predecessor unit ended and (part of) it continues as the successor. */
@Entity('unit_lineage')
@Unique('UQ_unit_lineage_pair', ['predecessorId', 'successorId'])
@Check('CHK_unit_lineage_kind', sqlIn('kind', LINEAGE_KINDS))
@Check('CHK_unit_lineage_distinct', '"predecessor_id" <> "successor_id"')
@Index('IDX_unit_lineage_successor', ['successorId'])
export class UnitLineageEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) predecessorId!: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'predecessor_id' })
  predecessor?: UnitEntity;

  @Column({ type: 'integer' }) successorId!: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'successor_id' })
  successor?: UnitEntity;

  @Column({ type: 'varchar', length: 32 }) kind!: LineageKind;

  @Column({ type: 'date' }) effectiveDate!: string;

  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;

  @CreatedAt() createdAt!: Date;
}
