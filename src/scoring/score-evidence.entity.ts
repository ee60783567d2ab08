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
import { UnitEntity } from '../registry/units/unit.entity';

export const EVIDENCE_KINDS = ['NOTE', 'FILE'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Evidence for a unit's score line: a note, or a file kept in the database (base64) with its
 * SHA-256, so that backups and restores carry it with the scores. Evidence is never edited.
 */
@Entity('score_evidence')
@Index('IDX_score_evidence_line', ['termId', 'unitId', 'itemCode'])
@Check('CHK_score_evidence_kind', sqlIn('kind', EVIDENCE_KINDS))
@Check('CHK_score_evidence_file', `("kind" = 'FILE') = ("content_base64" IS NOT NULL)`)
export class ScoreEvidenceEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) termId!: number;

  @ManyToOne(() => BlocTermEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: BlocTermEntity;

  @Column({ type: 'integer' }) unitId!: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 32 }) itemCode!: string;

  @Column({ type: 'varchar', length: 32 }) kind!: EvidenceKind;

  @Column({ type: 'varchar', length: 2000, nullable: true }) note!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true }) fileName!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) mimeType!: string | null;
  @Column({ type: 'integer', nullable: true }) sizeBytes!: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) sha256!: string | null;
  @Column({ type: 'text', nullable: true, select: false }) contentBase64!: string | null;

  @CreatedAt() createdAt!: Date;
}
