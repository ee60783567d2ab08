import { HD_FLAG_RULE } from '../../../test/builders/voting';
import { checkVotingRule } from './voting-rule';

describe('checkVotingRule (R8)', () => {
  it.each([
    ['accepts the Hải Dương flag rule', {}, []],
    [
      'refuses a zero threshold',
      { threshold: { numerator: 0, denominator: 1 } },
      ['VOTING_RULE_BAD_THRESHOLD'],
    ],
    [
      'refuses a threshold above 1',
      { threshold: { numerator: 3, denominator: 2 } },
      ['VOTING_RULE_BAD_THRESHOLD'],
    ],
    [
      'refuses a zero denominator',
      { quorum: { numerator: 2, denominator: 0 } },
      ['VOTING_RULE_BAD_QUORUM'],
    ],
    ['accepts a zero quorum', { quorum: { numerator: 0, denominator: 1 } }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(checkVotingRule({ ...HD_FLAG_RULE, ...overrides }).map((f) => f.code)).toEqual(expected);
  });
});
