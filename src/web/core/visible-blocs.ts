import type { Authenticated } from '../../auth/auth.service';
import type { BlocsService } from '../../registry/blocs/blocs.service';
import { PERMISSIONS } from '../../domain/auth/permissions';
import { isNotFound } from './access';

/** A year from `?nam=` among the known years, else the latest. */
export function pickYear(raw: unknown, years: readonly number[]): number {
  const asked = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return years.includes(asked) ? asked : (years[0] ?? new Date().getFullYear());
}

/**
 * The blocs with a term in the year (`?nam=`, else the latest) that the user may read, as the
 * dashboard filters them; used by the nominations and the provincial stage pages.
 */
export async function visibleBlocs(blocs: BlocsService, auth: Authenticated, yearRaw: unknown) {
  const all = await blocs.list({ page: 1, pageSize: 500 });
  const years = [...new Set(all.items.flatMap((b) => b.termYears))].sort((a, b) => b - a);
  const year = pickYear(yearRaw, years);
  const grant = PERMISSIONS['term.read'][auth.user.role];
  const out: { id: number; name: string; kindLabel: string; provinceId: number }[] = [];
  for (const b of all.items.filter((x) => x.termYears.includes(year))) {
    if (grant === undefined) continue;
    if (grant === 'OWN_BLOC' && !auth.user.blocIds.includes(b.id)) continue;
    if (grant === 'OWN_UNIT') {
      const term = await blocs.getTerm(b.id, year).catch((e: unknown) => {
        if (isNotFound(e)) return null;
        throw e;
      });
      if (!term?.members.some((m) => m.id === auth.user.unitId)) continue;
    }
    out.push({ id: b.id, name: b.name, kindLabel: b.kindLabel, provinceId: b.provinceId });
  }
  return { year, years, blocs: out };
}
