import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { CreatedAt, sqlIn, UpdatedAt } from '../../database/columns';
import { SCORING_PHASES, type ScoringPhase } from '../../domain/scoring/phase';
import { UnitEntity } from '../units/unit.entity';
import { BlocEntity } from './bloc.entity';

/** One year of a bloc: its members, head (trưởng khối), deputy (phó khối) and secretary. */
@Entity('bloc_term')
@Unique('UQ_bloc_term_year', ['blocId', 'year'])
@Check('CHK_bloc_term_year', '"year" >= 1990 AND "year" <= 2100')
@Check(
  'CHK_bloc_term_head_deputy',
  '"head_unit_id" IS NULL OR "deputy_unit_id" IS NULL OR "head_unit_id" <> "deputy_unit_id"',
)
@Check('CHK_bloc_term_scoring_phase', sqlIn('scoring_phase', SCORING_PHASES))
export class BlocTermEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) blocId!: number;

  @ManyToOne(() => BlocEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bloc_id' })
  bloc?: BlocEntity;

  @Column({ type: 'integer' }) year!: number;

  @Column({ type: 'integer', nullable: true }) headUnitId!: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'head_unit_id' })
  headUnit?: UnitEntity | null;

  @Column({ type: 'integer', nullable: true }) deputyUnitId!: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'deputy_unit_id' })
  deputyUnit?: UnitEntity | null;

  /** Name of the secretary (thư ký) of the bloc for the year. */
  @Column({ type: 'varchar', length: 200, nullable: true }) secretaryName!: string | null;

  /** Free note, e.g. that head and deputy are sample data. */
  @Column({ type: 'varchar', length: 1000, nullable: true }) note!: string | null;

  /** Scoring workflow state (R12); see `src/domain/scoring/phase.ts`. */
  @Column({ type: 'varchar', length: 32, default: 'NOT_STARTED' }) scoringPhase!: ScoringPhase;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
