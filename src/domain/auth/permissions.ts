/**
 * The one declarative permission table (ASVS V8): role × action → grant. Deny by default: an action
 * missing for a role is refused; every route declares its action (a test fails otherwise).
 *
 * The organization (the organizing body: a provincial People's Committee, the provincial Fatherland
 * Front, a ministry) is the tenancy boundary (issue 21). Every account but the host's administrator
 * may belong to one; an account that belongs to one never reaches a bloc of another, whatever its
 * grant, and an account that belongs to none is the office of a single-office deployment, which
 * reaches the whole instance, as before organizations were boundaries.
 * - ALL: anyone holding it (signing out, reading one's own account);
 * - INSTANCE: only an account bound to no organization (the host's administrator, or the office of a
 *   single-office deployment): creating organizations, reference data shared by all of them;
 * - OWN_ORGANIZATION: everything of the account's organization (for an account bound to none, the
 *   whole instance); lists are filtered to it in the repositories (`src/database/tenant.ts`);
 * - OWN_BLOC: only resources of the blocs assigned to the user (bloc secretary);
 * - OWN_UNIT: only the user's unit, and for bloc-level reads the blocs the unit is a member of.
 */
export const ROLES = [
  'OFFICE_ADMIN',
  'OFFICE_STAFF',
  'BLOC_SECRETARY',
  'UNIT_REP',
  'VIEWER',
  'HOST_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  OFFICE_ADMIN: 'Quản trị (Văn phòng thi đua tỉnh)',
  OFFICE_STAFF: 'Chuyên viên Văn phòng thi đua tỉnh',
  BLOC_SECRETARY: 'Thư ký khối/cụm thi đua',
  UNIT_REP: 'Đại diện đơn vị thành viên',
  VIEWER: 'Chỉ xem',
  HOST_ADMIN: 'Quản trị hệ thống (đơn vị vận hành)',
};

export type Grant = 'ALL' | 'INSTANCE' | 'OWN_ORGANIZATION' | 'OWN_BLOC' | 'OWN_UNIT';

export const ACTIONS = [
  'auth.self',
  'registry.read',
  'registry.write',
  'term.read',
  'unit.read',
  'criteria.write',
  'scoring.manage',
  'scores.self.write',
  'scores.review.write',
  'nominations.write',
  'nominations.report',
  'province.manage',
  'awards.read',
  'meetings.write',
  'meetings.correct',
  'meetings.correct.approve',
  'users.manage',
  'audit.read',
  'audit.checkpoint',
  'signing.manage',
  'documents.sign',
  'organizations.read',
  'organizations.create',
  'organizations.administer',
  'reference.write',
  'tiers.write',
] as const;
export type Action = (typeof ACTIONS)[number];

const ORG = 'OWN_ORGANIZATION';
const STAFF: Partial<Record<Role, Grant>> = { OFFICE_ADMIN: ORG, OFFICE_STAFF: ORG };
const EVERY_MEMBER: Partial<Record<Role, Grant>> = {
  ...STAFF,
  BLOC_SECRETARY: ORG,
  UNIT_REP: ORG,
  VIEWER: ORG,
};

