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
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import { UnitEntity } from '../registry/units/unit.entity';

export const SCORE_STAGES = ['SELF', 'REVIEW', 'AGREED'] as const;
export type ScoreStageCode = (typeof SCORE_STAGES)[number];

/** One unit's value for one criterion / bonus / penalty item at one stage, in centipoints. */
@Entity('score_entry')
@Unique('UQ_score_entry_line', ['termId', 'unitId', 'stage', 'itemCode'])
@Index('IDX_score_entry_term_stage', ['termId', 'stage'])
@Check('CHK_score_entry_stage', sqlIn('stage', SCORE_STAGES))
@Check('CHK_score_entry_value', '"value" >= 0')
export class ScoreEntryEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) termId!: number;

  @ManyToOne(() => BlocTermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: BlocTermEntity;

  @Column({ type: 'integer' }) unitId!: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 32 }) stage!: ScoreStageCode;

  @Column({ type: 'varchar', length: 32 }) itemCode!: string;

  @Column({ type: 'integer' }) value!: number;

  /** Why the value differs from the previous stage (R12). */
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
