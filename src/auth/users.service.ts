import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { currentOrganization } from '../database/tenant';
import { ROLE_LABELS, type Role } from '../domain/auth/permissions';
import { organizationForNew } from '../domain/auth/tenancy';
import { AuthErrors } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { checkPasswordStrength, hashPassword } from './auth.service';
import type { CreateUserDto, UpdateUserDto } from './dto/auth.dto';
import type { UserEntity } from './user.entity';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  organizationId: number | null;
  active: boolean;
  isDemo: boolean;
  unitId: number | null;
  blocIds: number[];
  version: number;
}

/** Account management (office administrator): roles and scopes; disabling ends the sessions at once. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserView[]> {
    return this.db.read(async (em) =>
      Promise.all((await this.auth.listUsers(em)).map((u) => this.view(em, u))),
    );
  }

  /**
   * Creates an account. Its organization is the creator's (an account bound to an organization
   * creates accounts only in it); an account bound to none may name one, or none. A host
   * administrator is created only from the command line (`hostAdministrator`).
   */
  async create(dto: CreateUserDto, isDemo = false, hostAdministrator = false): Promise<UserView> {
    const username = dto.username.trim().toLowerCase();
    if ((dto.role === 'HOST_ADMIN') !== hostAdministrator)
      throw new AppError(AuthErrors.HOST_ADMIN_COMMAND_LINE_ONLY);
    checkPasswordStrength(username, dto.password);
    this.checkScope(dto.role, dto.blocIds ?? [], dto.unitId ?? null);
    const placed = organizationForNew(currentOrganization(), dto.organizationId);
    if (placed === 'NOT_OWN') throw new AppError(AuthErrors.ORGANIZATION_NOT_OWN);
    const organizationId = hostAdministrator ? null : placed.organizationId;
    const passwordHash = await hashPassword(dto.password);
    return this.db.write(async (em) => {
      if (await this.auth.findUserByName(em, username))
        throw new AppError(AuthErrors.USERNAME_TAKEN);
      await this.checkOrganization(em, organizationId, dto.blocIds ?? []);
      const u = await this.auth.insertUser(em, {
        username,
        displayName: dto.displayName.trim(),
        role: dto.role,
        passwordHash,
        active: true,
        isDemo,
        unitId: dto.unitId ?? null,
        organizingBodyId: organizationId,
      });
      await this.auth.replaceBlocScopes(em, u.id, dto.blocIds ?? []);
      const view = await this.view(em, u);
      await this.audit.record(em, {
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: number, dto: UpdateUserDto): Promise<UserView> {
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.db.write(async (em) => {
      const u = await this.auth.findUser(em, id);
      if (!u) throw new AppError(AuthErrors.USER_NOT_FOUND);
      if (u.role === 'HOST_ADMIN' || dto.role === 'HOST_ADMIN')
        throw new AppError(AuthErrors.HOST_ADMIN_COMMAND_LINE_ONLY);
      if (dto.password) checkPasswordStrength(u.username, dto.password);
      const before = await this.view(em, u);
      const role = dto.role ?? u.role;
      const blocIds = dto.blocIds ?? before.blocIds;
      const unitId = dto.unitId === undefined ? u.unitId : dto.unitId;
      this.checkScope(
        role,
        role === 'BLOC_SECRETARY' ? blocIds : [],
        role === 'UNIT_REP' ? unitId : null,
      );
      if (role === 'BLOC_SECRETARY') await this.checkOrganization(em, u.organizingBodyId, blocIds);
      const ok = await this.auth.updateUserIfVersion(em, id, dto.version, {
        role,
        unitId: role === 'UNIT_REP' ? unitId : null,
        ...(dto.displayName !== undefined ? { displayName: dto.displayName.trim() } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      });
      if (!ok)
        throw new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: u.version } });
      await this.auth.replaceBlocScopes(em, id, role === 'BLOC_SECRETARY' ? blocIds : []);
      // Disabling an account or changing its password ends its sessions at once (ASVS 7.4).
      if (dto.active === false || passwordHash)
        await this.auth.revokeUserSessions(em, id, new Date().toISOString());
      const after = await this.view(em, (await this.auth.findUser(em, id))!);
      await this.audit.record(em, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: { ...after, passwordChanged: !!passwordHash },
      });
      return after;
    });
  }

  /**
   * The organization exists, and the blocs given to an account bound to one are that organization's
   * (an unknown bloc is refused the same way, naming nothing of another organization).
   */
  private async checkOrganization(
    em: EntityManager,
    organizationId: number | null,
    blocIds: readonly number[],
  ): Promise<void> {
    if (organizationId === null) return;
    if (!(await this.auth.organizationExists(em, organizationId)))
      throw new AppError(AuthErrors.ORGANIZATION_NOT_FOUND);
    const orgs = await this.auth.blocOrganizations(em, blocIds);
    if (blocIds.some((b) => orgs.get(b) !== organizationId))
      throw new AppError(AuthErrors.SCOPE_OUTSIDE_ORGANIZATION);
  }

  private checkScope(role: Role, blocIds: readonly number[], unitId: number | null): void {
    const ok =
      role === 'BLOC_SECRETARY'
        ? blocIds.length > 0 && unitId === null
        : role === 'UNIT_REP'
          ? unitId !== null && blocIds.length === 0
          : blocIds.length === 0 && unitId === null;
    if (!ok) throw new AppError(AuthErrors.SCOPE_INVALID);
  }

  private async view(em: EntityManager, u: UserEntity): Promise<UserView> {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      organizationId: u.organizingBodyId,
      active: u.active,
      isDemo: u.isDemo,
      unitId: u.unitId,
      blocIds: await this.auth.blocScopes(em, u.id),
      version: u.version,
    };
  }
}
