import { formatDate } from './format';

interface ProvinceChoice {
  id: number;
  fullName: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * Options of a province select: provinces in force first (by name), then former ones, each named
 * with its period so that the two "tỉnh Tuyên Quang" (before and after 01/07/2025) differ.
 */
export function provinceOptions(
  provinces: readonly ProvinceChoice[],
): { value: number; label: string }[] {
  const current = provinces.filter((p) => p.validTo === null);
  const former = provinces.filter((p) => p.validTo !== null);
  const byName = (a: ProvinceChoice, b: ProvinceChoice) =>
    a.fullName.localeCompare(b.fullName, 'vi');
  return [
    ...current.sort(byName).map((p) => ({ value: p.id, label: p.fullName })),
    ...former.sort(byName).map((p) => ({
      value: p.id,
      label: `${p.fullName} (${formatDate(p.validFrom)} – ${formatDate(p.validTo)})`,
    })),
  ];
}
