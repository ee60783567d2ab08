import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Failed sign-ins of one user name (existing or not) from one client address since its last
 * success, and the lock they brought (src/domain/auth/login-throttle.ts). An attempt is counted
 * here before its password is checked.
 */
@Entity('login_address_lock')
@Unique('UQ_login_address_lock', ['username', 'address'])
@Index('IDX_login_address_lock_last_failure', ['lastFailureAt'])
@Check('CHK_login_address_lock_failures', '"failures" >= 0')
export class LoginAddressLockEntity {
  @PrimaryGeneratedColumn() id!: number;

  /** Lower case, as typed (the account may not exist). */
  @Column({ type: 'varchar', length: 64 }) username!: string;
  /** The client address as Express derives it (TRUST_PROXY). */
  @Column({ type: 'varchar', length: 64 }) address!: string;
  @Column({ type: 'integer' }) failures!: number;
  /** ISO instants (UTC). */
  @Column({ type: 'varchar', length: 40 }) lastFailureAt!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) lockedUntil!: string | null;
}

/** Failed sign-ins of one user name over every address in the current hour, and the administrator's alert. */
@Entity('login_account_limit')
@Check('CHK_login_account_limit_failures', '"failures" >= 0')
export class LoginAccountLimitEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'varchar', length: 64, unique: true }) username!: string;
  @Column({ type: 'integer' }) failures!: number;
  /** ISO instants (UTC). */
  @Column({ type: 'varchar', length: 40 }) windowStart!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) alertedAt!: string | null;
}
