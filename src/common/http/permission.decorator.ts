import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Action } from '../../domain/auth/permissions';

export const PERMISSION_KEY = 'thidua:permission';
export const SCOPE_KEY = 'thidua:scope';
export const PUBLIC_KEY = 'thidua:public';

/** The action a route performs, or a function choosing it from the request (e.g. by stage). */
export type PermissionSpec = Action | ((req: Request) => Action);

/**
 * Which path parameter of the route names which record, for placing the request in a bloc or a
 * unit (`ScopeResolver`): `{ meeting: 'mid' }`, `{ bloc: 'id', unit: 'unitId' }`. Declared with the
 * permission, so renaming a parameter cannot silently change who may call the route: a declared
 * parameter the route lacks refuses every scoped user (and fails the route-scope test).
 */
export interface ScopeParams {
  readonly bloc?: string;
  readonly unit?: string;
  readonly criteriaSet?: string;
  readonly meeting?: string;
  readonly document?: string;
  readonly ballot?: string;
  readonly nomination?: string;
  readonly evidence?: string;
  /** An organization (organizing body) named by the route itself. */
  readonly organization?: string;
  /** An account: the route reaches the account's organization. */
  readonly account?: string;
  /** An award tier: an organization's own, or shared by all (read-only to organizations). */
  readonly tier?: string;
}

/**
 * Declares the route's action in the permission table (routes without one are refused) and, for a
 * route about one bloc, unit, meeting, … the parameters that name it.
 */
export const Permission = (
  spec: PermissionSpec,
  scope: ScopeParams = {},
): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PERMISSION_KEY, spec), SetMetadata(SCOPE_KEY, scope));

/** A route open without signing in (login, health, documentation). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