export const PERMISSIONS: Readonly<Record<Action, Partial<Record<Role, Grant>>>> = {
  'auth.self': { ...EVERY_MEMBER, HOST_ADMIN: 'ALL' },
  'registry.read': EVERY_MEMBER,
  'registry.write': STAFF,
  'term.read': { ...STAFF, VIEWER: ORG, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'unit.read': { ...STAFF, VIEWER: ORG, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'criteria.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'scoring.manage': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'scores.self.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'scores.review.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'nominations.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'nominations.report': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'province.manage': STAFF,
  'awards.read': { ...STAFF, VIEWER: ORG },
  'meetings.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  // The secretary who recorded the meeting starts its correction (đính chính), as office staff can.
  'meetings.correct': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  // Where the organising body wants two people, an administrator approves or rejects the correction
  // (never the person who started it: checked by the service).
  'meetings.correct.approve': { OFFICE_ADMIN: ORG },
  'users.manage': { OFFICE_ADMIN: ORG },
  'audit.read': STAFF,
  // Checkpoints pin a row of the one chain (its id and hash, no business data): the head, taken by an
  // administrator bound to no organization or the host's; an organization's administrator takes and
  // exports checkpoints of its own last row (the service chooses the row).
  'audit.checkpoint': { OFFICE_ADMIN: ORG, HOST_ADMIN: 'ALL' },
  // Storing an office's certificate is the administrator's; signing needs the grant here AND a place
  // on the issuer's list of signers (checked by the signing service).
  'signing.manage': { OFFICE_ADMIN: ORG },
  'documents.sign': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  // Organizations: the host's administrator lists them and creates them with their first
  // administrator; an organization's members read their own.
  'organizations.read': { ...EVERY_MEMBER, HOST_ADMIN: 'ALL' },
  'organizations.create': { HOST_ADMIN: 'ALL', OFFICE_ADMIN: 'INSTANCE', OFFICE_STAFF: 'INSTANCE' },
  // An organization's first administrator: accounts are the administrators' (never staff's).
  'organizations.administer': { HOST_ADMIN: 'ALL', OFFICE_ADMIN: 'INSTANCE' },
  // Reference data shared by every organization (provinces, deciding authorities): read by all,
  // changed only by an account bound to no organization. Award tiers: `tiers.write` below.
  'reference.write': { OFFICE_ADMIN: 'INSTANCE', OFFICE_STAFF: 'INSTANCE' },
  // Award tiers and their rules: an organization's office makes and changes its own tiers; the shared
  // ones (the State's awards) stay read-only to it (the fence: `ResourceScope.shared`), changed by an
  // office bound to no organization as before.
  'tiers.write': STAFF,
};

/** What a request touches, as far as scope goes (resolved from its path parameters). */
export interface ResourceScope {
  /** Blocs the resource belongs to (empty for province-level resources). */
  blocIds: readonly number[];
  /** The unit the resource belongs to, when it is unit-level. */
  unitId: number | null;
  /**
   * For a unit-level resource reached without a bloc (a unit's own page): the blocs the unit has
   * been a member of. A bloc secretary may read a unit of any of their blocs.
   */
  unitBlocIds?: readonly number[];
  /** The organization of each bloc of `blocIds` (null: a bloc bound to no organization). */
  blocOrganizationIds?: readonly (number | null)[];
  /** The organizations of the blocs of `unitBlocIds`. */
  unitOrganizationIds?: readonly (number | null)[];
  /** The organization that registered the unit (null: an account bound to none). */
  unitRegisteredBy?: number | null;
  /** The organization the route names itself (an organizing body, an account's organization). */
  organizationId?: number | null;
  /** The route names a record shared by every organization (a national tier): read-only to them. */
  shared?: boolean;
}

export interface Principal {
  role: Role;
  /** The account's organization; null: the host's administrator or a single-office deployment's office. */
  organizationId: number | null;
  blocIds: readonly number[];
  unitId: number | null;
  /** Blocs the user's unit is a member of (any year), for OWN_UNIT reads of bloc-level resources. */
  unitBlocIds: readonly number[];
}

export type Decision =
  { allowed: true } | { allowed: false; reason: 'NO_GRANT' | 'OUT_OF_SCOPE' | 'UNRESOLVED_SCOPE' };

const ALLOWED: Decision = { allowed: true };
const OUT: Decision = { allowed: false, reason: 'OUT_OF_SCOPE' };

/** Whether the table's grant for a role needs the resource's scope to be decided. */
export function needsScope(principal: Principal, action: Action): boolean {
  const grant = PERMISSIONS[action][principal.role];
  if (!grant || grant === 'ALL' || grant === 'INSTANCE') return false;
  return grant !== 'OWN_ORGANIZATION' || principal.organizationId !== null;
}

const isRead = (action: Action): boolean => action.endsWith('.read');

/**
 * The organization fence: whether a resource lies within organization `org`. A route naming an
 * organization must name this one; every bloc must be one of its blocs; a unit reached without a
 * bloc may be read when it sits in one of its blocs or was registered by it, and changed only when,
 * besides, every bloc it sits in is one of its own: a commune shared with another organization's
 * bloc is not the first one's to rename. A record shared by every organization is read only.
 */
export function withinOrganization(org: number, action: Action, scope: ResourceScope): boolean {
  if (scope.organizationId !== undefined && scope.organizationId !== org) return false;
  if (scope.shared === true && !isRead(action)) return false;
  if (scope.blocIds.length > 0)
    return (
      scope.blocOrganizationIds !== undefined &&
      scope.blocOrganizationIds.length === scope.blocIds.length &&
      scope.blocOrganizationIds.every((o) => o === org)
    );
  if (scope.unitId === null) return true;
  const orgs = scope.unitOrganizationIds;
  if (orgs === undefined) return false;
  const visible = orgs.includes(org) || scope.unitRegisteredBy === org;
  return isRead(action) ? visible : visible && orgs.every((o) => o === org);
}

/**
 * ASVS 8.2: decides one request from the table. A scoped grant needs the resource's scope; a
 * resource that cannot be placed (unknown id) is refused for scoped users rather than guessed. An
 * account bound to an organization is first held within it (`withinOrganization`), whatever its grant.
 */
export function decide(
  principal: Principal,
  action: Action,
  scope: ResourceScope | null,
): Decision {
  const grant = PERMISSIONS[action][principal.role];
  if (!grant) return { allowed: false, reason: 'NO_GRANT' };
  if (grant === 'ALL') return ALLOWED;
  if (grant === 'INSTANCE') return principal.organizationId === null ? ALLOWED : OUT;
  const org = principal.organizationId;
  if (grant === 'OWN_ORGANIZATION' && org === null) return ALLOWED;
  if (!scope) return { allowed: false, reason: 'UNRESOLVED_SCOPE' };
  if (org !== null && !withinOrganization(org, action, scope)) return OUT;
  if (grant === 'OWN_ORGANIZATION') return ALLOWED;
  if (grant === 'OWN_BLOC') {
    if (scope.blocIds.length === 0 && scope.unitId !== null)
      return (scope.unitBlocIds ?? []).some((b) => principal.blocIds.includes(b)) ? ALLOWED : OUT;
    return scope.blocIds.length > 0 && scope.blocIds.every((b) => principal.blocIds.includes(b))
      ? ALLOWED
      : OUT;
  }
  // OWN_UNIT: a unit-level resource must be the user's unit; a bloc-level one a bloc of that unit.
  if (principal.unitId === null) return OUT;
  if (scope.unitId !== null) return scope.unitId === principal.unitId ? ALLOWED : OUT;
  return scope.blocIds.length > 0 && scope.blocIds.every((b) => principal.unitBlocIds.includes(b))
    ? ALLOWED
    : OUT;
}
