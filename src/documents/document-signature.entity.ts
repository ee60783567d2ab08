import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { CreatedAt } from '../database/columns';
import { GeneratedDocumentEntity } from './document.entity';

/**
 * The signed PDF of one document version: its exact bytes (base64), their SHA-256, who signed, when
 * and with which certificate. Written once; a signed version never changes (regenerating makes a new,
 * unsigned version).
 */
@Entity('document_signature')
@Unique('UQ_document_signature_document', ['documentId'])
@Index('IDX_document_signature_sha', ['signedSha256'])
export class DocumentSignatureEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) documentId!: number;
  @ManyToOne(() => GeneratedDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: GeneratedDocumentEntity;
  @Column({ type: 'text' }) signedPdfBase64!: string;
  @Column({ type: 'varchar', length: 64 }) signedSha256!: string;
  /** UTC instant of the signature (the PDF's /M entry and the printed time, in Vietnam time). */
  @Column({ type: 'varchar', length: 32 }) signedAt!: string;
  @Column({ type: 'integer' }) signedByUserId!: number;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by_user_id' })
  signedBy?: UserEntity;
  @Column({ type: 'varchar', length: 200 }) signerName!: string;
  @Column({ type: 'varchar', length: 300 }) organizationName!: string;
  @Column({ type: 'varchar', length: 1000 }) certSubject!: string;
  @Column({ type: 'varchar', length: 1000 }) certIssuer!: string;
  @Column({ type: 'varchar', length: 80 }) certSerial!: string;
  @Column({ type: 'varchar', length: 32 }) certValidFrom!: string;
  @Column({ type: 'varchar', length: 32 }) certValidTo!: string;
  @CreatedAt() createdAt!: Date;
}
