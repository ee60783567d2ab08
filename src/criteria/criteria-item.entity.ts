import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { sqlIn } from '../database/columns';
import { CriteriaSetEntity } from './criteria-set.entity';

export const CRITERIA_ITEM_KINDS = ['GROUP', 'CRITERION', 'BONUS', 'PENALTY'] as const;
export type CriteriaItemKind = (typeof CRITERIA_ITEM_KINDS)[number];

/** A group, criterion, bonus or penalty item of a criteria set; codes are unique within the set. */
@Entity('criteria_item')
@Unique('UQ_criteria_item_code', ['setId', 'code'])
@Check('CHK_criteria_item_kind', sqlIn('kind', CRITERIA_ITEM_KINDS))
@Check('CHK_criteria_item_max', '"max_points" > 0')
@Check('CHK_criteria_item_group', `("kind" = 'CRITERION') = ("group_code" IS NOT NULL)`)
export class CriteriaItemEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) setId!: number;

  @ManyToOne(() => CriteriaSetEntity, (s) => s.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'set_id' })
  set?: CriteriaSetEntity;

  @Column({ type: 'varchar', length: 32 }) kind!: CriteriaItemKind;

  @Column({ type: 'varchar', length: 32 }) code!: string;

  @Column({ type: 'varchar', length: 500 }) title!: string;

  /** Maximum (group, criterion) or cap (bonus, penalty), in centipoints. */
  @Column({ type: 'integer' }) maxPoints!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true }) guide!: string | null;

  /** The group a criterion belongs to. */
  @Column({ type: 'varchar', length: 32, nullable: true }) groupCode!: string | null;

  /** Display order within the set. */
  @Column({ type: 'integer' }) position!: number;
}
