import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { requestContext } from '../common/http/request-context';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db.service';
import {
  MAX_LOCK_MS,
  reserveLoginAttempt,
  type LoginThrottlePolicy,
} from '../domain/auth/login-throttle';
import type { Principal, Role } from '../domain/auth/permissions';
import { AuthErrors } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { SessionCache } from './session-cache';
import type { SessionEntity, SessionKind, UserEntity } from './user.entity';

export interface AuthenticatedUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The organization the account belongs to; null: none (host administrator, single office). */
  organizationId: number | null;
  unitId: number | null;
  blocIds: number[];
  isDemo: boolean;
}

export interface Authenticated {
  user: AuthenticatedUser;
  principal: Principal;
  session: SessionEntity;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const minutes = (n: number): number => n * 60_000;
/** How often an instance deletes the sign-in counters that no longer matter. */
const PURGE_EVERY_MS = minutes(10);

/** Password check per OWASP: argon2id (@node-rs/argon2 defaults: m = 19 MiB, t = 2, p = 1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function checkPasswordStrength(username: string, password: string): void {
  if (password.length < 10 || password.toLowerCase().includes(username.toLowerCase()))
    throw new AppError(AuthErrors.WEAK_PASSWORD);
}

/**
 * Sign-in, sessions and their lifetime (ASVS V6, V7): a new random token per sign-in (only its
 * SHA-256 is stored), idle and absolute expiry, lock after repeated failures per user name (whether
 * or not it exists) and client address, with an hourly cap per user name over every address,
 * sessions ended at once when an account is disabled.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Auth');
  /** Hash compared against when the user name does not exist (started at init, not awaited there). */
  private dummyHash: Promise<string> = Promise.resolve('');
  private nextPurgeAt = 0;
  /** Sessions verified a few seconds ago (per instance; see SessionCache). */
  private readonly sessions = new SessionCache();

  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Computed on the thread pool while the app goes on starting; the first sign-in waits for it.
    // Should it ever fail, verify('') rejects and the sign-in is refused as for a wrong password.
    this.dummyHash = hash(randomBytes(16).toString('hex')).catch(() => '');
  }

  /** Creates the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD when no account exists. */
  async ensureFirstAdmin(): Promise<void> {
    const username = this.config.ADMIN_USERNAME.trim().toLowerCase();
    if (!username || !this.config.ADMIN_PASSWORD) return;
    checkPasswordStrength(username, this.config.ADMIN_PASSWORD);
    const passwordHash = await hashPassword(this.config.ADMIN_PASSWORD);
    await this.db.write(async (em) => {
      if ((await this.auth.countUsers(em)) > 0) return;
      const u = await this.auth.insertUser(em, {
        username,
        displayName: 'Quản trị hệ thống',
        role: 'OFFICE_ADMIN',
        passwordHash,
        active: true,
        isDemo: false,
        unitId: null,
        organizingBodyId: null,
      });
      await this.audit.record(em, {
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        after: { username, role: 'OFFICE_ADMIN' },
        reason: 'Tài khoản quản trị đầu tiên (biến môi trường)',
      });
      this.logger.log(`Đã tạo tài khoản quản trị đầu tiên "${username}".`);
    });
  }

  /**
   * Signs in from `clientAddress` (as Express derives it, see TRUST_PROXY). The attempt is counted
   * as a failure before the password is checked (reserveAttempt), and given back on success.
   */
  async login(
    usernameRaw: string,
    password: string,
    kind: SessionKind,
    clientAddress: string,
  ): Promise<{
    token: string;
    csrfToken: string | null;
    expiresAt: string;
    user: AuthenticatedUser;
  }> {
    // Both keys fit their columns; a longer one (a user name lower-cased into more characters, an
    // odd address) only shares its counter with names or addresses of the same first 64 characters.
    const username = usernameRaw.trim().toLowerCase().slice(0, 64);
    const address = clientAddress.slice(0, 64);
    const now = Date.now();
    if (now >= this.nextPurgeAt) {
      this.nextPurgeAt = now + PURGE_EVERY_MS;
      this.purgeLoginCounters(now).catch((e: unknown) =>
        this.logger.warn(`Không xoá được bộ đếm đăng nhập cũ: ${String(e)}`),
      );
    }
    await this.reserveAttempt(username, address, now);
    const user = await this.db.read((em) => this.auth.findUserByName(em, username));
    // Verify against a dummy hash when the user does not exist, so that timing does not tell.
    const ok =
      (await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false)) &&
      !!user &&
      user.active;
    if (!ok || !user) {
      this.logger.warn(
        `Đăng nhập thất bại cho "${username}" từ ${address} (request ${requestContext.getStore()?.requestId ?? '-'})`,
      );
      throw new AppError(AuthErrors.INVALID_CREDENTIALS);
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = kind === 'COOKIE' ? randomBytes(24).toString('base64url') : null;
    const expiresAt = new Date(
      now +
        (kind === 'COOKIE'
          ? this.config.SESSION_ABSOLUTE_HOURS * 3_600_000
          : this.config.TOKEN_DAYS * 86_400_000),
    ).toISOString();
    await this.db.write(async (em) => {
      await this.auth.releaseLoginAttempt(em, username, address);
      await this.auth.insertSession(em, {
        tokenHash: sha256(token),
        userId: user.id,
        kind,
        csrfToken,
        lastSeenAt: new Date(now).toISOString(),
        expiresAt,
      });
      const store = requestContext.getStore();
      if (store)
        store.actor = {
          userId: user.id,
          username: user.username,
          role: user.role,
          organizationId: user.organizingBodyId,
        };
      await this.audit.record(em, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: { kind, expiresAt },
      });
    });
    return {
      token,
      csrfToken,
      expiresAt,
      user: await this.db.read((em) => this.toAuthenticated(em, user)),
    };
  }

  /**
   * The session of a token, if valid now; refreshes its last-seen time at most once a minute. A
   * session verified a few seconds ago is taken from memory while the session count is unchanged
   * (SessionCache); expiry is checked either way.
   */
  async authenticate(token: string, kind: SessionKind): Promise<Authenticated | null> {
    const now = Date.now();
    const key = `${kind}:${sha256(token)}`;
    // Read before the session, so that a kept session is never older than its count.
    const count = await this.db.sessionCount();
    const kept = this.sessions.get(key, count, now);
    const found =
      kept && this.isLive(kept.session, kind, now)
        ? kept
        : await this.db.read(async (em) => {
            const session = await this.auth.findSession(em, sha256(token));
            if (!session || !this.isLive(session, kind, now)) return null;
            const user = await this.auth.findUser(em, session.userId);
            if (!user || !user.active) return null;
            const authed = await this.toAuthenticated(em, user);
            const unitBlocIds =
              user.unitId !== null ? await this.auth.blocsOfUnit(em, user.unitId) : [];
            return {
              session,
              user: authed,
              principal: {
                role: user.role,
                organizationId: user.organizingBodyId,
                blocIds: authed.blocIds,
                unitId: user.unitId,
                unitBlocIds,
              },
            };
          });
    if (!found) {
      this.sessions.forget(key);
      return null;
    }
    if (found !== kept) this.sessions.set(key, count, found, now);
    if (now - Date.parse(found.session.lastSeenAt) > 60_000) {
      const lastSeenAt = new Date(now).toISOString();
      await this.db.write((em) => this.auth.touchSession(em, found.session.id, lastSeenAt));
      const refreshed = { ...found, session: { ...found.session, lastSeenAt } };
      this.sessions.update(key, refreshed);
      return refreshed;
    }
    return found;
  }

  /** Not revoked, not expired, not idle too long. */
  private isLive(session: SessionEntity, kind: SessionKind, now: number): boolean {
    if (session.kind !== kind || session.revokedAt) return false;
    if (Date.parse(session.expiresAt) <= now) return false;
    const idleLimit =
      kind === 'COOKIE'
        ? minutes(this.config.SESSION_IDLE_MINUTES)
        : this.config.TOKEN_DAYS * 86_400_000;
    return now - Date.parse(session.lastSeenAt) <= idleLimit;
  }

  logout(session: SessionEntity): Promise<void> {
    return this.db.write(async (em) => {
      await this.auth.revokeSession(em, session.id, new Date().toISOString());
      await this.audit.record(em, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: session.userId,
      });
    });
  }

  /**
   * Counts one attempt of `username` from `address` before its password is checked, in one
   * transaction holding both counters (src/domain/auth/login-throttle.ts), so that parallel attempts
   * cannot check more passwords than the limit. Refused: 429 with the wait in seconds; the first
   * refusal by the account's hourly cap writes an alert to the audit log for the administrator.
   */
  private async reserveAttempt(username: string, address: string, now: number): Promise<void> {
    const policy: LoginThrottlePolicy = {
      maxFailures: this.config.LOGIN_MAX_FAILURES,
      baseLockMs: minutes(this.config.LOGIN_LOCK_MINUTES),
      accountMaxFailures: this.config.LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR,
      accountWindowMs: minutes(60),
    };
    const refused = await this.db.write(async (em) => {
      const counters = await this.auth.lockLoginCounters(em, username, address);
      const r = reserveLoginAttempt(counters.address, counters.account, now, policy);
      if (r.granted) {
        await this.auth.saveAddressCounter(em, username, address, r.address);
        await this.auth.saveAccountCounter(em, username, r.account);
        return null;
      }
      if (r.alert) {
        await this.auth.saveAccountCounter(em, username, r.alert);
        await this.audit.record(em, {
          action: 'auth.login_alert',
          entityType: 'login',
          entityId: username,
          after: {
            failures: r.alert.failures,
            since: new Date(r.alert.windowStart).toISOString(),
            lastAddress: address,
          },
          reason: `Đăng nhập sai ${r.alert.failures} lần trong một giờ từ nhiều địa chỉ; tạm từ chối đăng nhập tên này đến hết giờ.`,
        });
      }
      return r;
    });
    if (!refused) return;
    if (refused.alert)
      this.logger.warn(
        `Cảnh báo: tên đăng nhập "${username}" bị thử sai ${refused.alert.failures} lần trong một giờ; tạm từ chối đến hết giờ.`,
      );
    throw new AppError(
      refused.reason === 'ADDRESS_LOCKED' ? AuthErrors.LOCKED : AuthErrors.ACCOUNT_RATE_LIMITED,
      { extra: { retryAfterSeconds: Math.max(1, Math.ceil(refused.retryAfterMs / 1000)) } },
    );
  }

  /**
   * Deletes the sign-in counters that no longer matter (an address without failures for a day, an
   * account whose hour is over), so that guessed names and addresses do not pile up. Two
   * transactions, so that neither holds rows of both tables while a sign-in waits for them.
   */
  async purgeLoginCounters(now: number): Promise<void> {
    await this.db.write((em) => this.auth.purgeAddressCounters(em, now - MAX_LOCK_MS));
    await this.db.write((em) => this.auth.purgeAccountCounters(em, now - minutes(60)));
  }

  private async toAuthenticated(
    em: Parameters<AuthRepository['blocScopes']>[0],
    u: UserEntity,
  ): Promise<AuthenticatedUser> {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      organizationId: u.organizingBodyId,
      unitId: u.unitId,
      blocIds: await this.auth.blocScopes(em, u.id),
      isDemo: u.isDemo,
    };
  }
}
