/** Administrative unit types (đơn vị hành chính) before and after the 2025 reorganisation. */
export const UNIT_TYPES = [
  'THANH_PHO',
  'THI_XA',
  'HUYEN',
  'QUAN',
  'XA',
  'PHUONG',
  'DAC_KHU',
  'CO_QUAN',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Vietnamese label of each unit type, lower case as it is written before a name ("huyện Cẩm Giàng"). */
export const UNIT_TYPE_LABELS: Readonly<Record<UnitType, string>> = {
  THANH_PHO: 'thành phố',
  THI_XA: 'thị xã',
  HUYEN: 'huyện',
  QUAN: 'quận',
  XA: 'xã',
  PHUONG: 'phường',
  DAC_KHU: 'đặc khu',
  CO_QUAN: 'cơ quan, đơn vị',
};

/** District-level types ended on 01/07/2025 (Constitution amendment, NQ 203/2025/QH15). */
export const DISTRICT_LEVEL_TYPES: readonly UnitType[] = ['THANH_PHO', 'THI_XA', 'HUYEN', 'QUAN'];

/** How a unit continues in another after a reorganisation. */
export const LINEAGE_KINDS = ['MERGED_INTO', 'SPLIT_INTO', 'RENAMED_TO', 'TRANSFERRED_TO'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

export const BLOC_KINDS = ['KHOI', 'CUM'] as const;
export type BlocKind = (typeof BLOC_KINDS)[number];

export const BLOC_KIND_LABELS: Readonly<Record<BlocKind, string>> = {
  KHOI: 'khối thi đua',
  CUM: 'cụm thi đua',
};

/** True when the unit exists on the given ISO date (validity bounds are inclusive). */
export function isActiveOn(
  unit: { validFrom: string; validTo: string | null },
  isoDate: string,
): boolean {
  return unit.validFrom <= isoDate && (unit.validTo === null || isoDate <= unit.validTo);
}

/** True when the unit exists on at least one day of the calendar year. */
export function isActiveDuringYear(
  unit: { validFrom: string; validTo: string | null },
  year: number,
): boolean {
  return (
    unit.validFrom <= `${year}-12-31` && (unit.validTo === null || unit.validTo >= `${year}-01-01`)
  );
}
