import * as eligibility from './index';

describe('eligibility public API', () => {
  it('exports the evaluator, the acknowledgement check, the registry and the helpers', () => {
    expect(Object.keys(eligibility).sort()).toEqual([
      'ELIGIBILITY_RULES',
      'INACTIVE_NOMINATION_STATUSES',
      'activePeers',
      'checkAcknowledgements',
      'evaluateNomination',
      'mergeAcknowledgements',
      'provinceCapAllowance',
    ]);
    expect(typeof eligibility.evaluateNomination).toBe('function');
    expect(typeof eligibility.checkAcknowledgements).toBe('function');
    expect(typeof eligibility.activePeers).toBe('function');
    expect(typeof eligibility.provinceCapAllowance).toBe('function');
    expect(eligibility.ELIGIBILITY_RULES).toHaveLength(12);
    expect(eligibility.INACTIVE_NOMINATION_STATUSES).toEqual(['WITHDRAWN', 'REJECTED', 'CUT']);
  });
});
