import {
  compareIds,
  formatPercentTenths,
  formatScore,
  formatShare,
  formatThreshold,
  formatVotingRule,
  missSymbol,
  nomineeName,
  percentTenths,
} from './format';
import { joinVi } from '../common/text';

describe('percentTenths (display only, rounded half up on integers)', () => {
  it.each([
    [11, 12, 917],
    [10, 12, 833],
    [9, 12, 750],
    [12, 12, 1000],
    [2, 3, 667],
    [1, 3, 333],
    [1, 16, 63], // 6,25 % → 6,3 %
    [0, 7, 0],
  ])('%i/%i → %i tenths', (part, whole, tenths) => {
    expect(percentTenths(part, whole)).toBe(tenths);
  });
});

describe('Vietnamese number formats', () => {
  it.each([
    [917, '91,7 %'],
    [750, '75,0 %'],
    [1000, '100 %'],
    [0, '0,0 %'],
  ])('formatPercentTenths(%i) = %s', (tenths, text) => {
    expect(formatPercentTenths(tenths)).toBe(text);
  });

  it.each([
    [70, 100, '70 %'],
    [805, 1000, '80,5 %'],
    [1, 2, '50 %'],
    [9, 10, '90 %'],
    [2, 3, '2/3'],
    [4, 6, '2/3'],
    [5, 7, '5/7'],
  ])('formatShare(%i/%i) = %s', (numerator, denominator, text) => {
    expect(formatShare({ numerator, denominator })).toBe(text);
  });

  it('writes thresholds and their misses with the comparator', () => {
    expect(formatThreshold({ numerator: 2, denominator: 3 }, 'GTE')).toBe('≥ 2/3');
    expect(formatThreshold({ numerator: 1, denominator: 2 }, 'GT')).toBe('> 50 %');
    expect(missSymbol('GTE')).toBe('<');
    expect(missSymbol('GT')).toBe('≤');
  });

  it.each([
    [93600, '936'],
    [93650, '936,5'],
    [93625, '936,25'],
    [105000, '1.050'],
    [-500, '-5'],
  ])('formatScore(%i centipoints) = %s', (value, text) => {
    expect(formatScore(value)).toBe(text);
  });

  it('joins names and falls back to the id', () => {
    expect(joinVi([])).toBe('');
    expect(joinVi(['a'])).toBe('a');
    expect(joinVi(['a', 'b'])).toBe('a và b');
    expect(joinVi(['a', 'b', 'c'])).toBe('a, b và c');
    expect(nomineeName(new Map([['CG', 'huyện Cẩm Giàng']]), 'CG')).toBe('huyện Cẩm Giàng');
    expect(nomineeName(undefined, 'CG')).toBe('đơn vị CG');
  });

  it('orders ids by code unit, independent of locale', () => {
    expect(['b', 'B', 'a', 'a'].sort(compareIds)).toEqual(['B', 'a', 'a', 'b']);
  });
});

describe('formatVotingRule (one wording of a rule, issue 15 item 4)', () => {
  it('words the threshold and the quorum with the same share style', () => {
    expect(
      formatVotingRule({
        threshold: { numerator: 1, denominator: 2 },
        thresholdComparator: 'GT',
        denominator: 'ALL_MEMBERS',
        quorum: { numerator: 2, denominator: 3 },
        quorumComparator: 'GTE',
      }),
    ).toBe('> 50 % tổng số thành viên; có mặt ≥ 2/3 tổng số thành viên');
  });
});
