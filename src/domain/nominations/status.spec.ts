import {
  allowedNominationTransitions,
  canTransitionNomination,
  isEditable,
  NOMINATION_STATUSES,
  transitionNeedsReason,
  type NominationStatus,
} from './status';

describe('nomination state machine', () => {
  it.each<[NominationStatus, NominationStatus, boolean]>([
    ['DRAFT', 'PROPOSED', true],
    ['DRAFT', 'SUBMITTED', false],
    ['PROPOSED', 'SUBMITTED', true],
    ['PROPOSED', 'DRAFT', true],
    ['SUBMITTED', 'PASSED', true],
    ['SUBMITTED', 'CUT', true],
    ['SUBMITTED', 'DECIDED', false],
    ['PASSED', 'DECIDED', true],
    ['PASSED', 'REJECTED', true],
    ['DECIDED', 'REJECTED', false],
    ['CUT', 'PASSED', false],
    ['WITHDRAWN', 'DRAFT', false],
  ])('%s → %s allowed: %s', (from, to, ok) => {
    expect(canTransitionNomination(from, to)).toBe(ok);
  });

  it('has final states with no way out', () => {
    for (const s of ['CUT', 'DECIDED', 'REJECTED', 'WITHDRAWN'] as const)
      expect(allowedNominationTransitions(s)).toEqual([]);
  });

  it('asks a reason for steps back and ends without an award', () => {
    expect(transitionNeedsReason('SUBMITTED', 'CUT')).toBe(true);
    expect(transitionNeedsReason('PASSED', 'REJECTED')).toBe(true);
    expect(transitionNeedsReason('PROPOSED', 'DRAFT')).toBe(true);
    expect(transitionNeedsReason('DRAFT', 'PROPOSED')).toBe(false);
    expect(transitionNeedsReason('PASSED', 'DECIDED')).toBe(false);
  });

  it('lets only drafts be edited', () => {
    expect(NOMINATION_STATUSES.filter(isEditable)).toEqual(['DRAFT']);
  });
});
