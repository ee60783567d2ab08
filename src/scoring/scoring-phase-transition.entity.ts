import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { CreatedAt, sqlIn } from '../database/columns';
import { SCORING_PHASES, type ScoringPhase } from '../domain/scoring/phase';

/** History row of every scoring phase change of a term (who and why arrive with issue 7). */
@Entity('scoring_phase_transition')
@Index('IDX_scoring_phase_transition_term', ['termId'])
@Check('CHK_spt_from', sqlIn('from_phase', SCORING_PHASES))
@Check('CHK_spt_to', sqlIn('to_phase', SCORING_PHASES))
export class ScoringPhaseTransitionEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) termId!: number;

  @ManyToOne(() => BlocTermEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id' })
  term?: BlocTermEntity;

  @Column({ type: 'varchar', length: 32 }) fromPhase!: ScoringPhase;
  @Column({ type: 'varchar', length: 32 }) toPhase!: ScoringPhase;
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;

  @CreatedAt() createdAt!: Date;
}
