import {
  formatEnteredPoints,
  formatPoints,
  formatRawPoints,
  isCentipoints,
  toCentipoints,
} from './points';
import { joinVi } from '../common/text';

describe('formatPoints', () => {
  it.each([
    [0, '0'],
    [1250, '12,5'],
    [1225, '12,25'],
    [1205, '12,05'],
    [95000, '950'],
    [100000, '1.000'],
    [123456789, '1.234.567,89'],
    [-5000, '-50'],
    [-1, '-0,01'],
  ])('formats %p centipoints as "%s"', (value, expected) => {
    expect(formatPoints(value)).toBe(expected);
  });

  it('refuses a value that is not whole centipoints (a programming error)', () => {
    expect(() => formatPoints(12.5)).toThrow(RangeError);
  });
});

describe('toCentipoints', () => {
  it.each([
    [12.5, 1250],
    [0.29, 29],
    [0.1 + 0.2, 30],
    [1000, 100000],
    [-0.5, -50],
    [0.01, 1],
  ])('converts %p points to %p centipoints', (points, expected) => {
    expect(toCentipoints(points)).toEqual({ ok: true, value: expected });
  });

  it('never returns negative zero', () => {
    const result = toCentipoints(-0);
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each([[12.345], [0.001], [Number.NaN], [Number.POSITIVE_INFINITY], [1e300]])(
    'refuses %p points (not a whole number of hundredths)',
    (points) => {
      const result = toCentipoints(points);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('POINTS_NOT_HUNDREDTHS');
    },
  );

  it('explains the refusal in Vietnamese with a decimal comma', () => {
    const result = toCentipoints(12.345);
    expect(!result.ok && result.error.message).toBe(
      'Điểm 12,345 không hợp lệ; chỉ được lấy đến hai chữ số thập phân.',
    );
  });
});

describe('helpers', () => {
  it.each([
    [1250, true],
    [12.5, false],
    [Number.NaN, false],
  ])('isCentipoints(%p) is %p', (value, expected) => {
    expect(isCentipoints(value)).toBe(expected);
  });

  it.each([
    [1234.5, '12,345'],
    [1250, '12,5'],
  ])('formatRawPoints(%p) is "%s"', (value, expected) => {
    expect(formatRawPoints(value)).toBe(expected);
  });

  it.each([
    [100000, '1.000'],
    [1234.5, '12,345'],
  ])('formatEnteredPoints(%p) is "%s"', (value, expected) => {
    expect(formatEnteredPoints(value)).toBe(expected);
  });

  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a và b'],
    [['a', 'b', 'c'], 'a, b và c'],
  ])('joinVi(%j) is "%s"', (items, expected) => {
    expect(joinVi(items)).toBe(expected);
  });
});
