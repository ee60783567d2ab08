import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1) counting committed changes that can end or narrow a session: a revoked or deleted
 * session, a changed or deleted account (disabled, password, role, unit), its bloc scopes, a unit's
 * bloc memberships. Database triggers add one in the changing transaction (PostgreSQL: once, at
 * commit), whichever instance or tool made the change, so a session verified in memory is honoured
 * only while the count it was verified at is current (see SessionCache). Sign-ins and the last-seen
 * refresh do not count: they end no session.
 */
@Entity('session_generation')
export class SessionGenerationEntity {
  @PrimaryColumn({ type: 'integer' }) id!: number;

  /** bigint: PostgreSQL returns it as a string, which is only compared for equality. */
  @Column({ type: 'bigint', default: 0 }) generation!: string;

  /** Random, replaced at every bump: a restore can bring the number back, not the token. */
  @Column({ type: 'varchar', length: 32, default: '' }) token!: string;
}
