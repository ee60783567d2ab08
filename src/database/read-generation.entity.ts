import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1) counting committed changes to the data that reads may cache. Database triggers on
 * every table of that data add one to it in the changing transaction (PostgreSQL: once, at commit),
 * so a cached read is reused only while the count it was computed at is still current, whichever
 * instance, command-line tool or hand-typed SQL made the change (see Db.readCached).
 */
@Entity('read_generation')
export class ReadGenerationEntity {
  @PrimaryColumn({ type: 'integer' }) id!: number;

  /** bigint: PostgreSQL returns it as a string, which is only compared for equality. */
  @Column({ type: 'bigint', default: 0 }) generation!: string;

  /**
   * Random, replaced at every bump: a restore or a failover can set `generation` back to a number
   * already seen, but not to the same token, so a kept value is never taken for different data.
   */
  @Column({ type: 'varchar', length: 32, default: '' }) token!: string;
}
