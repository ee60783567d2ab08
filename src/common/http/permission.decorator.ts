import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Action } from '../../domain/auth/permissions';

export const PERMISSION_KEY = 'thidua:permission';
export const PUBLIC_KEY = 'thidua:public';

/** The action a route performs, or a function choosing it from the request (e.g. by stage). */
export type PermissionSpec = Action | ((req: Request) => Action);

/** Declares the route's action in the permission table (routes without one are refused). */
export const Permission = (spec: PermissionSpec): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSION_KEY, spec);

/** A route open without signing in (login, health, documentation). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
