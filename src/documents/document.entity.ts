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
import { CreatedAt, sqlIn } from '../database/columns';
import { DOC_KINDS, type DocKind } from '../domain/documents/view-model';
import { MeetingEntity } from '../meetings/meeting.entity';

/** A numbering series per issuer and year (ND 30): numbers are assigned atomically and never reused. */
@Entity('document_series')
@Unique('UQ_document_series', ['issuerKey', 'year'])
@Check('CHK_document_series_last', '"last_number" >= 0')
export class DocumentSeriesEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** e.g. "bloc:1". */
  @Column({ type: 'varchar', length: 64 }) issuerKey!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) lastNumber!: number;
}

/**
 * A generated official document: its number, the locked data it was built from (JSON) with that
 * data's SHA-256, and the template version. Regenerating keeps the number and adds a version.
 */
@Entity('generated_document')
@Unique('UQ_generated_document_version', ['meetingId', 'kind', 'versionNo'])
@Index('IDX_generated_document_meeting', ['meetingId'])
@Check('CHK_generated_document_kind', sqlIn('kind', DOC_KINDS))
export class GeneratedDocumentEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) meetingId!: number;
  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'varchar', length: 32 }) kind!: DocKind;
  @Column({ type: 'integer' }) versionNo!: number;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'varchar', length: 64 }) numberText!: string;
  @Column({ type: 'text' }) snapshot!: string;
  @Column({ type: 'varchar', length: 64 }) snapshotSha256!: string;
  @Column({ type: 'varchar', length: 32 }) templateVersion!: string;
  @CreatedAt() createdAt!: Date;
}
