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

/** Whether an account bound to `own` may set a record's organization to `asked` (unchanged: yes). */
export function mayMoveToOrganization(
  own: number | null,
  asked: number | null | undefined,
): boolean {
  return own === null || asked === undefined || asked === own;
}
