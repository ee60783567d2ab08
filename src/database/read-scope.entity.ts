import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Counts of committed changes by scope, beside `read_generation` (the count of everything without a
 * scope): one row per bloc-year (`bloc-year:<bloc id>:<year>`) and per province-year
 * (`province-year:<province id>:<year>`) that has been written to, and the row `*`, bumped by every
 * change that has a scope. Database triggers on the tables whose rows belong to one bloc term (scores,
 * nominations, meetings, ballots…) bump the scopes of the changed row in the changing transaction
 * (PostgreSQL: once per scope, at commit), so a value kept by Db.readCached for one bloc's ranking is
 * not discarded by a write to another bloc (see Db.readCached and the ReadScope migration).
 */
@Entity('read_scope')
export class ReadScopeEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 }) scope!: string;

  /** bigint: PostgreSQL returns it as a string, which is only compared for equality. */
  @Column({ type: 'bigint', default: 0 }) generation!: string;

  /** Random, replaced at every bump: a restore can bring the number back, not the token. */
  @Column({ type: 'varchar', length: 32, default: '' }) token!: string;
}
