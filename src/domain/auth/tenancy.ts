/**
 * The organization a new record (a bloc, an account) gets from the account creating it (issue 21):
 * an account bound to an organization creates only in it, and may name only it; an account bound to
 * none (host administrator, single office) chooses, or leaves it unbound. `asked` undefined: not given.
 */
export function organizationForNew(
  own: number | null,
  asked: number | null | undefined,
): { organizationId: number | null } | 'NOT_OWN' {
  if (own === null) return { organizationId: asked ?? null };
  if (asked !== undefined && asked !== own) return 'NOT_OWN';
  return { organizationId: own };
}

/**
 * Whether an account bound to `own` may set to `asked` the organization of a record that has
 * `current` (asked undefined: not changed). A record's organization, once set, is fixed: what an
 * organization made stays its own, and the guard may keep the link (`ScopeResolver`). A record of
 * none (made before organizations) may be given one, by an account bound to none or to that one.
 */
export function mayMoveToOrganization(
  own: number | null,
  current: number | null,
  asked: number | null | undefined,
): boolean {
  if (asked === undefined || asked === current) return true;
  if (current !== null) return false;
  return own === null || asked === own;
}

/**
 * Whether a bloc of organization `blocOrg` may see and propose a tier of `tierOrg`: a shared tier
 * (null, the State's awards) is every bloc's; an organization's own tier is its blocs' only. A bloc
 * of no organization sees the shared tiers only.
 */
export function tierOpenToBloc(tierOrg: number | null, blocOrg: number | null): boolean {
  return tierOrg === null || tierOrg === blocOrg;
}
