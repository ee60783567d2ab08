import * as voting from './index';

describe('voting public API', () => {
  it('exports the rules, the code lists and the display helpers', () => {
    expect(Object.keys(voting).sort()).toEqual([
      'COUNT_FINDING_CODES',
      'DEFAULT_INVALID_SHARE_LIMIT',
      'TALLY_FINDING_CODES',
      'checkCounts',
      'checkQuorum',
      'checkVotingRule',
      'compareEntries',
      'formatPercentTenths',
      'formatThreshold',
      'formatVotingRule',
      'meetingQuorum',
      'percentTenths',
      'sameEnterer',
      'tallyBallot',
    ]);
    for (const value of Object.values(voting)) expect(value).toBeDefined();
    expect(voting.DEFAULT_INVALID_SHARE_LIMIT).toEqual({ numerator: 1, denominator: 10 });
  });
});
