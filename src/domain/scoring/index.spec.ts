import * as scoring from './index';

describe('scoring public API', () => {
  it.each([
    'validateCriteriaSet',
    'validateScoreValues',
    'validateScoreSheet',
    'computeUnitTotals',
    'rankUnits',
    'validateTieBreak',
    'toCentipoints',
    'formatPoints',
  ])('exports %s', (name) => {
    expect(typeof (scoring as Record<string, unknown>)[name]).toBe('function');
  });
});
