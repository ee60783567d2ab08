import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { BlocEntity } from '../registry/blocs/bloc.entity';
import { CreatedAt, sqlIn, UpdatedAt } from '../database/columns';
import { ROLES, type Role } from '../domain/auth/permissions';
import { OrganizingBodyEntity } from '../registry/organizing-bodies/organizing-body.entity';
import { UnitEntity } from '../registry/units/unit.entity';

/** A person who signs in. The password is kept only as an argon2id hash. */
@Entity('user_account')
@Check('CHK_user_role', sqlIn('role', ROLES))
@Check('CHK_user_unit_rep', `("role" = 'UNIT_REP') = ("unit_id" IS NOT NULL)`)
@Check('CHK_user_host_admin', `"role" <> 'HOST_ADMIN' OR "organizing_body_id" IS NULL`)
@Index('IDX_user_account_organizing_body', ['organizingBodyId'])
export class UserEntity {
  @PrimaryGeneratedColumn() id!: number;

  /** Lower case. */
  @Column({ type: 'varchar', length: 64, unique: true }) username!: string;
  @Column({ type: 'varchar', length: 200 }) displayName!: string;
  @Column({ type: 'varchar', length: 32 }) role!: Role;
  @Column({ type: 'varchar', length: 255, select: false }) passwordHash!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Demo account of the sample data set (shown as such on the login page). */
  @Column({ type: 'boolean', default: false }) isDemo!: boolean;

  /**
   * The organization the account belongs to (issue 21): it reaches only that organization's blocs and
   * what hangs on them. Null: the host's administrator, or the office of a single-office deployment.
   * Set when the account is created, never changed.
   */
  @Column({ type: 'integer', nullable: true }) organizingBodyId!: number | null;
  @ManyToOne(() => OrganizingBodyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organizing_body_id' })
  organizingBody?: OrganizingBodyEntity | null;

  /** The unit a unit representative acts for. */
  @Column({ type: 'integer', nullable: true }) unitId!: number | null;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity | null;

  @VersionColumn() version!: number;
  @CreatedAt() createdAt!: Date;
  @UpdatedAt() updatedAt!: Date;
}

/** A bloc a secretary is assigned to (read on every request, so a change applies at once). */
@Entity('user_bloc_scope')
@Unique('UQ_user_bloc_scope', ['userId', 'blocId'])
@Index('IDX_user_bloc_scope_user', ['userId'])
export class UserBlocScopeEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) userId!: number;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'integer' }) blocId!: number;
  @ManyToOne(() => BlocEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bloc_id' })
  bloc?: BlocEntity;
}

export const SESSION_KINDS = ['COOKIE', 'BEARER'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A signed-in session: only the SHA-256 of its token is stored; kept in the database so that several instances share it. */
@Entity('auth_session')
@Index('IDX_auth_session_user', ['userId'])
@Check('CHK_auth_session_kind', sqlIn('kind', SESSION_KINDS))
export class SessionEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'varchar', length: 64, unique: true }) tokenHash!: string;

  @Column({ type: 'integer' }) userId!: number;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 }) kind!: SessionKind;
  /** Synchronizer token for cookie sessions (CSRF). */
  @Column({ type: 'varchar', length: 64, nullable: true }) csrfToken!: string | null;
  /** ISO instants (UTC). */
  @Column({ type: 'varchar', length: 40 }) lastSeenAt!: string;
  @Column({ type: 'varchar', length: 40 }) expiresAt!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) revokedAt!: string | null;

  @CreatedAt() createdAt!: Date;
}
