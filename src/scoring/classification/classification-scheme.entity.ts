import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { BlocTermEntity } from '../../registry/blocs/bloc-term.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../../database/columns';
import {
  CLASSIFICATION_METHODS,
  type ClassificationMethod,
} from '../../domain/classification/scale';

/**
 * A term's yearly classification scale (xếp loại thi đua): the bloc's ordered levels and how they
 * are decided (DERIVED from the agreed total with thresholds, or VOTED by the meeting).
 */
@Entity('classification_scheme')
@Check('CHK_classification_scheme_method', sqlIn('method', CLASSIFICATION_METHODS))
export class ClassificationSchemeEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer', unique: true }) blocTermId!: number;
  @OneToOne(() => BlocTermEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bloc_term_id' })
  blocTerm?: BlocTermEntity;

  @Column({ type: 'varchar', length: 16 }) method!: ClassificationMethod;

  /** JSON `ClassificationLevel[]`, rank 1 first (decoded in the repository). */
  @Column({ type: 'text' }) levels!: string;

  /** Where the scale and its thresholds come from (the bloc's regulation, the province's guidance). */
  @Column({ type: 'varchar', length: 500 }) basis!: string;

  /** VOTED: JSON `VotingRule` the meeting's classification ballots are counted with. */
  @Column({ type: 'text', nullable: true }) votingRule!: string | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}
