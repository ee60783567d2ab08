import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed checkpoint of the audit log: the head row's id and hash at a time, HMAC-signed with the
 * audit key (which is not in the database). Taken every AUDIT_CHECKPOINT_EVERY rows and on demand;
 * an operator exports them and keeps them elsewhere, so that a log cut short or rewritten is caught
 * by `verify` against a kept checkpoint. Append-only like the log (triggers).
 */
@Entity('audit_checkpoint')
@Index('IDX_audit_checkpoint_audit', ['auditId'])
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** ISO instant (UTC) when the checkpoint was taken. */
  @Column({ type: 'varchar', length: 40 }) at!: string;
  /** The audit_log row the checkpoint pins (the head when it was taken). */
  @Column({ type: 'integer' }) auditId!: number;
  @Column({ type: 'varchar', length: 64 }) headHash!: string;
  /** Public identifier of the key that signed it (never the key). */
  @Column({ type: 'varchar', length: 16 }) keyId!: string;
  @Column({ type: 'varchar', length: 64 }) signature!: string;
}
