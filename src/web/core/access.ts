import type { Authenticated } from '../../auth/auth.service';
import { AppError } from '../../common/errors/app-error';
import { PERMISSIONS, type Action, type Grant } from '../../domain/auth/permissions';

/**
 * A grant over everything the user can see: the whole instance, or (issue 21) the user's
 * organization, whose lists the pages are given already filtered (`src/database/tenant.ts`).
 */
const wide = (grant: Grant | undefined): boolean => grant === 'ALL' || grant === 'OWN_ORGANIZATION';

/**
 * What a page may offer (a button, a form, a link): whether the user holds the action at all. The
 * guard still decides every request with the resource's scope; this only hides what would be refused.
 */
export function holds(auth: Authenticated, action: Action): boolean {
  return PERMISSIONS[action][auth.user.role] !== undefined;
}

/** Whether the user may do `action` on a given bloc: everywhere, or on their own blocs. */
export function holdsOnBloc(auth: Authenticated, action: Action, blocId: number | null): boolean {
  const grant = PERMISSIONS[action][auth.user.role];
  if (wide(grant)) return true;
  if (grant === 'OWN_BLOC') return blocId !== null && auth.user.blocIds.includes(blocId);
  return false;
}

export const isNotFound = (e: unknown): boolean => e instanceof AppError && e.kind === 'NOT_FOUND';

/** A comma-separated list of ids from a form ('' → []); what is not a number is kept for the DTO to refuse. */
export function idList(v: string | undefined): (number | string)[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/^\d{1,15}$/.test(s) ? Number(s) : s));
}

/**
 * Whether the user may do an action of the instance itself (a grant `INSTANCE`: creating
 * organizations, changing reference data), which an account bound to an organization never may.
 */
export function holdsOnInstance(auth: Authenticated, action: Action): boolean {
  const grant = PERMISSIONS[action][auth.user.role];
  if (grant === 'INSTANCE') return auth.user.organizationId === null;
  return grant === 'ALL';
}

/** Whether the user holds `action` province-wide (a page without a bloc, such as all nominations). */
export function holdsEverywhere(auth: Authenticated, action: Action): boolean {
  return wide(PERMISSIONS[action][auth.user.role]);
}

/**
 * Whether a link to a unit-level page (a unit, its score sheet, its nomination) should be offered,
 * so that a list never shows a link the guard would refuse: a unit representative sees only their
 * unit's; a bloc secretary the units listed in a page of their own bloc (`blocId`), or any unit
 * where the page has no bloc (the guard still decides).
 */
export function mayOpenUnit(
  auth: Authenticated,
  action: Action,
  unitId: number,
  blocId: number | null = null,
): boolean {
  const grant = PERMISSIONS[action][auth.user.role];
  if (wide(grant)) return true;
  if (grant === 'OWN_UNIT') return auth.user.unitId === unitId;
  if (grant === 'OWN_BLOC') return blocId === null || auth.user.blocIds.includes(blocId);
  return false;
}
