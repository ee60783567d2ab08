import {
  ACTIONS,
  decide,
  needsScope,
  PERMISSIONS,
  ROLES,
  withinOrganization,
  type Principal,
  type ResourceScope,
} from './permissions';

const p = (over: Partial<Principal>): Principal => ({
  role: 'VIEWER',
  organizationId: null,
  blocIds: [],
  unitId: null,
  unitBlocIds: [],
  ...over,
});

describe('permission table', () => {
  it('declares every action and grants the office administrator every one', () => {
    for (const a of ACTIONS) expect(PERMISSIONS[a].OFFICE_ADMIN).toBeDefined();
  });

  it('gives office roles their own organization, never ALL (issue 21)', () => {
    for (const a of ACTIONS)
      for (const r of ['OFFICE_ADMIN', 'OFFICE_STAFF', 'VIEWER'] as const)
        expect(PERMISSIONS[a][r]).not.toBe('ALL');
  });

  it('gives the host administrator no business data', () => {
    const held = ACTIONS.filter((a) => PERMISSIONS[a].HOST_ADMIN !== undefined);
    expect(held).toEqual([
      'auth.self',
      'audit.checkpoint',
      'organizations.read',
      'organizations.create',
      'organizations.administer',
    ]);
  });

  it('never lets a viewer write', () => {
    const writes = ACTIONS.filter((a) => !a.endsWith('.read') && a !== 'auth.self');
    for (const a of writes)
      expect(decide(p({ role: 'VIEWER' }), a, { blocIds: [1], unitId: null }).allowed).toBe(false);
  });

  it.each([
    // role, action, scope, principal extras, allowed
    ['BLOC_SECRETARY', 'meetings.write', { blocIds: [1], unitId: null }, { blocIds: [1] }, true],
    ['BLOC_SECRETARY', 'meetings.write', { blocIds: [2], unitId: null }, { blocIds: [1] }, false],
    ['BLOC_SECRETARY', 'meetings.write', null, { blocIds: [1] }, false],
    // A unit's own page (no bloc in the path): a secretary of one of the unit's blocs may read it.
    [
      'BLOC_SECRETARY',
      'unit.read',
      { blocIds: [], unitId: 5, unitBlocIds: [2, 1] },
      { blocIds: [1] },
      true,
    ],
    [
      'BLOC_SECRETARY',
      'unit.read',
      { blocIds: [], unitId: 5, unitBlocIds: [2] },
      { blocIds: [1] },
      false,
    ],
    ['BLOC_SECRETARY', 'unit.read', { blocIds: [], unitId: 5 }, { blocIds: [1] }, false],
    [
      'BLOC_SECRETARY',
      'unit.read',
      { blocIds: [], unitId: null, unitBlocIds: [1] },
      { blocIds: [1] },
      false,
    ],
    [
      'UNIT_REP',
      'unit.read',
      { blocIds: [], unitId: 6, unitBlocIds: [1] },
      { unitId: 5, unitBlocIds: [1] },
      false,
    ],
    ['BLOC_SECRETARY', 'meetings.correct', { blocIds: [1], unitId: null }, { blocIds: [1] }, true],
    ['BLOC_SECRETARY', 'meetings.correct', { blocIds: [1], unitId: null }, { blocIds: [2] }, false],
    ['UNIT_REP', 'meetings.correct', { blocIds: [], unitId: 5 }, { blocIds: [1] }, false],
    ['BLOC_SECRETARY', 'registry.write', { blocIds: [], unitId: null }, { blocIds: [1] }, false],
    [
      'UNIT_REP',
      'scores.self.write',
      { blocIds: [1], unitId: 5 },
      { unitId: 5, unitBlocIds: [1] },
      true,
    ],
    [
      'UNIT_REP',
      'scores.self.write',
      { blocIds: [1], unitId: 6 },
      { unitId: 5, unitBlocIds: [1] },
      false,
    ],
    [
      'UNIT_REP',
      'scores.review.write',
      { blocIds: [1], unitId: 5 },
      { unitId: 5, unitBlocIds: [1] },
      false,
    ],
    [
      'UNIT_REP',
      'term.read',
      { blocIds: [1], unitId: null },
      { unitId: 5, unitBlocIds: [1] },
      true,
    ],
    [
      'UNIT_REP',
      'term.read',
      { blocIds: [2], unitId: null },
      { unitId: 5, unitBlocIds: [1] },
      false,
    ],
    [
      'UNIT_REP',
      'criteria.write',
      { blocIds: [1], unitId: null },
      { unitId: 5, unitBlocIds: [1] },
      false,
    ],
    ['OFFICE_STAFF', 'users.manage', { blocIds: [], unitId: null }, {}, false],
    ['OFFICE_STAFF', 'province.manage', null, {}, true],
  ] as const)('%s %s on %j → %s', (role, action, scope, extra, allowed) => {
    expect(decide(p({ role, ...extra }), action, scope).allowed).toBe(allowed);
  });

  it('knows every role', () => {
    expect(ROLES).toHaveLength(6);
  });
});

