/**
 * The one declarative permission table (ASVS V8): role × action → grant. Deny by default: an action
 * missing for a role is refused; every route declares its action (a test fails otherwise).
 * - ALL: anywhere in the province;
 * - OWN_BLOC: only resources of the blocs assigned to the user (bloc secretary);
 * - OWN_UNIT: only the user's unit, and for bloc-level reads the blocs the unit is a member of.
 */
export const ROLES = [
  'OFFICE_ADMIN',
  'OFFICE_STAFF',
  'BLOC_SECRETARY',
  'UNIT_REP',
  'VIEWER',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  OFFICE_ADMIN: 'Quản trị (Văn phòng thi đua tỉnh)',
  OFFICE_STAFF: 'Chuyên viên Văn phòng thi đua tỉnh',
  BLOC_SECRETARY: 'Thư ký khối/cụm thi đua',
  UNIT_REP: 'Đại diện đơn vị thành viên',
  VIEWER: 'Chỉ xem',
};

export type Grant = 'ALL' | 'OWN_BLOC' | 'OWN_UNIT';

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
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF: Partial<Record<Role, Grant>> = { OFFICE_ADMIN: 'ALL', OFFICE_STAFF: 'ALL' };

export const PERMISSIONS: Readonly<Record<Action, Partial<Record<Role, Grant>>>> = {
  'auth.self': {
    OFFICE_ADMIN: 'ALL',
    OFFICE_STAFF: 'ALL',
    BLOC_SECRETARY: 'ALL',
    UNIT_REP: 'ALL',
    VIEWER: 'ALL',
  },
  'registry.read': {
    OFFICE_ADMIN: 'ALL',
    OFFICE_STAFF: 'ALL',
    BLOC_SECRETARY: 'ALL',
    UNIT_REP: 'ALL',
    VIEWER: 'ALL',
  },
  'registry.write': STAFF,
  'term.read': { ...STAFF, VIEWER: 'ALL', BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'unit.read': { ...STAFF, VIEWER: 'ALL', BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'criteria.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'scoring.manage': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'scores.self.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'scores.review.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'nominations.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  'nominations.report': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
  'province.manage': STAFF,
  'awards.read': { ...STAFF, VIEWER: 'ALL' },
  'meetings.write': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  // The secretary who recorded the meeting starts its correction (đính chính), as office staff can.
  'meetings.correct': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC' },
  // Where the organising body wants two people, an administrator approves or rejects the correction
  // (never the person who started it: checked by the service).
  'meetings.correct.approve': { OFFICE_ADMIN: 'ALL' },
  'users.manage': { OFFICE_ADMIN: 'ALL' },
  'audit.read': STAFF,
  'audit.checkpoint': { OFFICE_ADMIN: 'ALL' },
  // Storing an office's certificate is the administrator's; signing needs the grant here AND a place
  // on the issuer's list of signers (checked by the signing service).
  'signing.manage': { OFFICE_ADMIN: 'ALL' },
  'documents.sign': { ...STAFF, BLOC_SECRETARY: 'OWN_BLOC', UNIT_REP: 'OWN_UNIT' },
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
}

export interface Principal {
  role: Role;
  blocIds: readonly number[];
  unitId: number | null;
  /** Blocs the user's unit is a member of (any year), for OWN_UNIT reads of bloc-level resources. */
  unitBlocIds: readonly number[];
}

export type Decision =
  { allowed: true } | { allowed: false; reason: 'NO_GRANT' | 'OUT_OF_SCOPE' | 'UNRESOLVED_SCOPE' };

/**
 * ASVS 8.2: decides one request from the table. A scoped grant needs the resource's scope; a
 * resource that cannot be placed (unknown id) is refused for scoped users rather than guessed.
 */
export function decide(
  principal: Principal,
  action: Action,
  scope: ResourceScope | null,
): Decision {
  const grant = PERMISSIONS[action][principal.role];
  if (!grant) return { allowed: false, reason: 'NO_GRANT' };
  if (grant === 'ALL') return { allowed: true };
  if (!scope) return { allowed: false, reason: 'UNRESOLVED_SCOPE' };
  if (grant === 'OWN_BLOC') {
    if (scope.blocIds.length === 0 && scope.unitId !== null)
      return (scope.unitBlocIds ?? []).some((b) => principal.blocIds.includes(b))
        ? { allowed: true }
        : { allowed: false, reason: 'OUT_OF_SCOPE' };
    return scope.blocIds.length > 0 && scope.blocIds.every((b) => principal.blocIds.includes(b))
      ? { allowed: true }
      : { allowed: false, reason: 'OUT_OF_SCOPE' };
  }
  // OWN_UNIT: a unit-level resource must be the user's unit; a bloc-level one a bloc of that unit.
  if (principal.unitId === null) return { allowed: false, reason: 'OUT_OF_SCOPE' };
  if (scope.unitId !== null)
    return scope.unitId === principal.unitId
      ? { allowed: true }
      : { allowed: false, reason: 'OUT_OF_SCOPE' };
  return scope.blocIds.length > 0 && scope.blocIds.every((b) => principal.unitBlocIds.includes(b))
    ? { allowed: true }
    : { allowed: false, reason: 'OUT_OF_SCOPE' };
}
