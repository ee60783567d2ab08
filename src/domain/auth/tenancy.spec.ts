import { mayMoveToOrganization, organizationForNew, tierOpenToBloc } from './tenancy';

describe('organization of a new record', () => {
  it.each([
    // own, asked, result
    [null, undefined, { organizationId: null }],
    [null, null, { organizationId: null }],
    [null, 3, { organizationId: 3 }],
    [2, undefined, { organizationId: 2 }],
    [2, 2, { organizationId: 2 }],
    [2, 3, 'NOT_OWN'],
    [2, null, 'NOT_OWN'],
  ] as const)('own %p, asked %p → %p', (own, asked, result) => {
    expect(organizationForNew(own, asked)).toEqual(result);
  });

  it("fixes a record's organization once set; a record of none may be given one", () => {
    // own, current, asked
    expect(mayMoveToOrganization(2, 2, undefined)).toBe(true);
    expect(mayMoveToOrganization(2, 2, 2)).toBe(true);
    expect(mayMoveToOrganization(2, 2, 3)).toBe(false);
    expect(mayMoveToOrganization(2, 2, null)).toBe(false);
    // not even an account bound to none moves it
    expect(mayMoveToOrganization(null, 2, 3)).toBe(false);
    expect(mayMoveToOrganization(null, 2, null)).toBe(false);
    // a record of none
    expect(mayMoveToOrganization(null, null, 3)).toBe(true);
    expect(mayMoveToOrganization(2, null, 2)).toBe(true);
    expect(mayMoveToOrganization(2, null, 3)).toBe(false);
  });
});

describe('tiers a bloc may propose', () => {
  it('shared tiers are every bloc’s; an organization’s own tier its blocs’ only', () => {
    expect(tierOpenToBloc(null, 2)).toBe(true);
    expect(tierOpenToBloc(null, null)).toBe(true);
    expect(tierOpenToBloc(2, 2)).toBe(true);
    expect(tierOpenToBloc(2, 3)).toBe(false);
    // a bloc of no organization sees no organization's own tier
    expect(tierOpenToBloc(2, null)).toBe(false);
  });
});
