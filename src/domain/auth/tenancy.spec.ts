import { mayMoveToOrganization, organizationForNew } from './tenancy';

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

  it('lets an organization keep its records, never hand them to another or to none', () => {
    expect(mayMoveToOrganization(2, undefined)).toBe(true);
    expect(mayMoveToOrganization(2, 2)).toBe(true);
    expect(mayMoveToOrganization(2, 3)).toBe(false);
    expect(mayMoveToOrganization(2, null)).toBe(false);
    expect(mayMoveToOrganization(null, 3)).toBe(true);
  });
});
