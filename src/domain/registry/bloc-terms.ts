import type { Finding } from '../common/result';
import { isActiveDuringYear } from './unit-types';

export interface TermUnitFacts {
  id: number;
  name: string;
  provinceId: number;
  validFrom: string;
  validTo: string | null;
  /** The other bloc this unit already sits in that year, if any. */
  otherBlocName: string | null;
}

export interface TermCompositionInput {
  year: number;
  blocProvinceId: number;
  memberUnitIds: readonly number[];
  /** Facts about every unit named (members, head, deputy) that exists; unknown ids are absent. */
  units: ReadonlyMap<number, TermUnitFacts>;
  headUnitId: number | null;
  deputyUnitId: number | null;
}

/**
 * Checks the composition of a bloc's year: every member exists during that year, belongs to the
 * bloc's province and sits in no other bloc that year (R13 temporal membership); the head and
 * deputy (R14) are distinct members.
 */
export function validateTermComposition(input: TermCompositionInput): Finding[] {
  const out: Finding[] = [];
  const add = (code: string, message: string, field: string, params?: Finding['params']): void => {
    out.push({ code, severity: 'error', message, field, params });
  };
  const seen = new Set<number>();
  input.memberUnitIds.forEach((id, i) => {
    const field = `memberUnitIds.${i}`;
    if (seen.has(id)) {
      add('BLOC_MEMBER_DUPLICATE', `Đơn vị #${id} được liệt kê hai lần.`, field, { unitId: id });
      return;
    }
    seen.add(id);
    const u = input.units.get(id);
    if (!u) {
      add('BLOC_MEMBER_UNKNOWN_UNIT', `Không tìm thấy đơn vị #${id}.`, field, { unitId: id });
      return;
    }
    if (u.provinceId !== input.blocProvinceId) {
      add('BLOC_MEMBER_OTHER_PROVINCE', `${u.name} không thuộc tỉnh của khối thi đua.`, field, {
        unitId: id,
      });
    }
    if (!isActiveDuringYear(u, input.year)) {
      add(
        'BLOC_MEMBER_NOT_ACTIVE',
        `${u.name} không tồn tại trong năm ${input.year} (hiệu lực ${u.validFrom} – ${u.validTo ?? 'nay'}).`,
        field,
        { unitId: id },
      );
    }
    if (u.otherBlocName !== null) {
      add(
        'BLOC_MEMBER_IN_OTHER_BLOC',
        `${u.name} đã là thành viên của "${u.otherBlocName}" năm ${input.year}.`,
        field,
        { unitId: id },
      );
    }
  });
  const roles: [number | null, string, string][] = [
    [input.headUnitId, 'headUnitId', 'Trưởng khối'],
    [input.deputyUnitId, 'deputyUnitId', 'Phó khối'],
  ];
  for (const [id, field, label] of roles) {
    if (id !== null && !seen.has(id)) {
      add(
        'BLOC_OFFICER_NOT_MEMBER',
        `${label} phải là một đơn vị thành viên của khối trong năm ${input.year}.`,
        field,
        { unitId: id },
      );
    }
  }
  if (input.headUnitId !== null && input.headUnitId === input.deputyUnitId) {
    add(
      'BLOC_HEAD_IS_DEPUTY',
      'Trưởng khối và phó khối phải là hai đơn vị khác nhau.',
      'deputyUnitId',
    );
  }
  return out;
}
