import { err, ok, type Finding, type Result } from '../common/result';

/**
 * Points are integer hundredths ("centipoints"): 12,5 điểm is stored as 1250. Every sum,
 * cap and comparison in the scoring rules works on these integers, so totals are exact.
 */
export type Centipoints = number;

export const CENTIPOINTS_PER_POINT = 100;

/** R11: a points amount is valid when it is a safe integer number of hundredths. */
export function isCentipoints(value: number): boolean {
  return Number.isSafeInteger(value);
}

/** R11: converts decimal points typed by a user (12.5) to centipoints (1250); finer than 0,01 is refused. */
export function toCentipoints(points: number): Result<Centipoints, Finding> {
  const scaled = points * CENTIPOINTS_PER_POINT;
  const rounded = Math.round(scaled);
  // 0.29 * 100 is 28.999999999999996: accept binary noise, refuse a real third decimal.
  if (!Number.isSafeInteger(rounded) || Math.abs(scaled - rounded) > 1e-6) {
    return err({
      code: 'POINTS_NOT_HUNDREDTHS',
      severity: 'error',
      message: `Điểm ${String(points).replace('.', ',')} không hợp lệ; chỉ được lấy đến hai chữ số thập phân.`,
      params: { points },
    });
  }
  return ok(rounded + 0); // `+ 0` turns -0 into 0
}

/** Formats centipoints the Vietnamese way: 100000 → "1.000", 1250 → "12,5", 1225 → "12,25". */
export function formatPoints(value: Centipoints): string {
  if (!isCentipoints(value)) throw new RangeError(`Not an integer number of centipoints: ${value}`);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = String(Math.floor(abs / CENTIPOINTS_PER_POINT)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    '.',
  );
  const hundredths = abs % CENTIPOINTS_PER_POINT;
  if (hundredths === 0) return sign + whole;
  return `${sign}${whole},${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
}

/** Shows a value that failed the hundredths check (e.g. 1234.5 → "12,345") without throwing. */
export function formatRawPoints(value: number): string {
  return String(value / CENTIPOINTS_PER_POINT).replace('.', ',');
}

/** Formats a value as entered: centipoints the Vietnamese way, anything else with `formatRawPoints`. */
export function formatEnteredPoints(value: number): string {
  return isCentipoints(value) ? formatPoints(value) : formatRawPoints(value);
}
