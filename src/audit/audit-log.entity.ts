import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '../database/columns';

export const AUDIT_DISPOSITIONS = ['SUCCESS'] as const;

/**
 * Append-only audit log, written in the same transaction as the change it records. Each row holds
 * the SHA-256 of the previous row's hash and its own content (hash chain); the database refuses
 * UPDATE and DELETE on the table (triggers on SQLite and PostgreSQL).
 */
@Entity('audit_log')
@Index('IDX_audit_log_entity', ['entityType', 'entityId'])
@Index('IDX_audit_log_user', ['userId'])
@Index('IDX_audit_log_at', ['at'])
@Index('IDX_audit_log_organization', ['organizingBodyId'])
@Check('CHK_audit_log_disposition', sqlIn('disposition', AUDIT_DISPOSITIONS))
export class AuditLogEntity {
  @PrimaryGeneratedColumn() id!: number;

  /** ISO instant (UTC). */
  @Column({ type: 'varchar', length: 40 }) at!: string;
  @Column({ type: 'integer', nullable: true }) userId!: number | null;
  @Column({ type: 'varchar', length: 64 }) username!: string;
  @Column({ type: 'varchar', length: 32 }) role!: string;
  /**
   * The organization the actor acted within (issue 21): its administrator reads and exports these
   * rows. Null: an actor bound to none (host administrator, single office, system). No foreign key:
   * an audit row outlives anything it names.
   */
  @Column({ type: 'integer', nullable: true }) organizingBodyId!: number | null;
  /** e.g. "unit.update", "ballot.entry". */
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ type: 'varchar', length: 64 }) entityType!: string;
  @Column({ type: 'varchar', length: 64 }) entityId!: string;
  /** JSON of the values before and after (null when created / deleted). */
  @Column({ type: 'text', nullable: true }) before!: string | null;
  @Column({ type: 'text', nullable: true }) after!: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;
  @Column({ type: 'varchar', length: 64 }) requestId!: string;
  @Column({ type: 'varchar', length: 16 }) disposition!: string;
  @Column({ type: 'varchar', length: 64 }) prevHash!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) hash!: string;
}
