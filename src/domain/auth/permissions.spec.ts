import { ACTIONS, decide, PERMISSIONS, ROLES, type Principal } from './permissions';

const p = (over: Partial<Principal>): Principal => ({
  role: 'VIEWER',
  blocIds: [],
  unitId: null,
  unitBlocIds: [],
  ...over,
});

describe('permission table', () => {
  it('declares every action and grants the admin everything', () => {
    for (const a of ACTIONS) expect(PERMISSIONS[a].OFFICE_ADMIN).toBe('ALL');
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
    expect(ROLES).toHaveLength(5);
  });
});
