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
import { CreatedAt } from '../../database/columns';
import { UnitEntity } from '../units/unit.entity';
import { BlocTermEntity } from './bloc-term.entity';

/**
 * A member unit of a bloc term. `year` repeats the term's year so that the database itself keeps a
 * unit in at most one bloc per year and organization (issue 21: a commune sits in the People's
 * Committee's bloc and in the Front's cụm of the same year): a trigger of migration
 * `UnitBlocPerOrganization` refuses a second membership of the unit that year in a bloc of the same
 * organization (blocs of no organization counting as one), on PostgreSQL under a lock on the unit
 * and year, so that two transactions cannot both pass it.
 */
@Entity('bloc_member')
@Unique('UQ_bloc_member_term_unit', ['termId', 'unitId'])
@Index('IDX_bloc_member_unit_year', ['unitId', 'year'])
@Unique('UQ_bloc_member_draw', ['termId', 'drawNumber'])
@Check('CHK_bloc_member_draw', '"draw_number" IS NULL OR "draw_number" >= 1')
@Index('IDX_bloc_member_term', ['termId'])
export class BlocMemberEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) termId!: number;

  @ManyToOne(() => BlocTermEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id' })
  term?: BlocTermEntity;

  @Column({ type: 'integer' }) unitId!: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'integer' }) year!: number;

  /** Number drawn at the meeting to settle a ranking tie (1 ranks first); null until drawn. */
  @Column({ type: 'integer', nullable: true }) drawNumber!: number | null;

  @CreatedAt() createdAt!: Date;
}