describe('the organization fence (issue 21)', () => {
  const staff = (organizationId: number | null) => p({ role: 'OFFICE_STAFF', organizationId });
  const bloc = (org: number | null) => ({
    blocIds: [7],
    unitId: null,
    blocOrganizationIds: [org],
  });

  it('lets an account bound to no organization reach everything its grant allows, unresolved', () => {
    expect(needsScope(staff(null), 'meetings.write')).toBe(false);
    expect(decide(staff(null), 'meetings.write', null).allowed).toBe(true);
  });

  it("holds an organization's account to its blocs", () => {
    expect(needsScope(staff(2), 'meetings.write')).toBe(true);
    expect(decide(staff(2), 'meetings.write', bloc(2)).allowed).toBe(true);
    expect(decide(staff(2), 'meetings.write', bloc(3))).toEqual({
      allowed: false,
      reason: 'OUT_OF_SCOPE',
    });
    // a bloc bound to no organization is not one of its blocs
    expect(decide(staff(2), 'meetings.write', bloc(null)).allowed).toBe(false);
    // an unknown bloc (no organization found) is refused, not guessed
    expect(
      decide(staff(2), 'meetings.write', { blocIds: [7], unitId: null, blocOrganizationIds: [] })
        .allowed,
    ).toBe(false);
    expect(decide(staff(2), 'meetings.write', null).allowed).toBe(false);
  });

  it('fences secretaries and unit representatives as well as their own grant', () => {
    const sec = p({ role: 'BLOC_SECRETARY', organizationId: 2, blocIds: [7] });
    expect(decide(sec, 'meetings.write', bloc(2)).allowed).toBe(true);
    expect(decide(sec, 'meetings.write', bloc(3)).allowed).toBe(false);
    const rep = p({ role: 'UNIT_REP', organizationId: 2, unitId: 5, unitBlocIds: [7] });
    expect(decide(rep, 'term.read', bloc(2)).allowed).toBe(true);
    expect(decide(rep, 'term.read', bloc(3)).allowed).toBe(false);
  });

  it('lets an organization read a shared tier and change only its own', () => {
    const tier = (scope: Partial<ResourceScope>): ResourceScope => ({
      blocIds: [],
      unitId: null,
      ...scope,
    });
    const staff = p({ role: 'OFFICE_STAFF', organizationId: 2 });
    expect(decide(staff, 'registry.read', tier({ shared: true })).allowed).toBe(true);
    expect(decide(staff, 'tiers.write', tier({ shared: true })).allowed).toBe(false);
    expect(decide(staff, 'tiers.write', tier({ organizationId: 2 })).allowed).toBe(true);
    expect(decide(staff, 'registry.read', tier({ organizationId: 3 })).allowed).toBe(false);
    expect(decide(staff, 'tiers.write', tier({ organizationId: 3 })).allowed).toBe(false);
    // a new tier (no record named) is made in its own organization by the service
    expect(decide(staff, 'tiers.write', tier({})).allowed).toBe(true);
    // the office of a single-office deployment changes the shared tiers, as before organizations
    const single = p({ role: 'OFFICE_STAFF', organizationId: null });
    expect(decide(single, 'tiers.write', null).allowed).toBe(true);
    expect(decide(p({ role: 'VIEWER', organizationId: 2 }), 'tiers.write', tier({})).allowed).toBe(
      false,
    );
  });

  it('reads a shared unit from either organization, changes it only when it is all its own or just registered', () => {
    const unit = (orgs: (number | null)[]) => ({
      blocIds: [],
      unitId: 5,
      unitBlocIds: orgs.map((_, i) => i + 1),
      unitOrganizationIds: orgs,
    });
    expect(withinOrganization(2, 'registry.read', unit([2, 3]))).toBe(true);
    expect(withinOrganization(2, 'registry.write', unit([2, 3]))).toBe(false);
    expect(withinOrganization(2, 'registry.write', unit([2]))).toBe(true);
    expect(withinOrganization(2, 'registry.read', unit([3]))).toBe(false);
    // a unit in no bloc yet: its registering organization's only
    expect(withinOrganization(2, 'registry.read', unit([]))).toBe(false);
    const registered = { ...unit([]), unitRegisteredBy: 2 };
    expect(withinOrganization(2, 'registry.read', registered)).toBe(true);
    expect(withinOrganization(2, 'registry.write', registered)).toBe(true);
    expect(withinOrganization(3, 'registry.write', registered)).toBe(false);
    // registered by one, later put in another's bloc too: the first may read it, no longer change it
    expect(withinOrganization(2, 'registry.write', { ...unit([3]), unitRegisteredBy: 2 })).toBe(
      false,
    );
    expect(withinOrganization(2, 'registry.read', { ...unit([3]), unitRegisteredBy: 2 })).toBe(
      true,
    );
  });

  it('lets a route naming an organization reach only that one', () => {
    const named = (organizationId: number) => ({ blocIds: [], unitId: null, organizationId });
    expect(decide(staff(2), 'registry.write', named(2)).allowed).toBe(true);
    expect(decide(staff(2), 'registry.write', named(3)).allowed).toBe(false);
  });

  it('keeps what all organizations share to accounts bound to none', () => {
    expect(decide(staff(null), 'reference.write', null).allowed).toBe(true);
    expect(decide(staff(2), 'reference.write', null).allowed).toBe(false);
    expect(decide(staff(null), 'organizations.create', null).allowed).toBe(true);
    expect(decide(staff(2), 'organizations.create', null).allowed).toBe(false);
    expect(decide(staff(null), 'organizations.administer', null).allowed).toBe(false);
    const host = p({ role: 'HOST_ADMIN' });
    expect(decide(host, 'organizations.administer', null).allowed).toBe(true);
    expect(decide(host, 'registry.read', null).allowed).toBe(false);
  });
});
