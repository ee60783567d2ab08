import {
  allowedCorrectionRequestTransitions,
  canTransitionCorrectionRequest,
  CORRECTION_REQUEST_STATUSES,
  isSecondPerson,
} from './correction-request';

describe('correction request state machine (G3 with four eyes)', () => {
  it.each([
    ['PENDING', 'APPROVED', true],
    ['PENDING', 'REJECTED', true],
    ['APPROVED', 'REJECTED', false],
    ['REJECTED', 'APPROVED', false],
    ['APPROVED', 'PENDING', false],
    ['REJECTED', 'PENDING', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canTransitionCorrectionRequest(from, to)).toBe(allowed);
  });

  it('ends in APPROVED or REJECTED, with nothing after', () => {
    const finals = CORRECTION_REQUEST_STATUSES.filter(
      (s) => allowedCorrectionRequestTransitions(s).length === 0,
    );
    expect(finals).toEqual(['APPROVED', 'REJECTED']);
  });

  it('wants the decider to be another person than the one who asked', () => {
    expect(isSecondPerson(7, 7)).toBe(false);
    expect(isSecondPerson(7, 8)).toBe(true);
  });
});
