import type { Fraction } from '../common/fraction';
import type { EligibilityContext } from './context';

/** "2025-06-30" → "30/06/2025" (the date form of Vietnamese administrative documents). */
export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** 1/5 → "20%", 1/8 → "12,5%"; a share with no short decimal form stays a fraction: 1/3 → "1/3". */
export function formatShare(f: Fraction): string {
  if ((f.numerator * 10_000) % f.denominator !== 0) return `${f.numerator}/${f.denominator}`;
  return `${String((f.numerator * 100) / f.denominator).replace('.', ',')}%`;
}

/** The display name of a unit: the nominee's own name, then the context's names, else "đơn vị #id". */
export function unitName(context: EligibilityContext, unitId: number): string {
  if (unitId === context.unit.id) return context.unit.name;
  return context.unitNames?.get(unitId) ?? `đơn vị #${unitId}`;
}

/** The display name of a tier, else its code. */
export function tierName(context: EligibilityContext, tierCode: string): string {
  return context.tierNames?.get(tierCode) ?? tierCode;
}

/** "hạng 2/12", or "chưa có trong bảng xếp hạng". */
export function rankLabel(context: EligibilityContext, unitId: number): string {
  const i = context.ranking.orderedUnitIds.indexOf(unitId);
  return i < 0
    ? 'chưa có trong bảng xếp hạng'
    : `xếp hạng ${i + 1}/${context.ranking.orderedUnitIds.length}`;
}

/** p / q with a decimal comma and at most two decimals; "≈ " marks a rounded value: 4/5 → "0,8", 1/3 → "≈ 0,33". */
export function formatQuotient(p: number, q: number): string {
  const rounded = String(Math.round((p * 100) / q) / 100).replace('.', ',');
  return (p * 100) % q === 0 ? rounded : `≈ ${rounded}`;
}
