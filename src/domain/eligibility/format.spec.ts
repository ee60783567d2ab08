import { formatDate, formatQuotient, formatShare, tierName, unitName } from './format';
import { buildContext, HD } from '../../../test/builders/eligibility';
import { capitalize, joinVi } from '../common/text';

describe('eligibility message formatting', () => {
  it.each([
    ['2025-06-30', '30/06/2025'],
    ['2024-03-28', '28/03/2024'],
    ['', '//'],
  ])('formats %p as %p', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it.each([
    [{ numerator: 1, denominator: 5 }, '20%'],
    [{ numerator: 1, denominator: 8 }, '12,5%'],
    [{ numerator: 1, denominator: 3 }, '1/3'],
    [{ numerator: 0, denominator: 1 }, '0%'],
  ])('formats the share %j as %p', (f, expected) => {
    expect(formatShare(f)).toBe(expected);
  });

  it.each([
    [4, 5, '0,8'],
    [10, 5, '2'],
    [4, 3, '≈ 1,33'],
    [2, 3, '≈ 0,67'],
  ])('formats %p / %p as %p', (p, q, expected) => {
    expect(formatQuotient(p, q)).toBe(expected);
  });

  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a và b'],
    [['a', 'b', 'c'], 'a, b và c'],
  ])('joins %j as %p', (items, expected) => {
    expect(joinVi(items)).toBe(expected);
  });

  it.each([
    ['huyện Cẩm Giàng', 'Huyện Cẩm Giàng'],
    ['đặc khu Bạch Long Vĩ', 'Đặc khu Bạch Long Vĩ'],
    ['', ''],
  ])('capitalises %p', (s, expected) => {
    expect(capitalize(s)).toBe(expected);
  });

  it('finds names of the nominee, of other units and of tiers, with fallbacks', () => {
    const named = buildContext();
    expect(unitName(named, HD.TP_HAI_DUONG)).toBe('thành phố Hải Dương');
    expect(unitName(named, HD.CAM_GIANG)).toBe('huyện Cẩm Giàng');
    expect(unitName(named, 77)).toBe('đơn vị #77');
    expect(tierName(named, 'GOV_FLAG')).toBe('Cờ thi đua của Chính phủ');
    expect(tierName(named, 'OTHER')).toBe('OTHER');
    const bare = { ...named, unitNames: undefined, tierNames: undefined };
    expect(unitName(bare, HD.CAM_GIANG)).toBe('đơn vị #2');
    expect(unitName(bare, HD.TP_HAI_DUONG)).toBe('thành phố Hải Dương');
    expect(tierName(bare, 'GOV_FLAG')).toBe('GOV_FLAG');
  });
});
