import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { requestContext } from '../common/http/request-context';
import { AppConfig } from '../config/app-config';
import { decide, needsScope } from '../domain/auth/permissions';
import { AuthErrors } from './auth.errors';
import { AuthService, type Authenticated } from './auth.service';
import {
  PERMISSION_KEY,
  PUBLIC_KEY,
  SCOPE_KEY,
  type PermissionSpec,
  type ScopeParams,
} from '../common/http/permission.decorator';
import { CSRF_AFTER_UPLOAD_KEY } from './csrf-upload';
import { ScopeResolver } from './scope-resolver';

export const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

const routeOf = (req: Request): string => {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : req.path;
};

/**
 * The synchronizer token of a cookie write: the X-CSRF-Token header (scripts and API clients); for
 * the web pages (/web) only, the `_csrf` field of a submitted form. Never the URL. A multipart body
 * is parsed after the guard: its field is checked by `CsrfFieldInterceptor` (routes with `WebUpload`).
 */
function csrfTokenOf(req: Request): string | undefined {
  const header = req.header('x-csrf-token');
  if (header) return header;
  if (!req.path.startsWith('/web/') || req.is('multipart/form-data')) return undefined;
  const field = (req.body as Record<string, unknown> | undefined)?._csrf;
  return typeof field === 'string' ? field : undefined;
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-thidua_session' : 'thidua_session';
}

/** The session cookie of a sign-in (HttpOnly, SameSite=Lax, Secure behind HTTPS). */
export function setSessionCookie(res: Response, config: AppConfig, token: string): void {
  res.cookie(sessionCookieName(config.COOKIE_SECURE), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    path: '/',
    maxAge: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
  });
}

/**
 * Every request, server-side (ASVS V8): authenticate (bearer token or session cookie), check CSRF on
 * cookie writes, then the route's declared action against the permission table and the resource's
 * scope. Deny by default; denials are logged with user, route and object.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly scopes: ScopeResolver,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { auth?: Authenticated }>();

    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const cookie = (req.cookies as Record<string, string> | undefined)?.[
      sessionCookieName(this.config.COOKIE_SECURE)
    ];
    const authed = bearer
      ? await this.auth.authenticate(bearer, 'BEARER')
      : cookie
        ? await this.auth.authenticate(cookie, 'COOKIE')
        : null;
    if (!authed) throw new AppError(AuthErrors.REQUIRED);
    if (!bearer && !SAFE_METHODS.includes(req.method)) {
      // Cookie sessions: synchronizer token plus Fetch Metadata (ASVS 3.5.1, 3.5.3).
      const afterUpload =
        req.path.startsWith('/web/') &&
        !req.header('x-csrf-token') &&
        Boolean(req.is('multipart/form-data')) &&
        this.reflector.getAllAndOverride<boolean>(CSRF_AFTER_UPLOAD_KEY, targets) === true;
      if (
        req.header('sec-fetch-site') === 'cross-site' ||
        !authed.session.csrfToken ||
        (!afterUpload && csrfTokenOf(req) !== authed.session.csrfToken)
      ) {
        this.deny(req, authed, 'CSRF');
        throw new AppError(AuthErrors.CSRF);
      }
    }
    req.auth = authed;
    const store = requestContext.getStore();
    if (store)
      store.actor = {
        userId: authed.user.id,
        username: authed.user.username,
        role: authed.user.role,
        organizationId: authed.principal.organizationId,
      };

    const spec = this.reflector.getAllAndOverride<PermissionSpec | undefined>(
      PERMISSION_KEY,
      targets,
    );
    if (!spec) {
      this.logger.error(`Route without declared permission: ${req.method} ${routeOf(req)}`);
      this.deny(req, authed, 'NO_PERMISSION_DECLARED');
      throw new AppError(CommonErrors.FORBIDDEN);
    }
    const action = typeof spec === 'function' ? spec(req) : spec;
    const params = this.reflector.getAllAndOverride<ScopeParams | undefined>(SCOPE_KEY, targets);
    const scope = needsScope(authed.principal, action)
      ? await this.scopes.resolve(req, params ?? {}, authed.principal.organizationId !== null)
      : null;
    const decision = decide(authed.principal, action, scope);
    if (!decision.allowed) {
      this.deny(req, authed, `${action}:${decision.reason}`);
      throw new AppError(CommonErrors.FORBIDDEN);
    }
    return true;
  }

  private deny(req: Request, authed: Authenticated, why: string): void {
    this.logger.warn(
      JSON.stringify({
        event: 'access.denied',
        user: authed.user.username,
        role: authed.user.role,
        method: req.method,
        route: routeOf(req),
        params: req.params,
        why,
        requestId: requestContext.getStore()?.requestId,
      }),
    );
  }
}
