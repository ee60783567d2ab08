import { floorOf, isValidFraction, minimumCount, reaches } from './fraction';

describe('reaches', () => {
  it.each([
    // part, whole, threshold, comparator, expected
    [7, 10, [70, 100], 'GTE', true],
    [7, 10, [70, 100], 'GT', false],
    [6, 12, [1, 2], 'GT', false],
    [7, 12, [1, 2], 'GT', true],
    [8, 12, [2, 3], 'GTE', true],
    [7, 12, [2, 3], 'GTE', false],
    [9, 12, [70, 100], 'GTE', true], // 75 %
    [8, 12, [70, 100], 'GTE', false], // 66,7 %
    [0, 0, [1, 2], 'GTE', false], // nothing to divide by: never reached
  ] as const)('%i/%i against %j %s → %s', (part, whole, [n, d], cmp, expected) => {
    expect(reaches(part, whole, { numerator: n, denominator: d }, cmp)).toBe(expected);
  });
});

describe('minimumCount', () => {
  it.each([
    [12, [2, 3], 'GTE', 8],
    [12, [1, 2], 'GT', 7],
    [12, [1, 2], 'GTE', 6],
    [12, [70, 100], 'GTE', 9],
    [10, [70, 100], 'GTE', 7],
    [10, [70, 100], 'GT', 8],
    [7, [2, 3], 'GTE', 5],
  ] as const)('of %i at %j %s is %i', (whole, [n, d], cmp, expected) => {
    const t = { numerator: n, denominator: d };
    expect(minimumCount(whole, t, cmp)).toBe(expected);
    expect(reaches(expected, whole, t, cmp)).toBe(true);
    expect(reaches(expected - 1, whole, t, cmp)).toBe(false);
  });
});

describe('floorOf and isValidFraction', () => {
  it.each([
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
  ])('20 %% of %i bloc leaders, rounded down, is %i', (leaders, cap) => {
    expect(floorOf(leaders, { numerator: 1, denominator: 5 })).toBe(cap);
  });

  it.each([
    [{ numerator: 1, denominator: 2 }, true],
    [{ numerator: 0, denominator: 1 }, true],
    [{ numerator: 3, denominator: 2 }, false],
    [{ numerator: 1, denominator: 0 }, false],
    [{ numerator: -1, denominator: 2 }, false],
    [{ numerator: 0.5, denominator: 2 }, false],
  ])('%j valid: %s', (f, ok) => {
    expect(isValidFraction(f)).toBe(ok);
  });
});
