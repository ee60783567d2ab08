import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { BlocTermEntity } from '../../registry/blocs/bloc-term.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../../database/columns';
import {
  CLASSIFICATION_METHODS,
  type ClassificationMethod,
} from '../../domain/classification/scale';
import { UnitEntity } from '../../registry/units/unit.entity';

/** One unit's classification for a term, with the level as recorded and its basis. */
@Entity('unit_classification')
@Unique('UQ_unit_classification', ['blocTermId', 'unitId'])
@Index('IDX_unit_classification_unit', ['unitId'])
@Check('CHK_unit_classification_method', sqlIn('method', CLASSIFICATION_METHODS))
@Check('CHK_unit_classification_rank', '"level_rank" >= 1')
export class UnitClassificationEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) blocTermId!: number;
  @ManyToOne(() => BlocTermEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bloc_term_id' })
  blocTerm?: BlocTermEntity;

  @Column({ type: 'integer' }) unitId!: number;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  /** 1 = the best level of the term's scale. */
  @Column({ type: 'integer' }) levelRank!: number;
  /** The label as it was when decided ("Hoàn thành xuất sắc nhiệm vụ"). */
  @Column({ type: 'varchar', length: 200 }) levelLabel!: string;
  @Column({ type: 'varchar', length: 16 }) method!: ClassificationMethod;
  /** JSON `DerivedBasis` (total, threshold) or `VotedBasis` (meeting, counts, line). */
  @Column({ type: 'text' }) basis!: string;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
